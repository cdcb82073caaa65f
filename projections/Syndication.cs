using System.Collections.Immutable;
using RaqqaLedger.Domain.Events;

namespace RaqqaLedger.Projections;

/// <summary>An earlier article that shares a band with a new one.</summary>
/// <param name="Order">Where it stands in the log (its position, or its index in an in-memory fold).</param>
public sealed record SyndicationCandidate(string ArticleId, long Order, string Cluster, ulong[] Signature);

/// <summary>
/// Groups syndicated copies — articles that share most of their text, like one AFP story printed by
/// several outlets — so the claim board counts them as one source. Each article gets a MinHash
/// signature of its 5-word shingles (page furniture left out); locality-sensitive hashing over bands
/// of the signature finds candidates without comparing every pair, and a candidate joins a cluster
/// when the estimated Jaccard similarity reaches the threshold. A pure fold: same articles in the
/// same order, same clusters.
/// </summary>
public sealed record Syndication(
    ImmutableDictionary<string, ulong[]> Signatures,
    ImmutableDictionary<ulong, ImmutableList<string>> Buckets,
    ImmutableDictionary<string, string> ClusterOf,
    ImmutableDictionary<string, long> Sequence)
{
    public const int SignatureSize = 64;
    private const int Bands = 16, Rows = SignatureSize / Bands, ShingleWords = 5;

    /// <summary>Estimated share of shingles two articles have in common for them to count as copies.</summary>
    public const double CopyThreshold = 0.5;

    public static Syndication Empty { get; } = new(
        ImmutableDictionary<string, ulong[]>.Empty.WithComparers(StringComparer.Ordinal),
        ImmutableDictionary<ulong, ImmutableList<string>>.Empty,
        ImmutableDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal),
        ImmutableDictionary<string, long>.Empty.WithComparers(StringComparer.Ordinal));

    /// <summary>The cluster an article belongs to: the id of the first article of its story.</summary>
    public string ClusterOfArticle(string articleId) => ClusterOf.GetValueOrDefault(articleId, articleId);

    /// <param name="skipLines">0-based lines of page furniture, left out of the comparison.</param>
    public Syndication Add(string articleId, string text, IReadOnlySet<int> skipLines)
    {
        if (Signatures.ContainsKey(articleId))
            return this;
        var signature = Signature(text, skipLines);
        var keys = BandKeys(signature);
        var candidates = keys.SelectMany(k => Buckets.GetValueOrDefault(k, [])).Distinct(StringComparer.Ordinal)
            .Select(id => new SyndicationCandidate(id, Sequence[id], ClusterOfArticle(id), Signatures[id]));
        var cluster = ChooseCluster(articleId, signature, candidates);
        var buckets = Buckets;
        foreach (var key in keys)
            buckets = buckets.SetItem(key, buckets.GetValueOrDefault(key, []).Add(articleId));
        return new Syndication(Signatures.Add(articleId, signature), buckets, ClusterOf.Add(articleId, cluster), Sequence.Add(articleId, Sequence.Count));
    }

    /// <summary>The 0-based lines an article's furniture occupies (the event numbers them from 1).</summary>
    public static IReadOnlySet<int> FurnitureLines(ArticleIngested article) => article.Boilerplate.Select(b => b.Line - 1).ToHashSet();

    /// <summary>
    /// The cluster a new article joins: that of the earlier article it resembles most, when the
    /// resemblance reaches the threshold (the earliest wins a tie), else a cluster of its own.
    /// </summary>
    /// <param name="candidates">Earlier articles sharing at least one band with it.</param>
    public static string ChooseCluster(string articleId, ulong[] signature, IEnumerable<SyndicationCandidate> candidates)
    {
        SyndicationCandidate? best = null;
        var bestSimilarity = 0.0;
        foreach (var candidate in candidates)
        {
            var similarity = Similarity(signature, candidate.Signature);
            if (similarity < CopyThreshold)
                continue;
            if (best is null || similarity > bestSimilarity || (similarity == bestSimilarity && candidate.Order < best.Order))
            {
                best = candidate;
                bestSimilarity = similarity;
            }
        }
        return best?.Cluster ?? articleId;
    }

    /// <summary>The share of signature positions on which two articles agree: an estimate of their Jaccard similarity.</summary>
    public static double Similarity(ulong[] a, ulong[] b)
    {
        var same = 0;
        for (var i = 0; i < SignatureSize; i++)
        {
            if (a[i] == b[i])
                same++;
        }
        return (double)same / SignatureSize;
    }

    public static ulong[] Signature(string text, IReadOnlySet<int> skipLines)
    {
        var words = Words(text, skipLines);
        var signature = new ulong[SignatureSize];
        Array.Fill(signature, ulong.MaxValue);
        var count = Math.Max(1, words.Count - ShingleWords + 1);
        for (var start = 0; start < count; start++)
        {
            var shingle = 14695981039346656037UL; // FNV-1a over the words of the shingle
            for (var w = start; w < Math.Min(words.Count, start + ShingleWords); w++)
            {
                foreach (var c in words[w])
                    shingle = (shingle ^ c) * 1099511628211UL;
                shingle = (shingle ^ ' ') * 1099511628211UL;
            }
            for (var i = 0; i < SignatureSize; i++)
            {
                var h = Mix(shingle ^ Seeds[i]);
                if (h < signature[i])
                    signature[i] = h;
            }
        }
        return signature;
    }

    private static readonly ulong[] Seeds = [.. Enumerable.Range(1, SignatureSize).Select(i => Mix((ulong)i * 0x9E3779B97F4A7C15UL))];

    /// <summary>SplitMix64's finaliser: a cheap, well-spread 64-bit hash.</summary>
    private static ulong Mix(ulong x)
    {
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

    /// <summary>One key per band of the signature: articles that share a key are compared.</summary>
    public static ulong[] BandKeys(ulong[] signature)
    {
        var keys = new ulong[Bands];
        for (var band = 0; band < Bands; band++)
        {
            var key = Mix((ulong)band + 1);
            for (var row = 0; row < Rows; row++)
                key = Mix(key ^ signature[band * Rows + row]);
            keys[band] = key;
        }
        return keys;
    }

    /// <summary>Lower-case words of letters and digits, from the lines that are not page furniture.</summary>
    private static List<string> Words(string text, IReadOnlySet<int> skipLines)
    {
        var words = new List<string>();
        var lines = text.Split('\n');
        for (var line = 0; line < lines.Length; line++)
        {
            if (skipLines.Contains(line))
                continue;
            var l = lines[line];
            for (var i = 0; i < l.Length;)
            {
                if (!char.IsLetterOrDigit(l[i]))
                {
                    i++;
                    continue;
                }
                var start = i;
                while (i < l.Length && char.IsLetterOrDigit(l[i]))
                    i++;
                words.Add(l[start..i].ToLowerInvariant());
            }
        }
        return words;
    }
}
