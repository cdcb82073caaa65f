using System.Globalization;
using System.Text.RegularExpressions;
using RaqqaLedger.Domain.Claims;

namespace RaqqaLedger.Extraction.Text;

/// <summary>
/// Finds when a sentence says its event happened and resolves relative expressions against the
/// article's publication date: "on Saturday" in an article of Sunday 15 October 2017 is 14 October;
/// "last night" the day before; "earlier this week" Monday up to the day before.
/// </summary>
public static partial class EventDates
{
    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    public static EventDate? Find(string sentence, DateOnly? published)
    {
        if (FirstMatch(sentence) is not { } m)
            return null;
        var text = m.Value.Trim();
        if (m.Groups["month"].Success)
        {
            var month = Array.IndexOf(Months, m.Groups["month"].Value[..3].ToLowerInvariant()) + 1;
            var day = int.Parse(m.Groups["day"].Success ? m.Groups["day"].Value : m.Groups["day2"].Value, CultureInfo.InvariantCulture);
            int? year = m.Groups["year"].Success ? int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture) : published?.Year;
            if (year is null || day > DateTime.DaysInMonth(year.Value, month))
                return new EventDate(null, null, text);
            var date = new DateOnly(year.Value, month, day);
            return new EventDate(date, date, text);
        }
        if (published is not { } p)
            return new EventDate(null, null, text);
        if (m.Groups["weekday"].Success)
        {
            var weekday = Enum.Parse<DayOfWeek>(m.Groups["weekday"].Value, ignoreCase: true);
            // A weekday in a news report is the latest such day on or before publication.
            var back = ((int)p.DayOfWeek - (int)weekday + 7) % 7;
            var date = p.AddDays(-back);
            return new EventDate(date, date, text);
        }
        var word = Whitespace().Replace(m.Groups["rel"].Value.ToLowerInvariant(), " ");
        return word switch
        {
            "today" or "this morning" or "this afternoon" or "this evening" or "tonight" => Day(p, 0, text),
            "yesterday" or "last night" or "overnight" => Day(p, -1, text),
            "in the past 24 hours" or "in the last 24 hours" => new EventDate(p.AddDays(-1), p, text),
            "earlier this week" or "this week" => EarlierThisWeek(p, text),
            "last week" => LastWeek(p, text),
            _ => new EventDate(null, null, text),
        };
    }

    private static EventDate Day(DateOnly published, int offset, string text)
    {
        var date = published.AddDays(offset);
        return new EventDate(date, date, text);
    }

    /// <summary>From the Monday of the publication week up to the day before (on a Monday: that day).</summary>
    private static EventDate EarlierThisWeek(DateOnly published, string text)
    {
        var monday = MondayOf(published);
        return new EventDate(monday, monday < published ? published.AddDays(-1) : published, text);
    }

    private static DateOnly MondayOf(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    private static EventDate LastWeek(DateOnly published, string text)
    {
        var thisMonday = MondayOf(published);
        return new EventDate(thisMonday.AddDays(-7), thisMonday.AddDays(-1), text);
    }

    /// <summary>
    /// The leftmost date expression, as scanning with the pattern would find it; but the pattern is tried only at
    /// the start of a word it can begin with (a digit, a month, a weekday, or the first word of a relative
    /// expression), not at every character.
    /// </summary>
    private static Match? FirstMatch(string sentence)
    {
        for (var i = 0; i < sentence.Length; i++)
        {
            if (!char.IsLetterOrDigit(sentence[i]) || (i > 0 && char.IsLetterOrDigit(sentence[i - 1])))
                continue;
            var end = i;
            while (end < sentence.Length && char.IsAsciiLetter(sentence[end]))
                end++;
            if ((end == i ? char.IsAsciiDigit(sentence[i]) : StartWordLookup.Contains(sentence.AsSpan(i, end - i)))
                && Expression().Match(sentence, i) is { Success: true } m)
                return m;
        }
        return null;
    }

    /// <summary>Every word <see cref="Expression"/> can begin with, but for the digits: keep it beside the pattern.</summary>
    public static IReadOnlySet<string> StartWords { get; } = new HashSet<string>(
        ["jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun", "june", "jul", "july", "aug", "august",
         "sep", "sept", "sepember", "september", "oct", "october", "nov", "november", "dec", "december",
         "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
         "today", "yesterday", "tonight", "last", "overnight", "this", "earlier", "in"], StringComparer.OrdinalIgnoreCase);

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> StartWordLookup =
        ((HashSet<string>)StartWords).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>A date expression starting exactly where the match is asked to start (\G).</summary>
    public const string Pattern =
        @"\G\b(?:(?<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?\s+(?<day>[0-3]?\d)(?:st|nd|rd|th)?\b(?:,?\s+(?<year>(?:19|20)\d\d))?" +
        @"|(?<day2>[0-3]?\d)(?:st|nd|rd|th)?\s+(?<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b,?(?:\s+(?<year>(?:19|20)\d\d))?" +
        @"|(?<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)" +
        @"|(?<rel>today|yesterday|tonight|last\s+night|overnight|this\s+(?:morning|afternoon|evening)|earlier\s+this\s+week|this\s+week|last\s+week|in\s+the\s+(?:past|last)\s+24\s+hours))\b";

    [GeneratedRegex(Pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Expression();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
