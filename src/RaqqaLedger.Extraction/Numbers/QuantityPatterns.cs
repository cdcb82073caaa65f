using System.Text;
using System.Text.RegularExpressions;

namespace RaqqaLedger.Extraction.Numbers;

/// <summary>
/// Builds the regular expressions of <see cref="QuantityGrammar"/>. One builder makes all variants, so the public
/// embeddable pattern, the anchored scanner of FindAll and the parser of Parse cannot drift apart: they differ only
/// in whether the parts are captured and whether the text around a quantity is checked.
/// </summary>
/// <remarks>
/// Two costs shape this file. Backtracking: every repetition is over distinct literal words or bounded digit runs
/// (digit runs are atomic, hedge chains are capped at three), so nothing can be split many ways and no input makes
/// matching worse than linear. Size: RegexOptions.Compiled turns the whole pattern into one IL method, and past
/// roughly 40 KB of IL (measured on .NET 10) the JIT compiles that method without optimisation, which made every
/// match attempt several times slower. So the pattern is written for size: month names appear once each way, the
/// number pattern once (a loop of one or two gives both range ends), lookbehinds find the previous word with a
/// cheap \S+ and test it with a forward lookahead, and the lookarounds that tie "between" to "and" use a rough shape
/// of a range end instead of the full number pattern. With the default hedges it is about 38 KB.
/// </remarks>
internal static class QuantityPatterns
{
    /// <summary>Group names used when <c>capture</c> is on. The number group has two captures in a range.</summary>
    internal const string HedgeGroup = "h", NumberGroup = "n", VagueGroup = "v", PercentGroup = "pct";

    // Months are matched case-sensitively: "may" and "march" are ordinary words in lower case. A flat list of
    // literals compiles to less code than nested optional suffixes.
    private const string Month =
        "(?-i:January|February|March|April|May|June|July|August|September|October|November|December" +
        @"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b";

    // Digits only as ASCII: \d would also take Arabic-Indic digits, which decimal parsing here does not read.
    // No leading zero ("02:27"), at most six digits without separators (longer runs are ids and phone numbers),
    // and no digit glued on by '.', ',', ':' or '/' (times, dates, version numbers).
    private const string DigitNumber =
        @"(?>(?!0[0-9])(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]{1,6})(?:\.[0-9]+)?)(?![0-9]|[.,:/][0-9])" +
        @"(?:\s?[bm]n\b|\s+(?:hundred|thousand|[mb]illion)\b)?";

    private const string ScaleOrDozen = @"(?:hundred|thousand|[mb]illion|dozen)\b";

    // Teens and tens share their stems; the odd "fourty" this lets through is rejected by NumberWords.TryParse.
    private const string WordToken =
        "(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|(?:thir|four|fif|six|seven|eigh|nine)(?:teen|ty)" +
        @"|twenty|forty|hundred|thousand|[mb]illion|dozen)\b";

    // A run of number words; NumberWords.TryParse decides whether the run is well formed. It starts with a small
    // number or with "a" before a scale word ("a hundred"), never with a bare scale word or with "one" alone ("one
    // of", "one senior official", "one-time" are not counts). "and" only follows hundred or thousand ("two hundred
    // and fifty"), a hyphen only a tens word ("forty-five"). The token is written once with an optional separator
    // after it; a separator left dangling at the end is given back by the final lookbehind.
    private const string WordNumber =
        @"(?!" + ScaleOrDozen + @"|one\b(?![\s-]+" + ScaleOrDozen + @"))(?:a\s+(?=" + ScaleOrDozen + "))?" +
        "(?:" + WordToken + @"(?:(?<=hundred|thousand)\s+and\s+" + AndTail + @"|(?<=ty)-|\s+)?){1,12}(?<=[a-z])";

    // What follows "and" inside a number ends it: "two hundred and fifty", but not "two hundred and three hundred",
    // which is the second end of "between two hundred and three hundred".
    private const string AndTail = @"(?!\S+\s+(?:hundred|thousand)\b)";

    // After any number: not glued to a word ("15th", "B52", "15-year-old") and not a clock time ("10 a.m.").
    // "-strong" is the exception: "a 2,000-strong force" counts the force.
    private const string Number = "(?:" + DigitNumber + "|" + WordNumber + @")(?!\w|-(?!strong\b)\p{L}|\s*[ap]\.?m\b)";

    // Days: not a day before its month ("15 Oct", "15th October") or any number right after a month
    // ("October 15", "Oct. 8", "October 2017"). A full month name and a dot end a sentence, so "in June. 15 people
    // died" loses its 15: rare, as style guides spell out a sentence's first number.
    // The word before the number is found by a cheap right-to-left \S+ and then tested with a forward lookahead:
    // a right-to-left alternation of month names compiles to far more code (see the remarks above).
    private const string DateGuard =
        @"(?![0-9]{1,2}(?:st|nd|rd|th)?\s+" + Month + @"|(?<=(?<!\p{L})(?=" + Month + @"\.?,?\s)\S+\s+)[0-9])";

