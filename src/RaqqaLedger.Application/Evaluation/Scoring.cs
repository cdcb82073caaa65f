using RaqqaLedger.Domain.Claims;
using RaqqaLedger.Extraction.Text;

namespace RaqqaLedger.Application.Evaluation;

/// <summary>A claim the extractor reported, keyed by the gold file's article file name.</summary>
/// <param name="Span">Where the claim's quote stands in the article's text.</param>
public sealed record ReportedClaim(string File, string Topic, ClaimValue Value, string? Speaker, string Quote, TextSpan Span);

public sealed record TopicScore(int Gold, int Extracted, int Found, int Correct, double Precision, double Recall);

/// <param name="Reported">For a misattributed claim, the speakers the extractor gave instead.</param>
public sealed record Miss(string File, string Topic, string Value, string? Speaker, string? Quote, string? Reported = null);

/// <summary>One article's part of the score, with what went wrong in it.</summary>
public sealed record ArticleScore(
    string File, int Gold, int Found, int Extracted, int Correct, int Attributed,
    IReadOnlyList<Miss> Missed, IReadOnlyList<Miss> Spurious, IReadOnlyList<Miss> Misattributed);

/// <param name="Attribution">Of the gold claims found, the share whose speaker an extracted claim also got right.</param>
public sealed record EvaluationScore(
    double Precision, double Recall, double Attribution,
    IReadOnlyDictionary<string, TopicScore> Topics,
    IReadOnlyList<ArticleScore> Articles)
{
    public IReadOnlyList<Miss> Missed => [.. Articles.SelectMany(a => a.Missed)];
    public IReadOnlyList<Miss> Spurious => [.. Articles.SelectMany(a => a.Spurious)];
    public IReadOnlyList<Miss> Misattributed => [.. Articles.SelectMany(a => a.Misattributed)];
}

/// <summary>
/// Scores as the gold file's "about" says, with one strictness of our own: a gold claim is found only
/// by an extracted claim of the same article, topic and value whose span overlaps the sentence (or
/// sentences) of the gold quote, so a right value read from the wrong sentence finds nothing.
/// Attribution is scored on found claims, by those same overlapping claims. An extracted claim is
/// correct when its article reports that topic and value anywhere (a headline repeated in the body is
/// one gold claim, but two correct extractions).
/// </summary>
public static class Scoring
{
    /// <param name="texts">Each gold article's text as the ledger stored it (the spans' frame of reference).</param>
    /// <exception cref="InvalidDataException">A gold quote is not in its article.</exception>
    public static EvaluationScore Score(GoldFile gold, IReadOnlyList<ReportedClaim> reported, IReadOnlyDictionary<string, string> texts)
    {
        var articles = new List<ArticleScore>();
        var topics = new Dictionary<string, (int Gold, int Extracted, int Found, int Correct)>(StringComparer.Ordinal);
        void Count(string topic, int g = 0, int e = 0, int f = 0, int c = 0)
        {
            var t = topics.GetValueOrDefault(topic);
            topics[topic] = (t.Gold + g, t.Extracted + e, t.Found + f, t.Correct + c);
        }

        var byFile = reported.ToLookup(r => r.File, StringComparer.Ordinal);
        foreach (var article in gold.Articles)
        {
            var text = texts.TryGetValue(article.File, out var t) ? t : throw new InvalidDataException($"{article.File}: no text to score against");
            var claims = byFile[article.File].ToList();
            var missed = new List<Miss>();
            var misattributed = new List<Miss>();
            var found = 0;
            var attributed = 0;
            foreach (var g in article.Claims)
            {
                var regions = QuoteRegions(text, g.Quote, article.File);
                var matching = claims.Where(r => r.Topic == g.Topic && r.Value == g.Value && regions.Any(q => Overlaps(q, r.Span))).ToList();
                Count(g.Topic, g: 1, f: matching.Count > 0 ? 1 : 0);
                if (matching.Count == 0)
                {
                    missed.Add(MissOf(article.File, g));
                    continue;
                }
                found++;
                if (matching.Any(r => SpeakerMatches(r.Speaker, g.Speaker)))
                    attributed++;
                else
                    misattributed.Add(MissOf(article.File, g) with { Reported = string.Join(" / ", matching.Select(r => r.Speaker ?? "outlet").Distinct()) });
            }
            var spurious = new List<Miss>();
            foreach (var r in claims)
            {
                var correct = article.Claims.Any(g => g.Topic == r.Topic && g.Value == r.Value);
                Count(r.Topic, e: 1, c: correct ? 1 : 0);
                if (!correct)
                    spurious.Add(new Miss(r.File, r.Topic, r.Value.ToJson(), r.Speaker, r.Quote));
            }
            articles.Add(new ArticleScore(article.File, article.Claims.Count, found, claims.Count, claims.Count - spurious.Count, attributed,
                missed, spurious, misattributed));
        }

        var totals = (Gold: articles.Sum(a => a.Gold), Found: articles.Sum(a => a.Found), Extracted: articles.Sum(a => a.Extracted),
            Correct: articles.Sum(a => a.Correct), Attributed: articles.Sum(a => a.Attributed));
        return new EvaluationScore(
            Ratio(totals.Correct, totals.Extracted), Ratio(totals.Found, totals.Gold), Ratio(totals.Attributed, totals.Found),
            topics.OrderBy(t => t.Key, StringComparer.Ordinal).ToDictionary(t => t.Key,
                t => new TopicScore(t.Value.Gold, t.Value.Extracted, t.Value.Found, t.Value.Correct, Ratio(t.Value.Correct, t.Value.Extracted), Ratio(t.Value.Found, t.Value.Gold))),
            articles);
    }

    /// <summary>
    /// Where a gold quote stands, widened to whole sentences: every occurrence of it, from the start of
    /// the sentence it opens in to the end of the sentence it closes in. No quote: the whole text.
    /// </summary>
    public static IReadOnlyList<TextSpan> QuoteRegions(string text, string? quote, string file)
    {
        if (string.IsNullOrEmpty(quote))
            return [new TextSpan(0, text.Length)];
        var sentences = SentenceSplitter.Split(text);
        var regions = new List<TextSpan>();
        for (var at = text.IndexOf(quote, StringComparison.Ordinal); at >= 0; at = text.IndexOf(quote, at + 1, StringComparison.Ordinal))
        {
            var end = at + quote.Length;
            var start = sentences.LastOrDefault(s => s.Start <= at).Start;
            var stop = sentences.FirstOrDefault(s => s.End >= end) is { Length: > 0 } last ? last.End : text.Length;
            regions.Add(new TextSpan(Math.Min(start, at), Math.Max(stop, end) - Math.Min(start, at)));
        }
        return regions.Count > 0 ? regions : throw new InvalidDataException($"{file}: gold quote not in the article: \"{quote}\"");
    }

    private static bool Overlaps(TextSpan a, TextSpan b) => a.Start < b.End && b.Start < a.End;

    private static Miss MissOf(string file, GoldClaim g) => new(file, g.Topic, g.Value.ToJson(), g.Speaker, g.Quote);

    /// <summary>Gold speaker null is the outlet's voice; "a|b" accepts either; names compare case-insensitively.</summary>
    public static bool SpeakerMatches(string? reported, string? gold) =>
        gold is null
            ? reported is null
            : reported is not null && gold.Split('|').Any(s => string.Equals(s.Trim(), reported, StringComparison.OrdinalIgnoreCase));

    /// <summary>1 when there is nothing to get wrong (no claims extracted, or none to find).</summary>
    private static double Ratio(int part, int whole) => whole == 0 ? 1 : Math.Round((double)part / whole, 4);
}
