using RaqqaLedger.Extraction.Text;

namespace RaqqaLedger.Extraction.Numbers;

/// <summary>
/// English number words ("three thousand", "two hundred and fifty", "forty-five", "a dozen") and the
/// vague amounts ("dozens", "tens of thousands", "a few hundred"). The regex side only finds runs of
/// these words; the values and the well-formedness of a run are decided here.
/// </summary>
internal static class NumberWords
{
    private const string Units = "one|two|three|four|five|six|seven|eight|nine";
    private const string Teens = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen";
    private const string Tens = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety";

    private enum Kind { Unit, Teen, Ten, Hundred, Dozen, Big, And, A }

    private static readonly Dictionary<string, (Kind Kind, long Value)> Words = BuildWords();
    private static readonly Dictionary<string, (Kind Kind, long Value)>.AlternateLookup<ReadOnlySpan<char>> WordLookup =
        Words.GetAlternateLookup<ReadOnlySpan<char>>();

    private static Dictionary<string, (Kind, long)> BuildWords()
    {
        var words = new Dictionary<string, (Kind, long)>(StringComparer.OrdinalIgnoreCase);
        void Add(string list, Kind kind, long first, long step)
        {
            var value = first;
            foreach (var word in list.Split('|'))
            {
                words.Add(word, (kind, value));
                value += step;
            }
        }
        Add(Units, Kind.Unit, 1, 1);
        Add(Teens, Kind.Teen, 10, 1);
        Add(Tens, Kind.Ten, 20, 10);
        words.Add("hundred", (Kind.Hundred, 100));
        words.Add("dozen", (Kind.Dozen, 12));
        words.Add("thousand", (Kind.Big, 1_000));
        words.Add("million", (Kind.Big, 1_000_000));
        words.Add("billion", (Kind.Big, 1_000_000_000));
        words.Add("and", (Kind.And, 0));
        words.Add("a", (Kind.A, 1));
        return words;
    }

    // Words after "a" that make it the start of a quantity: "a hundred", "a dozen", "a few hundred", "a couple of".
    private static readonly HashSet<string> AfterA = new(["few", "couple", "hundred", "thousand", "million", "billion", "dozen"],
        StringComparer.OrdinalIgnoreCase);
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> AfterALookup = AfterA.GetAlternateLookup<ReadOnlySpan<char>>();

