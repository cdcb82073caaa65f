using RaqqaLedger.Domain.Articles;
using RaqqaLedger.Domain.Claims;

namespace RaqqaLedger.Extraction.Text;

/// <summary>
/// What the rules read: the stored text without its invisible characters (a zero-width space inside
/// "fighters" must not hide the claim) and with each run of white space in a line cut to a few characters
/// (patterns that allow white space in several places would otherwise try every way of cutting a long run),
/// and the way back from a place in it to the stored text, where claims' spans point. The stored text
/// itself is never changed.
/// </summary>
internal sealed class VisibleText
{
    // Where each visible character stands in the stored text; null when nothing was dropped.
    private readonly int[]? stored;

    private VisibleText(string text, int[]? stored)
    {
        Text = text;
        this.stored = stored;
    }

    public string Text { get; }

    /// <summary>The most white space read in a row within a line; line breaks are always kept, as lines are paragraphs.</summary>
    internal const int LongestSpaceRun = 8;

    public static VisibleText Of(string stored)
    {
        if (!HasInvisible(stored) && !HasLongSpaceRun(stored))
            return new VisibleText(stored, null);
        var visible = new System.Text.StringBuilder(stored.Length);
        var at = new List<int>(stored.Length);
        var run = 0;
        for (var i = 0; i < stored.Length; i++)
        {
            if (ArticleText.IsInvisible(stored[i]))
                continue;
            run = IsSpaceInLine(stored[i]) ? run + 1 : 0;
            if (run > LongestSpaceRun)
                continue;
            visible.Append(stored[i]);
            at.Add(i);
        }
        return new VisibleText(visible.ToString(), [.. at]);
    }

    private static bool IsSpaceInLine(char c) => c != '\n' && char.IsWhiteSpace(c);

    /// <summary>
    /// Whether a line holds a run of more than <see cref="LongestSpaceRun"/> white-space characters. Such a run
    /// covers one of every <c>LongestSpaceRun + 1</c> places, so only those are read, and the run around each
    /// that is white space.
    /// </summary>
    private static bool HasLongSpaceRun(string text)
    {
        for (var probe = 0; probe < text.Length; probe += LongestSpaceRun + 1)
        {
            if (!IsSpaceInLine(text[probe]))
                continue;
            var (start, end) = (probe, probe + 1);
            while (start > 0 && IsSpaceInLine(text[start - 1]))
                start--;
            while (end < text.Length && IsSpaceInLine(text[end]))
                end++;
            if (end - start > LongestSpaceRun)
                return true;
        }
        return false;
    }

    // Every format character is at U+00AD or above: most of an English text is skipped without a lookup.
    private static bool HasInvisible(string text)
    {
        var rest = text.AsSpan();
        for (var i = rest.IndexOfAnyExceptInRange('\0', '\u00AC'); i >= 0; i = rest.IndexOfAnyExceptInRange('\0', '\u00AC'))
        {
            if (ArticleText.IsInvisible(rest[i]))
                return true;
            rest = rest[(i + 1)..];
        }
        return false;
    }

    /// <summary>The stored offset of the visible character at <paramref name="index"/>.</summary>
    public int StoredOffset(int index) =>
        stored is null ? index
        : index < stored.Length ? stored[index]
        : stored.Length == 0 ? 0 : stored[^1] + 1;

    /// <summary>A span of visible text as the span of stored text from its first character to its last.</summary>
    public TextSpan StoredSpan(int start, int length)
    {
        var from = StoredOffset(start);
        return length == 0 ? new TextSpan(from, 0) : new TextSpan(from, StoredOffset(start + length - 1) + 1 - from);
    }
}
