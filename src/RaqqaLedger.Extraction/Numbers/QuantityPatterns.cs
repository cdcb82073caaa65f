using System.Text;
using System.Text.RegularExpressions;

namespace RaqqaLedger.Extraction.Numbers;

/// <summary>
/// Builds the regular expressions of <see cref="QuantityGrammar"/>. One builder makes all three variants, so the
/// public embeddable pattern, the scanner of FindAll and the anchored parser of Parse cannot drift apart:
/// they differ only in whether the parts are captured and whether the context-dependent year guard is present.
/// Every repetition is over distinct literal words or bounded digit runs, and digit runs are atomic, so nothing
/// can be split two ways and matching stays linear in practice.
/// </summary>
internal static class QuantityPatterns
{
    /// <summary>Group names used when <c>capture</c> is on.</summary>
    internal const string HedgeGroup = "h", FirstGroup = "a", SecondGroup = "b", VagueGroup = "v", PercentGroup = "pct";

    // Months are matched case-sensitively: "may" and "march" are ordinary words in lower case.
    private const string Month =
        @"(?-i:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b";
    // Before a day or year a month may be an abbreviation with its dot ("Oct. 8"); a full name followed by a dot
    // ends a sentence ("began in June. Nearly 270,000 people...") and must not swallow the next number.
    private const string MonthBefore = "(?:" + Month + @"|(?-i:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.)";

    // Digits only as ASCII: \d would also take Arabic-Indic digits, which decimal parsing here does not read.
    // No leading zero ("02:27"), at most six digits without separators (longer runs are ids and phone numbers),
    // no digit glued on by '.', ',', ':' or '/' (times, dates, version numbers), and not a day before its month
    // ("15 Oct").
    private const string DigitNumber =
        @"(?>(?!0[0-9])(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]{1,6})(?:\.[0-9]+)?)(?![0-9]|[.,:/][0-9])" +
        @"(?:\s?[bm]n\b|\s+(?:hundred|thousand|[mb]illion)\b)?(?!\s+" + Month + ")";

    private const string ScaleOrDozen = @"(?:hundred|thousand|[mb]illion|dozen)\b";

    private const string WordToken =
        "(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|(?:thir|four|fif|six|seven|eigh|nine)teen" +
        @"|(?:twen|thir|for|fif|six|seven|eigh|nine)ty|hundred|thousand|[mb]illion|dozen)\b";

    // A run of number words; NumberWords.TryParse decides whether the run is well formed. It starts with a small
    // number or with "a" before a scale word ("a hundred"), never with "one" alone ("one of", "one senior
    // official", "one-time" are not counts). "and" only follows a scale word ("two hundred and fifty"), a hyphen
    // only a tens word ("forty-five"). The token is written once with an optional separator after it, and a
    // separator left dangling at the end is given back by the final lookbehind: the pattern stays small, and a
    // small pattern is what keeps the compiled regex fast.
    private const string WordNumber =
        @"(?!one\b(?![\s-]+" + ScaleOrDozen + "))" +
        @"(?:a\s+(?=" + ScaleOrDozen + ")|(?!" + ScaleOrDozen + "))" +
        "(?:" + WordToken + @"(?:(?<=hundred|thousand|illion)\s+and\s+|(?<=ty)-|\s+)?){1,12}(?<=[a-z])";

    // After any number: not glued to a word ("15th", "B52", "300-strong") and not a clock time ("10 a.m.").
    private const string NumberTail = @"(?!\w|-\p{L}|\s*[ap]\.?m\b)";

    private const string Number = "(?:" + DigitNumber + "|" + WordNumber + ")" + NumberTail;

    private const string Year = "(?:19|20)[0-9]{2}";

    // Words that put a bare four-digit number in a date: "in 2014", "since early 2016", "15 October 2017", "October 15, 2017".
    private const string YearContext =
        @"(?:(?<!\w)(?:in|since|of|by|until|till|from|to|early|late|mid|during|before|after|through|year|" + MonthBefore +
        @"|[0-9]{1,2}(?:st|nd|rd|th)?),?\s+)";

    // A plural noun within two words ("2,000 fighters", "2000 foreign fighters"). A final s after a, i, s or u is
    // not counted as a plural: was, is, has, this, its... cover the verbs that follow a year.
    private const string PluralFollows =
        @"\s+(?:[\p{L}-]+\s+)?(?:\p{L}*[bcdefghjklmnopqrtvwxyz]s|people|men|women|children)\b";

