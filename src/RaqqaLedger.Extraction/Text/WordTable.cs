namespace RaqqaLedger.Extraction.Text;

/// <summary>
/// Words looked up as they stand in running text, with a small table of which first letters each word length
/// has, so that most words of a sentence are turned away without hashing them. Reading text word by word
/// (attribution verbs, role nouns, the frames' verbs) asks this of every word.
/// </summary>
public sealed class WordTable<TValue>
{
    private const int LongestWord = 40;

    private readonly Dictionary<string, TValue>.AlternateLookup<ReadOnlySpan<char>> lookup;

    /// <summary>For each length, a bit per first letter (A–Z after upper-casing, one bit for anything else).</summary>
    private readonly uint[] firstLetters = new uint[LongestWord + 1];

    private readonly bool hasLongWords;

    public WordTable(IEnumerable<KeyValuePair<string, TValue>> entries, StringComparer comparer)
    {
        var words = new Dictionary<string, TValue>(comparer);
        foreach (var (word, value) in entries)
        {
            if (word.Length == 0)
                continue;
            words[word] = value;
            if (word.Length > LongestWord)
                hasLongWords = true;
            else
                firstLetters[word.Length] |= Bit(word[0]);
        }
        lookup = words.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public bool TryGetValue(ReadOnlySpan<char> word, out TValue value)
    {
        if (word.Length == 0 || (word.Length <= LongestWord ? (firstLetters[word.Length] & Bit(word[0])) == 0 : !hasLongWords))
        {
            value = default!;
            return false;
        }
        return lookup.TryGetValue(word, out value!);
    }

    public bool Contains(ReadOnlySpan<char> word) => TryGetValue(word, out _);

    /// <summary>Upper-cased as ordinal-ignore-case comparison does, so two words it calls equal share a bit.</summary>
    private static uint Bit(char c)
    {
        var upper = char.ToUpperInvariant(c);
        return upper is >= 'A' and <= 'Z' ? 1u << (upper - 'A') : 1u << 26;
    }
}

/// <summary>Makes word tables of plain sets of words.</summary>
public static class WordTable
{
    public static WordTable<bool> Of(IEnumerable<string> words, StringComparer comparer) =>
        new(words.Select(w => KeyValuePair.Create(w, true)), comparer);
}
