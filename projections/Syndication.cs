using System.Collections.Immutable;
using RaqqaLedger.Domain.Events;

namespace RaqqaLedger.Projections;

/// <summary>An earlier article that shares a band with a new one.</summary>
/// <param name="Order">Where it stands in the log (its position, or its index in an in-memory fold).</param>
public sealed record SyndicationCandidate(string ArticleId, long Order, string Cluster, ulong[] Signature);

/// <summary>
/// Earlier articles by LSH band key, in memory: where a rebuild finds an article's candidates without
/// asking the database for rows it wrote itself.
/// </summary>
public sealed class SyndicationIndex
{
    // Buckets hold indexes into the articles; a query marks each article it has taken with its own
    // stamp, so an article found under several keys is taken once without hashing its id.
    private readonly List<SyndicationCandidate> articles = [];
    private readonly Dictionary<ulong, List<int>> buckets = [];
    private int[] taken = new int[1024];
    private int stamp;

    /// <summary>Adds an article; each is added once (the articles table keeps the first event of an id).</summary>
    public void Add(SyndicationCandidate article, ulong[] bandKeys)
    {
        var index = articles.Count;
        articles.Add(article);
        if (taken.Length < articles.Count)
            Array.Resize(ref taken, taken.Length * 2);
        foreach (var key in bandKeys)
        {
            if (!buckets.TryGetValue(key, out var bucket))
                buckets[key] = bucket = [];
            // A key twice in one signature lists the article once, as before.
            if (bucket.Count == 0 || bucket[^1] != index)
                bucket.Add(index);
        }
    }

    /// <summary>Earlier articles sharing at least one key with these, each once.</summary>
    public List<SyndicationCandidate> Candidates(ulong[] bandKeys)
    {
        stamp++;
        var found = new List<SyndicationCandidate>();
        foreach (var key in bandKeys)
        {
            if (!buckets.TryGetValue(key, out var bucket))
                continue;
            foreach (var index in bucket)
            {
                if (taken[index] == stamp)
                    continue;
                taken[index] = stamp;
                found.Add(articles[index]);
            }
        }
        return found;
    }
}

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
        // Spans of the known length: the loop runs without a bounds check per element.
        var x = a.AsSpan(0, SignatureSize);
        var y = b.AsSpan(0, SignatureSize);
        var same = 0;
        for (var i = 0; i < x.Length; i++)
        {
            if (x[i] == y[i])
                same++;
        }
        return (double)same / SignatureSize;
    }

    /// <summary>
    /// One-permutation MinHash: each shingle is hashed once, the hash's top six bits pick one of 64
    /// bins and each bin keeps its smallest value; an empty bin borrows from the next filled one, so
    /// texts with the same shingles fill it alike. About 64 times cheaper than 64 hash functions, and
    /// two signatures still agree on a bin with probability about their Jaccard similarity.
    /// </summary>
    public static ulong[] Signature(string text, IReadOnlySet<int> skipLines)
    {
        var words = WordHashes(text, skipLines);
        var signature = new ulong[SignatureSize];
        Array.Fill(signature, ulong.MaxValue);
        var count = Math.Max(1, words.Count - ShingleWords + 1);
        for (var start = 0; start < count; start++)
        {
            var shingle = 0x243F6A8885A308D3UL;
            for (var w = start; w < Math.Min(words.Count, start + ShingleWords); w++)
                shingle = (shingle ^ words[w]) * 0x100000001B3UL;
            var h = Mix(shingle);
            var bin = (int)(h >> 58);
            var value = h & ValueMask;
            if (value < signature[bin])
                signature[bin] = value;
        }
        Densify(signature);
        return signature;
    }

    private const ulong ValueMask = (1UL << 58) - 1;

    private static void Densify(ulong[] signature)
    {
        var borrowed = (ulong[])signature.Clone();
        for (var i = 0; i < SignatureSize; i++)
        {
            if (signature[i] != ulong.MaxValue)
                continue;
            for (var d = 1; d < SignatureSize; d++)
            {
                var from = signature[(i + d) % SignatureSize];
                if (from == ulong.MaxValue)
                    continue;
                // Offset by the distance, so a borrowed value is not mistaken for the lender's own.
                borrowed[i] = Mix(from + (ulong)d) | (1UL << 63);
                break;
            }
        }
        Array.Copy(borrowed, signature, SignatureSize);
    }

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

    /// <summary>A hash of each lower-cased word of letters and digits, from the lines that are not page furniture.</summary>
    private static List<ulong> WordHashes(string text, IReadOnlySet<int> skipLines)
    {
        var words = new List<ulong>(text.Length / 6);
        var line = 0;
        var skip = skipLines.Count > 0 && skipLines.Contains(0);
        var inWord = false;
        var hash = 0UL;
        foreach (var c in text)
        {
            if (c == '\n')
            {
                if (inWord)
                    words.Add(hash);
                inWord = false;
                line++;
                // Whether a line is furniture is asked once per line, not once per character.
                skip = skipLines.Count > 0 && skipLines.Contains(line);
                continue;
            }
            if (skip)
                continue;
            // ASCII letters and digits without the Unicode tables; the same answers as IsLetterOrDigit and ToLowerInvariant.
            bool isWord;
            char lower;
            if (c < 128)
            {
                lower = (uint)(c - 'A') <= 'Z' - 'A' ? (char)(c | 0x20) : c;
                isWord = (uint)(lower - 'a') <= 'z' - 'a' || (uint)(c - '0') <= 9;
            }
            else
            {
                isWord = char.IsLetterOrDigit(c);
                lower = char.ToLowerInvariant(c);
            }
            if (isWord)
            {
                if (!inWord)
                    hash = 14695981039346656037UL; // FNV-1a
                hash = (hash ^ lower) * 1099511628211UL;
                inWord = true;
            }
            else if (inWord)
            {
                words.Add(hash);
                inWord = false;
            }
        }
        if (inWord)
            words.Add(hash);
        return words;
    }
}
