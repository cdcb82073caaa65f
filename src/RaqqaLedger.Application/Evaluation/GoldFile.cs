using System.Text.Json;
using RaqqaLedger.Domain.Claims;

namespace RaqqaLedger.Application.Evaluation;

/// <summary>A hand-annotated claim. Speaker null is the outlet's voice; "a|b" accepts either.</summary>
public sealed record GoldClaim(string Topic, ClaimValue Value, string? Speaker, string? Quote);

public sealed record GoldArticle(string File, IReadOnlyList<GoldClaim> Claims);

/// <summary>The gold file: topics, speakers and, per article file, the claims a correct extractor reports.</summary>
public sealed record GoldFile(IReadOnlyList<GoldArticle> Articles)
{
    /// <exception cref="InvalidDataException">Not a gold file; the message says where.</exception>
    public static GoldFile Parse(string json, string source)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            if (!document.RootElement.TryGetProperty("articles", out var articles) || articles.ValueKind != JsonValueKind.Array)
                throw new InvalidDataException($"{source}: no \"articles\" array");
            var list = new List<GoldArticle>();
            foreach (var article in articles.EnumerateArray())
            {
                var file = article.TryGetProperty("file", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString()! : throw new InvalidDataException($"{source}: an article has no \"file\"");
                if (file.Contains('/') || file.Contains('\\') || file.StartsWith('.'))
                    throw new InvalidDataException($"{source}: article file '{file}' must be a plain file name");
                var claims = new List<GoldClaim>();
                if (article.TryGetProperty("claims", out var cs))
                {
                    foreach (var c in cs.EnumerateArray())
                    {
                        var topic = c.GetProperty("topic").GetString() ?? throw new InvalidDataException($"{source}: {file}: a claim has no topic");
                        var value = ClaimValue.FromJson(c.GetProperty("value")) ?? throw new InvalidDataException($"{source}: {file}: claim on {topic} has a value not in the gold forms");
                        var speaker = c.TryGetProperty("speaker", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
                        var quote = c.TryGetProperty("quote", out var q) && q.ValueKind == JsonValueKind.String ? q.GetString() : null;
                        claims.Add(new GoldClaim(topic, value, speaker, quote));
                    }
                }
                list.Add(new GoldArticle(file, claims));
            }
            return new GoldFile(list);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new InvalidDataException($"{source}: not a gold file: {e.Message.ReplaceLineEndings(" ")}");
        }
    }
}