    // Vague amounts start with one of these.
    private static readonly HashSet<string> VagueHeads = new(["tens", "hundreds", "thousands", "millions", "dozens", "scores", "several"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>The small number words and the vague amounts' heads: where a quantity's number can begin without "a".</summary>
    private static readonly string[] NumberStartWords =
        [.. Words.Where(w => w.Value.Kind is Kind.Unit or Kind.Teen or Kind.Ten).Select(w => w.Key).Concat(VagueHeads)];

    /// <summary>The words <see cref="CanStartNumber"/> accepts, and those that make "a" one: a quantity without a digit holds one.</summary>
    internal static IEnumerable<string> StartWords => NumberStartWords.Concat(AfterA);

    /// <summary>
    /// Whether a word can be where the number part of a quantity begins: a small number word, a vague amount, or
    /// "a" before a scale word or "few"/"couple". Lets FindAll skip the regex on the great majority of words.
    /// </summary>
    internal static bool CanStartNumber(ReadOnlySpan<char> word, ReadOnlySpan<char> nextWord)
    {
        if (word.Length == 1 && word[0] is 'a' or 'A')
            return AfterALookup.Contains(nextWord);
        return NumberStarts.Contains(word);
    }

    private static readonly WordTable<bool> NumberStarts = WordTable.Of(NumberStartWords, StringComparer.OrdinalIgnoreCase);

    /// <summary>Multiplier of a scale word ("hundred", "thousand", "million", "billion", "bn", "mn"); 0 if it is none.</summary>
    internal static decimal ScaleOf(ReadOnlySpan<char> word)
    {
        if (word.Equals("bn", StringComparison.OrdinalIgnoreCase))
            return 1_000_000_000m;
        if (word.Equals("mn", StringComparison.OrdinalIgnoreCase))
            return 1_000_000m;
        return WordLookup.TryGetValue(word, out var w) && w.Kind is Kind.Hundred or Kind.Big ? w.Value : 0;
    }

    /// <summary>
    /// Reads a run of number words. <paramref name="lastScale"/> is the multiplier of the final word when the run
    /// ends in a scale word ("three thousand" → 1000), else 1; ranges use it ("two to three thousand").
    /// Malformed runs ("three two", "hundred", "two thousand three thousand") are rejected.
    /// </summary>
    internal static bool TryParse(ReadOnlySpan<char> text, out decimal value, out decimal lastScale)
    {
        value = 0;
        lastScale = 1;
        long total = 0;      // completed thousand/million/billion groups
        long group = 0;      // the part below the next big scale word
        long lastBig = long.MaxValue;
        var seenHundred = false;
        Kind? previous = null;
        var count = 0;

        foreach (var token in new WordEnumerator(text))
        {
            if (!WordLookup.TryGetValue(token.Text, out var word))
                return false;
            switch (word.Kind)
            {
                case Kind.A:
                    // Only "a hundred", "a thousand", "a dozen": "a" must come first and stands for one.
                    if (previous is not null)
                        return false;
                    group = 1;
                    break;
                case Kind.Unit:
                    // A unit may follow a tens word ("forty-five") but not another small number.
                    if (previous is Kind.Unit or Kind.Teen or Kind.Dozen or Kind.A)
                        return false;
                    if (previous is Kind.Ten && group % 10 != 0)
                        return false;
                    group += word.Value;
                    break;
                case Kind.Teen:
                case Kind.Ten:
                    if (previous is Kind.Unit or Kind.Teen or Kind.Ten or Kind.Dozen or Kind.A)
                        return false;
                    group += word.Value;
                    break;
                case Kind.Hundred:
                    // "two hundred", "fifteen hundred"; not "hundred" alone or "two hundred hundred".
                    if (previous is not (Kind.Unit or Kind.Teen or Kind.Ten or Kind.A) || seenHundred || group is < 1 or > 99)
                        return false;
                    group *= 100;
                    seenHundred = true;
                    break;
                case Kind.Dozen:
                    if (previous is not (Kind.Unit or Kind.Teen or Kind.Ten or Kind.A) || seenHundred)
                        return false;
                    group *= 12;
                    break;
                case Kind.Big:
                    // Big scales must fall: "two million five hundred thousand", never "two thousand three thousand".
                    if (previous is null or Kind.And || group == 0 || word.Value >= lastBig)
                        return false;
                    total += group * word.Value;
                    group = 0;
                    seenHundred = false;
                    lastBig = word.Value;
                    break;
                case Kind.And:
                    if (previous is not (Kind.Hundred or Kind.Big))
                        return false;
                    break;
            }
            previous = word.Kind;
            lastScale = word.Kind is Kind.Hundred or Kind.Big ? word.Value : 1;
            count++;
        }

        if (count == 0 || previous is Kind.And or Kind.A)
            return false;
        value = total + group;
        return true;
    }

    /// <summary>
    /// Values for vague amounts, the least their words allow (the gold file's convention): a bare plural is
    /// "at least two of them": dozens = Min 24, scores (of) = Min 40, hundreds = Min 200, thousands = Min 2000,
    /// millions = Min 2,000,000, tens/hundreds of thousands = Min 20,000/200,000. "a few X" and "several X"
    /// are open-ended upwards too ("several hundred" can be 700), so they are Min 2X as well. "a couple of X"
    /// is about two X.
    /// </summary>
    internal static bool TryParseVague(ReadOnlySpan<char> text, out QuantityKind kind, out decimal value)
    {
        kind = QuantityKind.Min;
        value = 0;
        // At most three meaningful words ("a few hundred", "tens of thousands" without its "of").
        Span<Range> words = stackalloc Range[3];
        var count = 0;
        foreach (var word in new WordEnumerator(text))
        {
            if (word.Is("of"))
                continue;
            if (count == words.Length)
                return false;
            words[count++] = word.Range;
        }

        switch (count)
        {
            case 1:
                value = 2 * PluralUnit(text[words[0]]);
                break;
            case 2 when Is(text[words[0]], "several"):
                value = 2 * UnitOf(text[words[1]]);
                break;
            case 2:
                // "tens of thousands", "hundreds of millions": at least two of the outer unit of the inner one.
                value = 2 * PluralUnit(text[words[0]]) * PluralUnit(text[words[1]]);
                break;
            case 3 when Is(text[words[0]], "a") && Is(text[words[1]], "few"):
                value = 2 * UnitOf(text[words[2]]);
                break;
            case 3 when Is(text[words[0]], "a") && Is(text[words[1]], "couple"):
                value = 2 * UnitOf(text[words[2]]);
                kind = QuantityKind.Approx;
                break;
            default:
                return false;
        }
        return value > 0;
    }

    private static bool Is(ReadOnlySpan<char> word, string expected) => word.Equals(expected, StringComparison.OrdinalIgnoreCase);

    private static decimal PluralUnit(ReadOnlySpan<char> plural)
    {
        // "dozens" → dozen, "scores" → score (20), "tens" → ten, "hundreds" → hundred, ...
        if (plural.Length < 2 || (plural[^1] is not ('s' or 'S')))
            return 0;
        var singular = plural[..^1];
        if (singular.Equals("score", StringComparison.OrdinalIgnoreCase))
            return 20;
        if (singular.Equals("ten", StringComparison.OrdinalIgnoreCase))
            return 10;
        return UnitOf(singular);
    }

    private static decimal UnitOf(ReadOnlySpan<char> word) =>
        word.Equals("dozen", StringComparison.OrdinalIgnoreCase) ? 12 : ScaleOf(word);

    /// <summary>The words of a run, split on white space and hyphens ("forty-five"), without allocating.</summary>
    private ref struct WordEnumerator(ReadOnlySpan<char> text)
    {
        private readonly ReadOnlySpan<char> _text = text;
        private int _end;

        public (int Start, int Length) Position { get; private set; }
        public readonly Word Current => new(_text.Slice(Position.Start, Position.Length), Position.Start);

        public readonly WordEnumerator GetEnumerator() => this;

        public bool MoveNext()
        {
            var i = _end;
            while (i < _text.Length && IsSeparator(_text[i]))
                i++;
            var start = i;
            while (i < _text.Length && !IsSeparator(_text[i]))
                i++;
            _end = i;
            Position = (start, i - start);
            return i > start;
        }

        private static bool IsSeparator(char c) => char.IsWhiteSpace(c) || c is '-' or ',';
    }

    private readonly ref struct Word(ReadOnlySpan<char> text, int start)
    {
        public ReadOnlySpan<char> Text { get; } = text;
        public Range Range => start..(start + Text.Length);
        public bool Is(string other) => Text.Equals(other, StringComparison.OrdinalIgnoreCase);
    }
}
