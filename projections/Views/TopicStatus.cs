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
    public static ClaimStatus Of(IReadOnlyList<SourcedClaim> claims, int confirmedMinSources, decimal numbersAgreeWithinPercent)
    {
        var tally = new StatusTally(confirmedMinSources, numbersAgreeWithinPercent);
        foreach (var claim in claims)
            tally.Add(claim);
        return tally.Status;
    }

    /// <summary>Whether any two values conflict (see <see cref="StatusTally"/>).</summary>
    public static bool Conflicting(IEnumerable<ClaimValue> values, decimal tolerancePercent)
    {
        var tally = new StatusTally(int.MaxValue, tolerancePercent);
        foreach (var value in values)
        {
            if (tally.AddValue(value))
                return true;
        }
        return false;
    }

    public static string SourceOf(string? speaker, string sourceCluster) =>
        speaker is not null ? $"speaker:{speaker}" : $"outlet:{sourceCluster}";

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

/// <summary>
/// A topic's status, kept up to date one claim at a time, so a status as of every day costs one pass.
/// Conflicts are found in one pass too: intervals on a line overlap pairwise exactly when they share a
/// point, so numbers agree while the largest low end stays below the smallest high end.
/// </summary>
public sealed class StatusTally(int confirmedMinSources, decimal tolerancePercent)
{
    private readonly HashSet<string> sources = new(StringComparer.Ordinal);
    private ClaimValue? first;
    private decimal low = decimal.MinValue, high = decimal.MaxValue;

    public bool Conflict { get; private set; }

    public ClaimStatus Status =>
        Conflict ? ClaimStatus.Disputed : sources.Count >= confirmedMinSources ? ClaimStatus.Confirmed : ClaimStatus.SingleSource;

    public void Add(SourcedClaim claim) => Add(claim.Value, claim.Speaker, claim.SourceCluster);

    /// <param name="speaker">The claim's speaker; with none, its <paramref name="cluster"/> is the source.</param>
    public void Add(ClaimValue value, string? speaker, string cluster)
    {
        AddValue(value);
        // Past the sources that confirm, more change nothing: a long story names its sources once, not per claim.
        if (sources.Count < confirmedMinSources)
            sources.Add(TopicStatus.SourceOf(speaker, cluster));
    }

    /// <summary>Adds a value; true when the values so far conflict.</summary>
    public bool AddValue(ClaimValue value)
    {
        if (Conflict)
            return true;
        first ??= value;
        if (value.IsNumeric != first.IsNumeric || (!value.IsNumeric && value != first))
            return Conflict = true;
        if (value.IsNumeric)
        {
            var (l, h) = TopicStatus.Interval(value, tolerancePercent);
            low = Math.Max(low, l);
            high = Math.Min(high, h);
            Conflict = low > high;
        }
        return Conflict;
    }
}

