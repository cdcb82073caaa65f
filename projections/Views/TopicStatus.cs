using RaqqaLedger.Domain.Claims;

namespace RaqqaLedger.Projections.Views;

public enum ClaimStatus { Confirmed, Disputed, SingleSource }

/// <summary>A live claim with where it came from, as the claim board weighs it.</summary>
/// <param name="SourceCluster">The article's syndication cluster: copies of one wire story share it.</param>
/// <param name="Speaker">Canonical speaker; null is the outlet's own voice.</param>
public sealed record SourcedClaim(string ClaimId, string ArticleId, string SourceCluster, string? Speaker, ClaimValue Value);

/// <summary>
/// The status of one topic on the claim board: disputed when any two claims conflict; confirmed when
/// enough independent sources agree and none conflicts; otherwise single-source. A source is the
/// speaker when one is named (Alloush quoted by two outlets is one source), else the outlet's own
/// voice, counted once per syndication cluster (one AFP story in three papers is one source).
/// </summary>
public static class TopicStatus
{
    public static ClaimStatus Of(IReadOnlyList<SourcedClaim> claims, int confirmedMinSources, decimal numbersAgreeWithinPercent) =>
        Conflicting(claims.Select(c => c.Value), numbersAgreeWithinPercent)
            ? ClaimStatus.Disputed
            : claims.Select(SourceOf).Distinct(StringComparer.Ordinal).Count() >= confirmedMinSources ? ClaimStatus.Confirmed : ClaimStatus.SingleSource;

    /// <summary>
    /// Whether any two values conflict, in one pass: intervals on a line overlap pairwise exactly when
    /// they share a point, so numbers agree when the largest low end is below the smallest high end.
    /// </summary>
    public static bool Conflicting(IEnumerable<ClaimValue> values, decimal tolerancePercent)
    {
        ClaimValue? first = null;
        decimal low = decimal.MinValue, high = decimal.MaxValue;
        foreach (var value in values)
        {
            first ??= value;
            if (value.IsNumeric != first.IsNumeric || (!value.IsNumeric && value != first))
                return true;
            if (!value.IsNumeric)
                continue;
            var (l, h) = Interval(value, tolerancePercent);
            low = Math.Max(low, l);
            high = Math.Min(high, h);
            if (low > high)
                return true;
        }
        return false;
    }

    public static string SourceOf(SourcedClaim claim) =>
        claim.Speaker is { } speaker ? $"speaker:{speaker}" : $"outlet:{claim.SourceCluster}";

    /// <summary>
    /// Yes/no and categories agree when equal. Numbers agree when the ranges they allow overlap, each
    /// widened by the tolerance: "around 300", "300-400" and "more than 250" agree; "up to 100" and
    /// "more than 200" do not.
    /// </summary>
    public static bool Agree(ClaimValue a, ClaimValue b, decimal tolerancePercent)
    {
        if (a.IsNumeric != b.IsNumeric)
            return false;
        if (!a.IsNumeric)
            return a == b;
        var (aLow, aHigh) = Interval(a, tolerancePercent);
        var (bLow, bHigh) = Interval(b, tolerancePercent);
        return aLow <= bHigh && bLow <= aHigh;
    }

    public static (decimal Low, decimal High) Interval(ClaimValue v, decimal tolerancePercent)
    {
        var t = tolerancePercent / 100m;
        return v.Kind switch
        {
            ClaimValueKind.Exact or ClaimValueKind.Approx => (v.Number!.Value * (1 - t), v.Number.Value * (1 + t)),
            ClaimValueKind.Min => (v.Min!.Value * (1 - t), decimal.MaxValue),
            ClaimValueKind.Max => (decimal.MinValue, v.Max!.Value * (1 + t)),
            _ => (v.Min!.Value * (1 - t), v.Max!.Value * (1 + t)),
        };
    }
}
