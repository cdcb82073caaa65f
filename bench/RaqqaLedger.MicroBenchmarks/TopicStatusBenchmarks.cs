using BenchmarkDotNet.Attributes;
using RaqqaLedger.Domain.Claims;
using RaqqaLedger.Projections.Views;

namespace RaqqaLedger.MicroBenchmarks;

/// <summary>
/// A topic's board status over many claims that all agree (so nothing stops early), against one plain
/// pass over the same list. Values mix "about 300", "280–320" and "more than 250"; 40 speakers, some
/// claims in the outlet's own voice across 25 syndication clusters.
/// </summary>
[MemoryDiagnoser]
public class TopicStatusBenchmarks
{
    public const int ConfirmedMinSources = 2;
    public const decimal TolerancePercent = 10m;

    [Params(1_000, 100_000)]
    public int Claims { get; set; }

    public IReadOnlyList<SourcedClaim> List { get; private set; } = [];

    [GlobalSetup]
    public void Setup() => List = Make(Claims);

    public static SourcedClaim[] Make(int count)
    {
        ClaimValue[] values = [ClaimValue.Approx(300), ClaimValue.Between(280, 320), ClaimValue.AtLeast(250)];
        return [.. Enumerable.Range(0, count).Select(i => new SourcedClaim(
            $"claim-{i}", $"article-{i / 10}", $"cluster-{i % 25}", i % 3 == 0 ? null : $"speaker-{i % 40}", values[i % values.Length]))];
    }

    /// <summary>Counts the numeric values: every claim and its value touched once.</summary>
    [Benchmark(Baseline = true)]
    public int PlainPass()
    {
        var numeric = 0;
        for (var i = 0; i < List.Count; i++)
        {
            if (List[i].Value.IsNumeric)
                numeric++;
        }
        return numeric;
    }

    [Benchmark]
    public bool Conflicting() => TopicStatus.Conflicting(List.Select(c => c.Value), TolerancePercent);

    [Benchmark]
    public ClaimStatus Of() => TopicStatus.Of(List, ConfirmedMinSources, TolerancePercent);
}
