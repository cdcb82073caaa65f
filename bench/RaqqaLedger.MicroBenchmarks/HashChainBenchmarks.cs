using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using RaqqaLedger.Domain.Events;
using RaqqaLedger.EventStore;

namespace RaqqaLedger.MicroBenchmarks;

/// <summary>
/// An event's chain hash (canonical bytes of every column after the previous hash) against SHA-256
/// of the payload's UTF-8 bytes alone, encoded beforehand: the floor any hashed log pays.
/// </summary>
[MemoryDiagnoser]
public class HashChainBenchmarks
{
    public byte[] Previous { get; } = SHA256.HashData("previous"u8);
    private readonly Guid eventId = new("6f1c2b4e-8a1d-4c3b-9e2f-0a1b2c3d4e5f");
    private readonly DateTimeOffset recordedAt = new(2017, 10, 17, 9, 30, 0, TimeSpan.Zero);
    private string data = "";
    private string metadata = "";
    private byte[] dataBytes = [];

    public string StreamId { get; private set; } = "";
    public string Type { get; } = EventJson.TypeNameOf<ClaimExtracted>();

    [GlobalSetup]
    public void Setup()
    {
        var claim = Seeds.FirstClaim();
        StreamId = $"claims-{claim.ArticleId}";
        data = EventJson.Serialize(claim);
        metadata = EventJson.SerializeMetadata(new EventMetadata("correlation-1", null, "bench", claim.RuleSetVersion));
        dataBytes = Encoding.UTF8.GetBytes(data);
    }

    [Benchmark(Baseline = true)]
    public byte[] Sha256OfPayload() => SHA256.HashData(dataBytes);

    [Benchmark]
    public byte[] ChainHash() => HashChain.Compute(Previous, 42, StreamId, 3, eventId, Type, data, metadata, recordedAt);

    /// <summary>The event <see cref="ChainHash"/> hashes, as the log would hold it.</summary>
    public RecordedEvent Event => new(42, StreamId, 3, eventId, Type, data, metadata, recordedAt, []);

    public int PayloadBytes => dataBytes.Length;
}
