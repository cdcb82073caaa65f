using System.Text.Json;
using BenchmarkDotNet.Attributes;
using RaqqaLedger.Domain.Events;
using RaqqaLedger.EventStore;
using RaqqaLedger.EventStore.GroupCommit;

namespace RaqqaLedger.MicroBenchmarks;

/// <summary>
/// The writer's check of one appended claim event (stream id, type name, data and metadata each one
/// JSON object, read once without a document) against parsing data and metadata into JsonDocuments.
/// </summary>
[MemoryDiagnoser]
public class PayloadCheckBenchmarks
{
    private StreamAppend[] append = [];

    public string Data { get; private set; } = "";
    public string Metadata { get; private set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var claim = Seeds.FirstClaim();
        Data = EventJson.Serialize(claim);
        Metadata = EventJson.SerializeMetadata(new EventMetadata("correlation-1", null, "bench", claim.RuleSetVersion));
        append = [new StreamAppend($"claims-{claim.ArticleId}", ExpectedVersion.Any,
            [new NewEvent(Guid.NewGuid(), EventJson.TypeNameOf<ClaimExtracted>(), Data, Metadata)])];
    }

    [Benchmark(Baseline = true)]
    public bool JsonDocumentParse()
    {
        using var data = JsonDocument.Parse(Data);
        using var metadata = JsonDocument.Parse(Metadata);
        return data.RootElement.ValueKind == JsonValueKind.Object && metadata.RootElement.ValueKind == JsonValueKind.Object;
    }

    [Benchmark]
    public bool WriterCheck()
    {
        AppendValidation.Validate(append);
        return true;
    }
}