    /// <summary>A bare 1900–2099 is a year unless a plural noun follows and no date word precedes it.</summary>
    private const string YearGuard =
        "(?!" + Year + "(?![0-9]|[.,][0-9])(?:(?<=" + YearContext + Year + ")|(?!" + PluralFollows + ")))";

    // A day of the month after its month: "October 15", "Oct. 8". Checked right before the number, so that a hedge
    // after a month ("in October some 3,000 people") is still read.
    private const string DayGuard = "(?<!" + MonthBefore + @"\s+)";

    // Not inside a word, id or number: "B52", "COVID-19", "IS-held", "+963", "15/10", the "5" of "1.5".
    private const string Lead = @"(?<![\w+/:\-]|[0-9][.,])";

    // The text of one range end, roughly: digits with an optional scale word, or a few words. Used only inside
    // lookarounds to tie "between" to "and" and "from" to "to" without repeating the whole number pattern.
    private const string RangeEnd = @"(?:[0-9][0-9,.]*(?:\s?[bm]n|\s+(?:hundred|thousand|[mb]illion))?|[a-z]+(?:[\s-][a-z]+){0,7})";

    // "between 300 and 400", "from 300 to 400"; the prefix is taken only when the rest has that shape, and
    // "between 2014 and 2017", "from 2014 to 2017" are periods, not ranges.
    private const string RangePrefix =
        @"(?!(?:between|from)\s+" + Year + @"\s+(?:and|to)\s+" + Year + @"\b)" +
        @"(?:between\s+(?=" + RangeEnd + @"\s+and\s)|from\s+(?=" + RangeEnd + @"\s+to\s))";

    // "300-400", "300 to 400", and "and" only when "between" led in ("300 and 400" alone are two numbers).
    private const string RangeSeparator =
        @"(?:\s?[-–—]\s?|\s+to\s+|\s+and\s+(?<=(?<!\w)between\s+" + RangeEnd + @"\s+and\s+))";

    private const string Percent = @"\s?%|\s+per[\s-]?cent\b";

    // Vague amounts; the optional "of" belongs to the quantifier ("hundreds of"), and stays backtrackable so a
    // caller's own "\s+of\s+" still matches after it.
    private const string Vague =
        @"(?:(?:tens|hundreds)\s+of\s+(?:thousands|millions)|(?:a\s+few|a\s+couple\s+of|several)\s+" + ScaleOrDozen +
        @"|scores\s+of|dozens|hundreds|thousands|millions)\b(?!-)";

    /// <param name="hedges">The hedge phrases, any case; empty phrases are ignored.</param>
    /// <param name="capture">Name the parts (hedge, endpoints, vague amount, percent) for interpretation.</param>
    /// <param name="yearGuard">Reject bare years; needs the surrounding text, so off when parsing an isolated match.</param>
    internal static string Build(IEnumerable<string> hedges, bool capture, bool yearGuard)
    {
        string Group(string name, string body) => capture ? $"(?<{name}>{body})" : $"(?:{body})";

        // A number or a range, never the start of a longer dash chain ("555-123-4567"). The number pattern
        // appears twice only (both range ends); everything else is shared.
        var numeric = "(?:" + RangePrefix + ")?" + DayGuard + Group(FirstGroup, Number) +
                      "(?:" + RangeSeparator + Group(SecondGroup, Number) + @")?(?!\s?[-–—]\s?[0-9])" +
                      "(?:" + Group(PercentGroup, Percent) + ")?";
        var body = "(?:" + numeric + "|" + Group(VagueGroup, Vague) + @"(?:\s+of\b)?)";

        var pattern = new StringBuilder(Lead);
        if (yearGuard)
            pattern.Append(YearGuard);
        var hedgeAlternation = HedgeAlternation(hedges);
        // At most three hedges ("an estimated about"); the bound also keeps a run of hedge words without a number
        // from being rescanned from every word in it.
        if (hedgeAlternation is not null)
            pattern.Append("(?:").Append(Group(HedgeGroup, hedgeAlternation)).Append(@"\s+){0,3}");
        pattern.Append(body);
        return pattern.ToString();
    }

    /// <summary>Hedge phrases as one alternation, longest first, with any white space between their words.</summary>
    private static string? HedgeAlternation(IEnumerable<string> hedges)
    {
        var phrases = hedges
            .Select(h => string.Join(@"\s+", h.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(Regex.Escape)))
            .Where(p => p.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(p => p.Length)
            .ToList();
        // Word boundaries as lookarounds so that phrases ending in punctuation ("approx.") still work.
        return phrases.Count == 0 ? null : @"(?<!\w)(?:" + string.Join("|", phrases) + @")(?!\w)";
    }
}
