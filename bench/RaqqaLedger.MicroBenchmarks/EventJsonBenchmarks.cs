using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using RaqqaLedger.Domain.Events;

namespace RaqqaLedger.MicroBenchmarks;

/// <summary>
/// A claim-extracted event written and read with the ledger's options (web names, kebab-case enums,
/// relaxed escaping) against System.Text.Json's defaults on the same event. Each direction is its own
/// category with its own baseline; the defaults read their own shape, since they cannot read the stored one.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class EventJsonBenchmarks
{
    public ClaimExtracted Claim { get; private set; } = null!;
    public string LedgerJson { get; private set; } = "";
    public string DefaultJson { get; private set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        Claim = Seeds.FirstClaim();
        LedgerJson = EventJson.Serialize(Claim);
        DefaultJson = JsonSerializer.Serialize(Claim);
    }

    [Benchmark(Baseline = true), BenchmarkCategory("serialize")]
    public string SerializeDefaults() => JsonSerializer.Serialize(Claim);

    [Benchmark, BenchmarkCategory("serialize")]
    public string SerializeEventJson() => EventJson.Serialize(Claim);

    [Benchmark(Baseline = true), BenchmarkCategory("deserialize")]
    public ClaimExtracted? DeserializeDefaults() => JsonSerializer.Deserialize<ClaimExtracted>(DefaultJson);

    [Benchmark, BenchmarkCategory("deserialize")]
    public ClaimExtracted DeserializeEventJson() => EventJson.Deserialize<ClaimExtracted>(LedgerJson);
}
