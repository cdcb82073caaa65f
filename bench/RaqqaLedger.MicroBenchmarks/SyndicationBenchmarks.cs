using BenchmarkDotNet.Attributes;
using RaqqaLedger.Projections;

namespace RaqqaLedger.MicroBenchmarks;

/// <summary>
/// The MinHash signature of the first seed article (5-word shingles, furniture lines left out) against
/// hashing its words alone, the part of the work any word-level comparison pays.
/// </summary>
[MemoryDiagnoser]
public class SyndicationBenchmarks
{
    private string text = "";
    private IReadOnlySet<int> furniture = new HashSet<int>();

    [GlobalSetup]
    public void Setup()
    {
        text = Seeds.FirstArticleText();
        furniture = Syndication.FurnitureLines(Seeds.Ingest(text));
    }

    /// <summary>FNV-1a of each lower-cased word of letters and digits, outside the furniture lines.</summary>
    [Benchmark(Baseline = true)]
    public List<ulong> HashWords()
    {
        var hashes = new List<ulong>(text.Length / 6);
        var line = 0;
        var hash = 0UL;
        var inWord = false;
        foreach (var c in text)
        {
            var letter = c != '\n' && !furniture.Contains(line) && char.IsLetterOrDigit(c);
            if (letter)
            {
                hash = ((inWord ? hash : 14695981039346656037UL) ^ char.ToLowerInvariant(c)) * 1099511628211UL;
                inWord = true;
                continue;
            }
            if (inWord)
                hashes.Add(hash);
            inWord = false;
            if (c == '\n')
                line++;
        }
        if (inWord)
            hashes.Add(hash);
        return hashes;
    }

    [Benchmark]
    public ulong[] MinHashSignature() => Syndication.Signature(text, furniture);
}
