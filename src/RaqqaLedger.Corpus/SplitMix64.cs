namespace RaqqaLedger.Corpus;

/// <summary>
/// SplitMix64: a tiny, fully specified 64-bit generator. The corpus is defined by this algorithm, not
/// by <see cref="Random"/>, whose algorithm the runtime does not promise to keep, so a corpus made
/// today is byte for byte the corpus made after a runtime update.
/// </summary>
public sealed class SplitMix64(ulong seed)
{
    private ulong state = seed;

    public ulong Next()
    {
        state += 0x9E3779B97F4A7C15UL;
        return Mix(state);
    }

    /// <summary>A whole number in [0, <paramref name="count"/>), without modulo bias worth mentioning (Lemire's multiply).</summary>
    public int Below(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        return (int)(((Next() >> 32) * (ulong)count) >> 32);
    }

    /// <summary>A whole number in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public int Between(int min, int max) => min + Below(max - min + 1);

    /// <summary>True with probability <paramref name="p"/>.</summary>
    public bool Chance(double p) => (Next() >> 11) * (1.0 / (1UL << 53)) < p;

    public T Pick<T>(IReadOnlyList<T> items) => items[Below(items.Count)];

    /// <summary>SplitMix64's finaliser: also used to derive one article's seed from the corpus seed and its index.</summary>
    public static ulong Mix(ulong x)
    {
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }
}
