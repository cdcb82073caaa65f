using System.Text.RegularExpressions;

namespace RaqqaLedger.Extraction.Rules;

/// <summary>
/// What a sentence must hold for a pattern to be worth running on it: factors of <see cref="RequiredText"/>,
/// each a set of key strings of which the sentence holds at least one. A gate never turns away a sentence
/// the pattern would match; most sentences it turns away cost no regex at all.
/// </summary>
public sealed class Gate
{
    /// <summary>A gate that lets every sentence through: the pattern asks for no text this reader can name.</summary>
    public static Gate Open { get; } = new([]);

    /// <summary>Per factor, the key strings it accepts as bits: (word of the sentence's row, bits in that word).</summary>
    private readonly (int Word, ulong Bits)[][] factors;

    internal Gate((int Word, ulong Bits)[][] factors) => this.factors = factors;

    public bool IsOpen => factors.Length == 0;

    /// <summary>Whether sentence <paramref name="sentence"/> holds one key string of every factor.</summary>
    public bool Passes(SentenceKeys keys, int sentence)
    {
        var row = keys.Row(sentence);
        foreach (var factor in factors)
        {
            var any = false;
            foreach (var (word, bits) in factor)
            {
                if ((row[word] & bits) != 0)
                {
                    any = true;
                    break;
                }
            }
            if (!any)
                return false;
        }
        return true;
    }
}

/// <summary>A pattern and its gate: asked of a sentence only when the sentence holds the text it needs.</summary>
/// <param name="GateDecides">The pattern is plain text (<see cref="RequiredText.IsPlainText"/>): its gate alone answers.</param>
public sealed record GatedPattern(Regex Regex, Gate Gate, bool GateDecides = false)
{
    public bool IsMatch(string sentence, SentenceKeys keys, int index) =>
        Gate.Passes(keys, index) && (GateDecides || Regex.IsMatch(sentence));
}

/// <summary>Makes the gates of one rule set, numbering the key strings they ask about, and then the scanner that finds them.</summary>
public sealed class GateBuilder
{
    private readonly Dictionary<string, int> ids = new(StringComparer.Ordinal);

    /// <summary>The gate of patterns that must all match: every factor of each.</summary>
    public Gate For(IEnumerable<Regex?> required) =>
        For(required.OfType<Regex>().SelectMany(r => RequiredText.Of(r.ToString())));

    public Gate For(Regex? pattern) => For([pattern]);

    /// <summary>The gate of a sentence holding one of <paramref name="keys"/>, in any case.</summary>
    public Gate ForAnyOf(IEnumerable<string> keys) => For([[.. keys.Select(k => string.Concat(k.Select(RequiredText.Fold))).Distinct()]]);

    public GatedPattern Gated(Regex pattern) => new(pattern, For(pattern), RequiredText.IsPlainText(pattern.ToString(), pattern.Options));

    private Gate For(IEnumerable<IReadOnlyList<string>> factors)
    {
        var built = factors.Select(factor => factor
            .Select(key => ids.TryGetValue(key, out var id) ? id : ids[key] = ids.Count)
            .GroupBy(id => id >> 6)
            .Select(word => (word.Key, word.Aggregate(0UL, (bits, id) => bits | 1UL << (id & 63))))
            .ToArray()).ToArray();
        return built.Length == 0 ? Gate.Open : new Gate(built);
    }

    /// <summary>The scanner for every key string the gates made so far ask about.</summary>
    public KeyScanner Scanner() => new([.. ids.OrderBy(k => k.Value).Select(k => k.Key)]);
}

/// <summary>Which key strings each sentence of an article holds, one row of bits per sentence.</summary>
public sealed class SentenceKeys(int sentences, int words)
{
    private readonly ulong[] bits = new ulong[sentences * Math.Max(words, 1)];
    private readonly int width = Math.Max(words, 1);

    public ReadOnlySpan<ulong> Row(int sentence) => bits.AsSpan(sentence * width, width);

    internal Span<ulong> WritableRow(int sentence) => bits.AsSpan(sentence * width, width);
}

/// <summary>
/// Finds every key string in a text in one pass (an Aho–Corasick automaton over folded characters, its
/// transitions in one table), so one reading of an article answers every gate of the rule set.
/// </summary>
public sealed class KeyScanner
{
    /// <summary>Symbol 0 stands for every character no key string holds.</summary>
    private readonly int[] asciiSymbols = new int[128];
    private readonly Dictionary<char, int> otherSymbols = [];
    private readonly int symbols;
    private readonly int[] next;
    private readonly int[]?[] found;
    private readonly int words;

    /// <param name="keys">The key strings, folded (<see cref="RequiredText.Fold"/>), numbered by position.</param>
    public KeyScanner(IReadOnlyList<string> keys)
    {
        words = (keys.Count + 63) / 64;
        symbols = 1;
        foreach (var c in keys.SelectMany(k => k).Distinct())
        {
            if (c < 128)
                asciiSymbols[c] = symbols++;
            else
                otherSymbols[c] = symbols++;
        }
        // A capital reads as its small letter (keys are folded), so reading a text needs no folding of its ASCII.
        for (var c = 'A'; c <= 'Z'; c++)
            asciiSymbols[c] = asciiSymbols[RequiredText.Fold(c)];

        // The trie of the keys, then each state's failure (its longest proper suffix that is a state), breadth first.
        var children = new List<Dictionary<int, int>> { new() };
        var ends = new List<List<int>> { new() };
        for (var id = 0; id < keys.Count; id++)
        {
            var state = 0;
            foreach (var c in keys[id])
            {
                var symbol = Symbol(c);
                if (!children[state].TryGetValue(symbol, out var child))
                {
                    children[state][symbol] = child = children.Count;
                    children.Add([]);
                    ends.Add([]);
                }
                state = child;
            }
            ends[state].Add(id);
        }
        next = new int[children.Count * symbols];
        found = new int[]?[children.Count];
        var failure = new int[children.Count];
        var queue = new Queue<int>();
        for (var symbol = 0; symbol < symbols; symbol++)
        {
            if (children[0].TryGetValue(symbol, out var child))
            {
                next[symbol] = child;
                queue.Enqueue(child);
            }
        }
        while (queue.Count > 0)
        {
            var state = queue.Dequeue();
            var fail = failure[state];
            var here = ends[state].Concat(found[fail] ?? []).ToArray();
            found[state] = here.Length == 0 ? null : here;
            for (var symbol = 0; symbol < symbols; symbol++)
            {
                if (children[state].TryGetValue(symbol, out var child))
                {
                    failure[child] = next[fail * symbols + symbol];
                    next[state * symbols + symbol] = child;
                    queue.Enqueue(child);
                }
                else
                {
                    next[state * symbols + symbol] = next[fail * symbols + symbol];
                }
            }
        }
    }

    private int Symbol(char folded) =>
        folded < 128 ? asciiSymbols[folded] : otherSymbols.GetValueOrDefault(folded);

    /// <summary>The key strings each text holds.</summary>
    public SentenceKeys Read(IReadOnlyList<string> texts)
    {
        var keys = new SentenceKeys(texts.Count, words);
        for (var i = 0; i < texts.Count; i++)
        {
            var row = keys.WritableRow(i);
            var state = 0;
            foreach (var c in texts[i])
            {
                state = next[state * symbols + (c < 128 ? asciiSymbols[c] : Symbol(RequiredText.Fold(c)))];
                if (found[state] is { } ids)
                {
                    foreach (var id in ids)
                        row[id >> 6] |= 1UL << (id & 63);
                }
            }
        }
        return keys;
    }
}
