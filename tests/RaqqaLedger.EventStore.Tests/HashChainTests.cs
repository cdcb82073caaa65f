using RaqqaLedger.EventStore;

namespace RaqqaLedger.EventStore.Tests;

public class HashChainTests
{
    private static readonly Guid Id = Guid.Parse("6f1c2a9e-0b7d-4c53-9a1e-2f4b8c6d7e90");
    private static readonly DateTimeOffset At = new(2017, 10, 15, 2, 27, 0, TimeSpan.Zero);

    /// <summary>
    /// Frozen: every stored log was chained with these bytes. A faster implementation must give the
    /// same hash, or every existing ledger would fail verify.
    /// </summary>
    [Fact]
    public void TheCanonicalBytes_AreFrozen()
    {
        var hash = HashChain.Compute(HashChain.Genesis, 42, "claims-ab", 3, Id, "claim-extracted.v1",
            """{"quote":"“Last night” – Raqqa's end","n":275}""", """{"actor":"test"}""", At.AddTicks(1234567));

        Assert.Equal("f66d6db265b1e1205e1ccbc454fd2e78b3cc7fcc0f6e842d2d6fb9f9ef7bda66", Convert.ToHexStringLower(hash));
    }

    [Fact]
    public void EveryField_ChangesTheHash()
    {
        byte[] Hash(long position = 1, string stream = "s", long version = 0, string type = "t.v1", string data = "{}", string metadata = "{}", int tick = 0, byte previous = 0)
        {
            var before = new byte[32];
            before[0] = previous;
            return HashChain.Compute(before, position, stream, version, Id, type, data, metadata, At.AddTicks(tick * 10));
        }

        var baseline = Convert.ToHexStringLower(Hash());
        string[] variants =
        [
            Convert.ToHexStringLower(Hash(position: 2)), Convert.ToHexStringLower(Hash(stream: "s2")), Convert.ToHexStringLower(Hash(version: 1)),
            Convert.ToHexStringLower(Hash(type: "u.v1")), Convert.ToHexStringLower(Hash(data: "{ }")), Convert.ToHexStringLower(Hash(metadata: "{ }")),
            Convert.ToHexStringLower(Hash(tick: 1)), Convert.ToHexStringLower(Hash(previous: 1)),
        ];
        Assert.DoesNotContain(baseline, variants);
        Assert.Equal(variants.Length, variants.Distinct().Count());
    }
}
