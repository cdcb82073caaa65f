using System.Text;
using System.Text.Json;
using RaqqaLedger.Domain.Articles;

namespace RaqqaLedger.Application.Articles;

/// <summary>Reads what a submitter sent — raw bytes of a text article or of a JSON envelope — into a submission.</summary>
public static class ArticleInput
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly HashSet<string> EnvelopeFields = ["text", "title", "url", "outlet", "publishedAt"];

    /// <summary>Strict UTF-8; a leading byte-order mark is an encoding artefact, not text, and is dropped.</summary>
    public static string DecodeUtf8(ReadOnlySpan<byte> bytes, string source)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            bytes = bytes[3..];
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new InvalidArticleException($"{source}: not valid UTF-8 text");
        }
    }

    public static ArticleSubmission FromText(string source, ReadOnlySpan<byte> bytes) => new(source, DecodeUtf8(bytes, source));

    /// <summary>
    /// An envelope: {"text": ..., "title"?, "url"?, "outlet"?, "publishedAt"?}. Unknown fields are refused
    /// rather than ignored, so a misspelt "publishedAt" cannot silently lose the date.
    /// </summary>
    public static ArticleSubmission FromEnvelope(string source, ReadOnlySpan<byte> bytes)
    {
        var json = DecodeUtf8(bytes, source);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new InvalidArticleException($"{source}: malformed JSON envelope ({FirstLine(e.Message)})");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw new InvalidArticleException($"{source}: the envelope must be a JSON object with a \"text\" field");
            foreach (var property in root.EnumerateObject())
            {
                if (!EnvelopeFields.Contains(property.Name))
                    throw new InvalidArticleException($"{source}: unknown envelope field \"{property.Name}\" (expected text, title, url, outlet, publishedAt)");
            }
            var text = StringField(root, "text", source, required: true)!;
            return new ArticleSubmission(source, text,
                StringField(root, "title", source), StringField(root, "url", source),
                StringField(root, "outlet", source), StringField(root, "publishedAt", source));
        }
    }

    private static string? StringField(JsonElement root, string name, string source, bool required = false)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            return required ? throw new InvalidArticleException($"{source}: the envelope has no \"{name}\"") : null;
        if (value.ValueKind != JsonValueKind.String)
            throw new InvalidArticleException($"{source}: envelope field \"{name}\" must be a string, not {value.ValueKind.ToString().ToLowerInvariant()}");
        return value.GetString();
    }

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();
}
