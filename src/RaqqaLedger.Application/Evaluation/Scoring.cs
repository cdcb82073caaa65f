using RaqqaLedger.Domain.Claims;

namespace RaqqaLedger.Application.Evaluation;

/// <summary>A claim the extractor reported, keyed by the gold file's article file name.</summary>
public sealed record ReportedClaim(string File, string Topic, ClaimValue Value, string? Speaker, string Quote);

public sealed record TopicScore(int Gold, int Extracted, int Found, int Correct, double Precision, double Recall);

/// <param name="Reported">For a misattributed claim, the speakers the extractor gave instead.</param>
public sealed record Miss(string File, string Topic, string Value, string? Speaker, string? Quote, string? Reported = null);

/// <param name="Attribution">Of the gold claims found, the share whose speaker an extracted claim also got right.</param>
public sealed record EvaluationScore(
    double Precision, double Recall, double Attribution,
    IReadOnlyDictionary<string, TopicScore> Topics,
    IReadOnlyList<Miss> Missed, IReadOnlyList<Miss> Spurious, IReadOnlyList<Miss> Misattributed);

/// <summary>
/// Scores as the gold file's "about" says: a gold claim is found when the extractor reports the same
/// article, topic and value; an extracted claim is correct when some gold claim has them; attribution
/// is scored on found claims only.
/// </summary>
public static class Scoring
{
    public static EvaluationScore Score(GoldFile gold, IReadOnlyList<ReportedClaim> reported)
    {
        var goldClaims = gold.Articles.SelectMany(a => a.Claims.Select(c => (a.File, Claim: c))).ToList();
        bool Same(ReportedClaim r, (string File, GoldClaim Claim) g) => r.File == g.File && r.Topic == g.Claim.Topic && r.Value == g.Claim.Value;

        var found = goldClaims.Where(g => reported.Any(r => Same(r, g))).ToList();
        var attributed = found.Where(g => reported.Any(r => Same(r, g) && SpeakerMatches(r.Speaker, g.Claim.Speaker))).ToList();
        var correct = reported.Where(r => goldClaims.Any(g => Same(r, g))).ToList();

        var topics = goldClaims.Select(g => g.Claim.Topic).Concat(reported.Select(r => r.Topic)).Distinct().Order(StringComparer.Ordinal)
            .ToDictionary(t => t, t =>
            {
                var g = goldClaims.Count(x => x.Claim.Topic == t);
                var e = reported.Count(x => x.Topic == t);
                var f = found.Count(x => x.Claim.Topic == t);
                var c = correct.Count(x => x.Topic == t);
                return new TopicScore(g, e, f, c, Ratio(c, e), Ratio(f, g));
            });

        return new EvaluationScore(
            Ratio(correct.Count, reported.Count), Ratio(found.Count, goldClaims.Count), Ratio(attributed.Count, found.Count),
            topics,
            [.. goldClaims.Except(found).Select(g => new Miss(g.File, g.Claim.Topic, g.Claim.Value.ToJson(), g.Claim.Speaker, g.Claim.Quote))],
            [.. reported.Except(correct).Select(r => new Miss(r.File, r.Topic, r.Value.ToJson(), r.Speaker, r.Quote))],
            [.. found.Except(attributed).Select(g => new Miss(g.File, g.Claim.Topic, g.Claim.Value.ToJson(), g.Claim.Speaker, g.Claim.Quote,
                string.Join(" / ", reported.Where(r => Same(r, g)).Select(r => r.Speaker ?? "outlet"))))]);
    }

    /// <summary>Gold speaker null is the outlet's voice; "a|b" accepts either; names compare case-insensitively.</summary>
    public static bool SpeakerMatches(string? reported, string? gold) =>
        gold is null
            ? reported is null
            : reported is not null && gold.Split('|').Any(s => string.Equals(s.Trim(), reported, StringComparison.OrdinalIgnoreCase));

    /// <summary>1 when there is nothing to get wrong (no claims extracted, or none to find).</summary>
    private static double Ratio(int part, int whole) => whole == 0 ? 1 : Math.Round((double)part / whole, 4);
}
