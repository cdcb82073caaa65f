using System.Globalization;
using System.Text.RegularExpressions;

namespace RaqqaLedger.Extraction.Numbers;

/// <summary>A quantity found in text: its value, where it is, and whether it was a percentage.</summary>
public sealed record QuantityMatch(Quantity Quantity, int Start, int Length, bool IsPercent);

/// <summary>
/// Finds and reads hedged quantities in English news text: "around 275", "an estimated about 100", "up to 8,000",
/// "300-400", "between 300 and 400", "three thousand", "dozens of", "90 per cent".
/// </summary>
/// <remarks>
/// Value rules (those of the hand-annotated gold file):
/// <list type="bullet">
/// <item>A number alone is Exact; number words too, including "a dozen" (= Exact 12: a dozen is a definite count,
/// the hedge words around it are what make it vague).</item>
/// <item>The hedge nearest the number decides: Approx, Min or Max from the lexicon ("concern about up to 8,000" is
/// Max 8000). Hedges also apply to vague amounts ("more than a few hundred" is Min 200).</item>
/// <item>Ranges stay ranges whatever hedge precedes them; an endpoint without a scale word borrows the other's
/// ("two to three thousand" is 2000..3000). A "range" whose low end is not below its high end (a score, "3-2")
/// is not a quantity.</item>
/// <item>Vague amounts: see <see cref="NumberWords.TryParseVague"/> (dozens = Min 24, hundreds = Min 200,
/// thousands = Min 2000, tens of thousands = Min 20000, scores = Min 40, a few hundred = Min 200,
/// several hundred = Min 200).</item>
/// <item>Not quantities: years, days of the month, clock times, ordinals, numbers inside words and ids, leading-zero
/// and over-long digit runs, and "one" on its own.</item>
/// </list>
/// Parse reads a match without its surroundings, so it cannot tell a year from a count: Parse("2017") is Exact
/// 2017. FindAll and <see cref="Pattern"/> see the context and skip years.
/// </remarks>
public sealed class QuantityGrammar
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled;

    private readonly Regex _atStart;
    private readonly Regex _parser;
    private readonly Dictionary<string, QuantityKind>.AlternateLookup<ReadOnlySpan<char>> _hedgeKinds;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _leadWords;
    private readonly int _maxLeadWords;

    /// <summary>The hedge phrases this grammar was built from.</summary>
    public HedgeLexicon Hedges { get; }

    public QuantityGrammar(HedgeLexicon hedges)
    {
        ArgumentNullException.ThrowIfNull(hedges);
        Hedges = hedges;
        var all = hedges.Approx.Concat(hedges.Min).Concat(hedges.Max).ToList();
        // Built once here: the lexicon is only known at run time, and compiling per call would dominate the cost.
        Pattern = QuantityPatterns.Build(all, capture: false, contextGuards: true);
        _atStart = new Regex(@"\G(?:" + Pattern + ")", Options);
        _parser = new Regex(@"\A\s*(?:" + QuantityPatterns.Build(all, capture: true, contextGuards: false) + @")\s*\z", Options);

        // Keys are phrases with single spaces; a phrase listed under two kinds keeps the first (Approx, Min, Max).
        var kinds = new Dictionary<string, QuantityKind>(StringComparer.OrdinalIgnoreCase);
        void Add(IEnumerable<string> phrases, QuantityKind kind)
        {
            foreach (var phrase in phrases)
                kinds.TryAdd(NormalizeSpaces(phrase), kind);
        }
        Add(hedges.Approx, QuantityKind.Approx);
        Add(hedges.Min, QuantityKind.Min);
        Add(hedges.Max, QuantityKind.Max);
        _hedgeKinds = kinds.GetAlternateLookup<ReadOnlySpan<char>>();

        // Words that may come before the number inside a quantity: hedge words and the range openers. Up to three
        // hedges may be chained, plus "between"/"from".
        var words = all.SelectMany(p => p.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToList();
        _leadWords = new HashSet<string>(words.Append("between").Append("from"), StringComparer.OrdinalIgnoreCase)
            .GetAlternateLookup<ReadOnlySpan<char>>();
        var longestHedge = all.Select(p => p.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length).DefaultIfEmpty(0).Max();
        // Capped so the stack buffer of FindAll stays small whatever a rule set holds; no real hedge comes close.
        _maxLeadWords = Math.Min(3 * longestHedge + 1, 63);
    }

    /// <summary>
    /// Regex source for one whole quantity expression: optional hedge phrase(s), then a number (digits or words),
    /// a range or a vague amount, then an optional percent word or sign. Only non-capturing groups and lookarounds,
    /// so it can be embedded in a caller's pattern; meant for RegexOptions.IgnoreCase | CultureInvariant.
    /// </summary>
    public string Pattern { get; }

    /// <summary>Text one of which every quantity holds: a digit, or a word where the number of a quantity can begin.</summary>
    public static IEnumerable<string> AnchorText => "0123456789".Select(d => d.ToString()).Concat(NumberWords.StartWords);

    /// <summary>Parses text that <see cref="Pattern"/> matched (exactly, or with white space around it); null if it is not a quantity.</summary>
    /// <remarks>The span reported is the quantity within <paramref name="text"/>, without the surrounding white space.</remarks>
    public QuantityMatch? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var match = _parser.Match(text);
        if (!match.Success)
            return null;
        var start = 0;
        var end = text.Length;
        while (start < end && char.IsWhiteSpace(text[start]))
            start++;
        while (end > start && char.IsWhiteSpace(text[end - 1]))
            end--;
        return Interpret(match, start, end - start);
    }

    /// <summary>Every quantity in text[start..start+length), left to right, non-overlapping; spans are indexes into the whole text.</summary>
    /// <remarks>
    /// The slice is treated as the whole input: nothing before or after it is looked at. The result is what
    /// scanning with <see cref="Pattern"/> gives, but the regex is only tried where a quantity can begin: a cheap
    /// pass finds the digits and number words, and the pattern is run anchored at them and at the hedge words
    /// just before them. Trying the large pattern at every character would cost many times more.
    /// </remarks>
    public IReadOnlyList<QuantityMatch> FindAll(string text, int start, int length)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, text.Length - start);

        var slice = text.AsSpan(start, length);
        List<QuantityMatch>? found = null;
        Span<int> starts = stackalloc int[_maxLeadWords + 1];
        var floor = 0; // a quantity may not begin inside the previous one
        var scan = 0;
        while (NextAnchor(slice, scan, out var anchor, out var anchorEnd))
        {
            var count = LeadStarts(slice, anchor, floor, starts);
            var matched = false;
            // Farthest start first, as a left-to-right regex scan would find it.
            for (var k = count - 1; k >= 0 && !matched; k--)
            {
                foreach (var m in _atStart.EnumerateMatches(slice, starts[k]))
                {
                    if (m.Index + m.Length > anchor)
                    {
                        // The groups come from the parser run on just the match; a match that reads as nothing
                        // (a malformed word run, a "range" like 3-2) is dropped.
                        var parsed = _parser.Match(text, start + m.Index, m.Length);
                        if (parsed.Success && Interpret(parsed, start + m.Index, m.Length) is { } quantity)
                            (found ??= []).Add(quantity);
                        floor = scan = m.Index + m.Length;
                        matched = true;
                    }
                    break; // anchored with \G: there is at most one match
                }
            }
            if (!matched)
                scan = anchorEnd;
        }
        return found ?? (IReadOnlyList<QuantityMatch>)[];
    }

    /// <summary>The next place at or after <paramref name="from"/> where the number of a quantity may begin.</summary>
    private static bool NextAnchor(ReadOnlySpan<char> text, int from, out int anchor, out int end)
    {
        var i = from;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsAsciiDigit(c))
            {
                anchor = i;
                while (i < text.Length && char.IsAsciiDigit(text[i]))
                    i++;
                end = i;
                return true;
            }
            if (!char.IsLetter(c) || (i > 0 && char.IsLetterOrDigit(text[i - 1])))
            {
                i++;
                continue;
            }
            var wordEnd = i;
            while (wordEnd < text.Length && char.IsLetter(text[wordEnd]))
                wordEnd++;
            var next = wordEnd;
            while (next < text.Length && char.IsWhiteSpace(text[next]))
                next++;
            var nextEnd = next;
            while (nextEnd < text.Length && char.IsLetter(text[nextEnd]))
                nextEnd++;
            if (NumberWords.CanStartNumber(text[i..wordEnd], text[next..nextEnd]))
            {
                anchor = i;
                end = wordEnd;
                return true;
            }
            i = wordEnd;
        }
        anchor = end = text.Length;
        return false;
    }

    /// <summary>
    /// Where a quantity whose number begins at <paramref name="anchor"/> may start: the anchor itself and each
    /// hedge or range word chained before it by white space. Nearest first; returns how many were written.
    /// </summary>
    private int LeadStarts(ReadOnlySpan<char> text, int anchor, int floor, Span<int> starts)
    {
        var count = 0;
        starts[count++] = anchor;
        var current = anchor;
        while (count < starts.Length)
        {
            var i = current;
            while (i > floor && char.IsWhiteSpace(text[i - 1]))
                i--;
            if (i == current || i == floor)
                break; // hedges are separated from what follows by white space
            var wordEnd = i;
            while (i > floor && !char.IsWhiteSpace(text[i - 1]))
                i--;
            var wordStart = i;
            // "(up to 500": the quantity starts at the word, after any opening punctuation.
            while (i < wordEnd && !char.IsLetterOrDigit(text[i]))
                i++;
            if (i == wordEnd || !_leadWords.Contains(text[i..wordEnd]))
                break;
            starts[count++] = i;
            if (i != wordStart)
                break; // punctuation before the word: nothing further back can belong to this quantity
            current = i;
        }
        return count;
    }

    private QuantityMatch? Interpret(Match match, int start, int length)
    {
        var isPercent = match.Groups[QuantityPatterns.PercentGroup].Success;
        var hedgeCaptures = match.Groups[QuantityPatterns.HedgeGroup].Captures;
        // The last hedge captured is the one nearest the number.
        QuantityKind? hedge = hedgeCaptures.Count == 0 ? null : HedgeKind(hedgeCaptures[^1].ValueSpan);

        Quantity? quantity;
        var vague = match.Groups[QuantityPatterns.VagueGroup];
        var numbers = match.Groups[QuantityPatterns.NumberGroup].Captures;
        if (vague.Success)
        {
            if (!NumberWords.TryParseVague(vague.ValueSpan, out var kind, out var value))
                return null;
            quantity = Hedged(hedge ?? kind, value);
        }
        else if (numbers.Count == 2)
        {
            if (!TryParseNumber(numbers[0].ValueSpan, out var low, out var lowScale) ||
                !TryParseNumber(numbers[1].ValueSpan, out var high, out var highScale))
                return null;
            // "two to three thousand", "2-3 million": the low end shares the high end's scale word.
            if (lowScale == 1 && highScale > 1 && low * highScale <= high)
                low *= highScale;
            if (low >= high)
                return null;
            quantity = Quantity.Between(Normalize(low), Normalize(high));
        }
        else
        {
            if (numbers.Count != 1 || !TryParseNumber(numbers[0].ValueSpan, out var value, out _))
                return null;
            quantity = Hedged(hedge ?? QuantityKind.Exact, value);
        }
        return new QuantityMatch(quantity, start, length, isPercent);
    }

    // "2.5 million" multiplies out to 2500000.0; drop the trailing zeros so values print as the gold file writes them.
    private static decimal Normalize(decimal value) => value / 1.0000000000000000000000000000m;

    private static Quantity Hedged(QuantityKind kind, decimal value)
    {
        value = Normalize(value);
        return kind switch
        {
            QuantityKind.Approx => Quantity.Approx(value),
            QuantityKind.Min => Quantity.AtLeast(value),
            QuantityKind.Max => Quantity.AtMost(value),
            _ => Quantity.Exact(value),
        };
    }

    private QuantityKind? HedgeKind(ReadOnlySpan<char> phrase)
    {
        // Fast path without allocating: the phrase as written is usually already single-spaced.
        if (_hedgeKinds.TryGetValue(phrase, out var kind))
            return kind;
        return _hedgeKinds.TryGetValue(NormalizeSpaces(phrase.ToString()), out kind) ? kind : null;
    }

    private static string NormalizeSpaces(string phrase) =>
        string.Join(' ', phrase.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Digits ("8,000", "2.5 million", "1.2bn") or number words; scale is the multiplier of a trailing scale word, else 1.</summary>
    private static bool TryParseNumber(ReadOnlySpan<char> text, out decimal value, out decimal scale)
    {
        scale = 1;
        if (text.Length == 0 || !char.IsAsciiDigit(text[0]))
            return NumberWords.TryParse(text, out value, out scale);

        var digitsEnd = 0;
        while (digitsEnd < text.Length && (char.IsAsciiDigit(text[digitsEnd]) || text[digitsEnd] is ',' or '.'))
            digitsEnd++;
        var digits = text[..digitsEnd];
        value = 0;
        if (digits.Length > 40)
            return false; // beyond decimal's precision anyway; keeps the stack buffer small
        Span<char> plain = stackalloc char[digits.Length];
        var n = 0;
        foreach (var c in digits)
        {
            if (c != ',')
                plain[n++] = c;
        }
        if (!decimal.TryParse(plain[..n], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value))
            return false;

        var rest = text[digitsEnd..].Trim();
        if (rest.Length > 0)
        {
            scale = NumberWords.ScaleOf(rest);
            if (scale == 0)
                return false;
            value *= scale;
        }
        return true;
    }
}
