using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace RaqqaLedger.Domain.Articles;

/// <summary>
/// The identity of an article: the SHA-256 of its normalized text. Normalizing first means the same
/// story saved with other line endings, trailing spaces or re-wrapped lines is recognised as present.
/// </summary>
public static class ArticleText
{
    /// <summary>
    /// Unicode NFC, invisible characters dropped (see <see cref="IsInvisible"/>), and every run of whitespace
    /// (spaces, tabs, line breaks, no-break spaces) made one space, trimmed at both ends. Letters, digits,
    /// punctuation and quote styles are kept as they are.
    /// </summary>
    public static string Normalize(string raw)
    {
        var composed = raw.Normalize(NormalizationForm.FormC);
        var builder = new StringBuilder(composed.Length);
        var pendingSpace = false;
        foreach (var c in composed)
        {
            if (IsInvisible(c))
                continue;
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }
            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }
            builder.Append(c);
        }
        return builder.ToString();
    }

    /// <summary>
    /// A format character: zero-width spaces and joiners, the byte-order mark, the soft hyphen, and the
    /// bidi marks, embeddings, overrides and isolates. They change neither what a reader sees nor what
    /// an article says, so they count for neither its identity, nor whether it is blank, nor its claims.
    /// </summary>
    public static bool IsInvisible(char c) => char.GetUnicodeCategory(c) == UnicodeCategory.Format;

    /// <summary>64 lowercase hex characters.</summary>
    public static string IdOf(string raw) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Normalize(raw))));

    public static string StreamOf(string articleId) => $"article-{articleId}";
}