    private const string Year = "(?:19|20)[0-9]{2}";

    // The word before a bare four-digit number that makes it a date: "in 2014", "since early 2016",
    // "October 15, 2017" (a year right after a month is a date by DateGuard). Same lookbehind trick as DateGuard.
    private const string YearContext =
        @"(?<!\w)(?=(?:in|since|of|by|until|from|to|early|late|mid|during|before|after|year|[0-9]{1,2}(?:st|nd|rd|th)?,?)\s)\S+\s+";

    // A plural noun within two words ("2,000 fighters", "2000 foreign fighters"). A final s after a, i, s or u is
    // not counted as a plural: was, is, has, this, its... cover the verbs that follow a year.
    private const string PluralFollows =
        @"\s+(?:[\p{L}-]+\s+)?(?:\p{L}*[bcdefghjklmnopqrtvwxyz]s|people|men|women|children)\b";

    /// <summary>A bare 1900–2099 is a year unless a plural noun follows and no date word precedes it.</summary>
    private const string YearGuard =
        "(?!" + Year + "(?![0-9]|[.,][0-9])(?:(?<=" + YearContext + Year + ")|(?!" + PluralFollows + ")))";

    // Not inside a word, id or number: "B52", "COVID-19", "IS-held", "+963", "15/10", the "5" of "1.5".
    private const string Lead = @"(?<![\w+/:\-]|[0-9][.,])";

    // The rough shape of one range end ("300", "2.5 million", "two hundred"), for the lookarounds below.
    private const string RangeEnd = @"[0-9a-z][0-9a-z,.]*(?:[\s-][a-z]+){0,6}";

    // "between 300 and 400", "from 300 to 400": the opener is taken only when the rest has the shape of a range,
    // and "between 2014 and 2017", "from 2014 to 2017" are periods, not ranges. (Which opener goes with "and" is
    // left to RangeSeparator: "and" needs "between".)
    private const string RangeOpener =
        @"(?:between|from)\s+(?=(?!" + Year + @"\s+(?:and|to)\s+" + Year + @"\b)" + RangeEnd + @"\s+(?:and|to)\s)";

    // "300-400", "300 to 400", and "and" only when "between" led in ("300 and 400" alone are two numbers).
    private const string RangeSeparator =
        @"(?:\s?[-–—]\s?|\s+to\s+|\s+and\s+(?<=(?<!\w)between\s+" + RangeEnd + @"\s+and\s+))";

    private const string Percent = @"\s?%|\s+per[\s-]?cent\b";

    // Vague amounts. The "of" belongs to the quantifier ("hundreds of") but stays optional and backtrackable, so
    // that a caller's own "\s+of\s+" still matches after it; "scores" needs it ("he scores" is no amount).
    private const string Vague =
        @"(?:(?:a\s+(?:few|couple\s+of)|several)\s+" + ScaleOrDozen +
        @"|(?:(?:tens|hundreds)\s+of\s+(?:thousands|millions)|dozens|hundreds|thousands|millions)\b(?!-)(?:\s+of\b)?|scores\s+of\b)";

    /// <param name="hedges">The hedge phrases, any case; empty phrases are ignored.</param>
    /// <param name="capture">Name the parts (hedge, numbers, vague amount, percent) for interpretation.</param>
    /// <param name="contextGuards">
    /// Check the text around the quantity: not inside a word, not a date, not a bare year. On for finding; off for
    /// the parser, which reads text already found (or a caller's isolated match) and has no surroundings to look at.
    /// </param>
    internal static string Build(IEnumerable<string> hedges, bool capture, bool contextGuards)
    {
        string Group(string name, string body) => capture ? $"(?<{name}>{body})" : $"(?:{body})";

        // One number, or two joined by a range separator. A separator is only kept when a second number follows
        // it (the final lookbehind gives a dangling one back), and a longer dash chain ("555-123-4567") is not a
        // quantity at all.
        var numeric = "(?:" + RangeOpener + ")?" + (contextGuards ? DateGuard : "") +
                      "(?:" + Group(NumberGroup, Number) + "(?:" + RangeSeparator + @"(?=[0-9a-z]))?){1,2}(?<=[0-9a-z])" +
                      @"(?!\s?[-–—]\s?[0-9])(?:" + Group(PercentGroup, Percent) + ")?";
        var body = "(?:" + numeric + "|" + Group(VagueGroup, Vague) + ")";

        var pattern = new StringBuilder();
        if (contextGuards)
            pattern.Append(Lead).Append(YearGuard);
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
