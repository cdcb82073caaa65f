using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace RaqqaLedger.Domain.Articles;

/// <summary>The year chosen for a day and month printed with a weekday but without a year, or why none could be.</summary>
/// <param name="Year">The chosen year, or null when no year in range fits or two fit equally well.</param>
/// <param name="Reason">A sentence for readers saying how the year was chosen or why it could not be.</param>
public sealed record YearInference(int? Year, string Reason);

/// <summary>
/// Recognises the English date forms news pages print: day-month-year and month-day-year with full or
/// abbreviated month names ("15 October, 2017", "Oct. 15th, 2017", "Sept. 3 2017"), optional weekdays,
/// ISO dates and timestamps, and numeric dates only where day and month cannot be confused.
/// Culture-free on purpose: month and weekday names come from explicit tables, never from CultureInfo.
/// </summary>
public static partial class DateParsing
{
    /// <summary>How far from the reference year a weekday may pin a date printed without a year.</summary>
    public const int MaxYearDistance = 6;

    /// <summary>Lines longer than this are prose, not date lines; also keeps the scan cheap.</summary>
    internal const int MaxDateLineLength = 120;

    private const RegexOptions Options =
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    // Building blocks. A name must end at a non-letter, so "Sun" never matches the start of "Sunni" nor
    // "Mar" the start of "Marines"; matches also never start inside a word (NotInsideWord).
    private const string WeekdayName =
        @"(?<wd>mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)(?![a-z])\.?";

    private const string MonthName =
        @"(?<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?![a-z])\.?";

    private const string DayNumber = @"(?<day>[0-3]?[0-9])(?:st|nd|rd|th)?(?![0-9a-z])";

    private const string YearNumber = @"(?<year>(?:19|20)[0-9]{2})(?![0-9])";

    // "15 October", "15th of Oct.", "15-Oct".
    private const string DayThenMonth = DayNumber + @"(?:\s*[-/]\s*|\s+)(?:of\s+)?" + MonthName;

    // "October 15", "Oct. 15th", "Sept 3".
    private const string MonthThenDay = MonthName + @"\s*(?:[-/]\s*)?" + DayNumber;

    private const string WeekdayPrefix = WeekdayName + @"\s*,?\s*\(?\s*(?:the\s+)?";

    // "2017-10-15", "2017/10/15", with an optional ISO time and zone.
    private const string IsoDate =
        @"(?<iy>(?:19|20)[0-9]{2})(?<isep>[-/.])(?<im>[01]?[0-9])\k<isep>(?<id>[0-3]?[0-9])(?![0-9])" +
        @"(?:[T ][0-2][0-9]:[0-5][0-9](?::[0-5][0-9](?:\.[0-9]+)?)?(?:Z|[+-][0-2][0-9]:?[0-5][0-9])?(?![0-9]))?";

    // "15/10/2017", "10.15.2017", "15/10/17": which number is the day is settled later, or the date is skipped.
    // Two-digit years only with / or . (a dash run like 15-10-17 is too often something else).
    private const string NumericDate =
        @"(?<na>[0-3]?[0-9])(?:(?<nsep>[-/.])(?<nb>[0-3]?[0-9])\k<nsep>(?<ny>(?:19|20)[0-9]{2})|(?<nsep>[/.])(?<nb>[0-3]?[0-9])\k<nsep>(?<nyy>[0-9]{2}))(?![0-9])";

    private const string NamedFullDate =
        @"(?:" + DayThenMonth + "|" + MonthThenDay + @")\s*[,/-]?\s*" + YearNumber;

    private const string FullDateBody =
        @"(?:" + WeekdayPrefix + @")?(?:" + IsoDate + "|" + NamedFullDate + "|" + NumericDate + ")";

    private const string NotInsideWord = @"(?<![\p{L}\p{N}])";

    [GeneratedRegex(NotInsideWord + FullDateBody, Options)]
    private static partial Regex FullDateRegex();

    // Named day and month, with the weekday and year each optional: for ledes and datelines.
    [GeneratedRegex(
        NotInsideWord + @"(?:" + WeekdayPrefix + @")?(?:" + DayThenMonth + "|" + MonthThenDay + @")(?:\s*,?\s*" + YearNumber + ")?",
        Options)]
    private static partial Regex DayMonthRegex();

    // The same, anchored where the caller starts the match (after a dateline's dash).
    [GeneratedRegex(
        @"\G\s*(?<text>(?:" + WeekdayPrefix + @")?(?:(?:" + DayThenMonth + "|" + MonthThenDay + @")(?:\s*,?\s*" + YearNumber + ")?|" + IsoDate + "|" + NumericDate + "))",
        Options)]
    private static partial Regex DateAtRegex();

    // Tokens that may sit on a date line besides the date: clock times and zone offsets.
    [GeneratedRegex(
        @"^(?:[0-2]?[0-9](?:[:.h][0-5][0-9]){1,2}(?:\.[0-9]+)?(?:z|am|pm|a\.m|p\.m)?|[01]?[0-9](?:am|pm|a\.m|p\.m)|[0-9]{1,4}|(?:gmt|utc)?[+\-\u2212][0-9]{1,2}(?::?[0-9]{2})?)$",
        Options)]
    private static partial Regex TimeTokenRegex();

    private static readonly char[] DateLineSeparators =
        [' ', '\t', '\u00A0', ',', '|', '/', '\u2022', '\u00B7', '(', ')', '[', ']', ';', '\u2013', '\u2014', '\u2012', '\u2015'];

    private static readonly char[] TokenTrim = [':', '-', '.', '\u2013', '\u2014', '@', '\u00BB', '\u203A'];

    // Words a date line may carry around its date: "Published on", "Last updated", "at", zones, ages.
    private static readonly HashSet<string> DateLineWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "published", "updated", "update", "posted", "last", "first", "modified", "edited", "date", "dated",
        "on", "at", "the", "of", "created", "released", "issued", "publication", "pub", "upd",
        "am", "pm", "a.m", "p.m", "local", "time", "hrs", "h",
        "ago", "a", "an", "year", "years", "month", "months", "week", "weeks", "day", "days",
        "hour", "hours", "minute", "minutes", "min", "mins", "second", "seconds", "read",
        "gmt", "utc", "ut", "z", "et", "est", "edt", "ct", "cst", "cdt", "mt", "mst", "mdt", "pt", "pst", "pdt",
        "bst", "cet", "cest", "eet", "eest", "ast", "adt", "ist", "jst", "hkt", "sgt", "aest", "aedt", "msk",
        "trt", "gst", "pkt", "wib", "kst", "sast", "wat", "eat",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    };

    private static readonly HashSet<string> UpdateWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "updated", "update", "modified", "edited", "upd",
    };

    private static readonly string[] MonthNames =
    [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ];

    /// <summary>
    /// True when <paramref name="line"/> is a date on its own, optionally with a weekday, a time and zone,
    /// or a "Published"/"Updated"/"Posted" prefix: "Sun, 15 Oct 2017 - 02:27 GMT", "Published: 15/10/2017".
    /// Impossible dates (30 February) and numeric dates whose day and month could be swapped are rejected.
    /// </summary>
    public static bool TryParseDateLine(string line, out DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (TryReadDateLine(line, out var mention, out _))
        {
            date = mention.Date!.Value;
            return true;
        }

        date = default;
        return false;
    }

    /// <summary>
    /// Places a day and month printed with a weekday but no year in the year nearest
    /// <paramref name="referenceYear"/> (at most <see cref="MaxYearDistance"/> away) in which that day
    /// falls on that weekday. Two equally near years, or none, give a null year with the reason.
    /// </summary>
    public static YearInference InferYear(int month, int day, DayOfWeek weekday, int referenceYear)
    {
        if (month is < 1 or > 12 || day < 1 || day > MaxDaysIn(month))
        {
            return new YearInference(null, $"no year printed, and {day} {MonthLabel(month)} is not a calendar date");
        }

        string dayMonth = FormatDayMonth(month, day);
        string weekdayName = weekday.ToString();
        for (int distance = 0; distance <= MaxYearDistance; distance++)
        {
            bool earlier = Fits(referenceYear - distance, month, day, weekday);
            bool later = distance > 0 && Fits(referenceYear + distance, month, day, weekday);
            if (earlier && later)
            {
                return new YearInference(
                    null,
                    $"no year printed; {dayMonth} fell on a {weekdayName} in both {referenceYear - distance} and {referenceYear + distance}, equally near the reference year {referenceYear}");
            }

            if (earlier || later)
            {
                int year = earlier ? referenceYear - distance : referenceYear + distance;
                return new YearInference(
                    year,
                    $"no year printed; {dayMonth} fell on a {weekdayName} in {year}, the year nearest the reference year {referenceYear}");
            }
        }

        return new YearInference(
            null,
            $"no year printed; {dayMonth} is not a {weekdayName} in any year within {MaxYearDistance} years of the reference year {referenceYear}");
    }

    /// <summary>The date line check behind <see cref="TryParseDateLine"/>, also saying whether it is an update stamp.</summary>
    internal static bool TryReadDateLine(string line, out DateMention mention, out bool isUpdate) =>
        TryReadLine(line, FullDateRegex(), out mention, out isUpdate) && mention.Year is not null;

    /// <summary>
    /// A line that is a day and month with no year ("Sunday, October 15", "Oct 15 | 02:27 GMT"):
    /// a page's date stamp with the year left off, which only inference can complete.
    /// </summary>
    internal static bool TryReadYearlessDateLine(string line, out DateMention mention) =>
        TryReadLine(line, DayMonthRegex(), out mention, out _) && mention.Year is null;

    private static bool TryReadLine(string line, Regex dates, out DateMention mention, out bool isUpdate)
    {
        mention = default;
        isUpdate = false;
        string text = line.Trim();
        if (text.Length == 0 || text.Length > MaxDateLineLength || text.AsSpan().IndexOfAnyInRange('0', '9') < 0)
        {
            return false; // prose, or no digits so no date
        }

        MatchCollection matches = dates.Matches(text);
        if (matches.Count == 0 || ToMention(matches[0]) is not { } first)
        {
            return false;
        }

        // Whatever is left once the dates are blanked out must be furniture (prefixes, times, zones).
        var rest = new StringBuilder(text.Length);
        int position = 0;
        foreach (Match match in matches)
        {
            rest.Append(text, position, match.Index - position).Append(' ');
            position = match.Index + match.Length;
        }

        rest.Append(text, position, text.Length - position);
        foreach (string token in rest.ToString().Split(DateLineSeparators, StringSplitOptions.RemoveEmptyEntries))
        {
            string word = token.Trim(TokenTrim);
            if (word.Length == 0)
            {
                continue;
            }

            if (UpdateWords.Contains(word))
            {
                isUpdate = true;
            }

            if (!DateLineWords.Contains(word) && !TimeTokenRegex().IsMatch(word))
            {
                return false;
            }
        }

        mention = first;
        return true;
    }

    /// <summary>Every full date (one with a year) in <paramref name="text"/> that is a real, unambiguous date.</summary>
    internal static IEnumerable<DateMention> FullDates(string text)
    {
        for (Match match = FullDateRegex().Match(text); match.Success; match = match.NextMatch())
        {
            if (ToMention(match) is { Date: not null } mention)
            {
                yield return mention;
            }
        }
    }

    /// <summary>Named day-month mentions, with or without weekday and year: "Sunday, October 15", "15 Oct 2017".</summary>
    internal static IEnumerable<DateMention> DayMonthMentions(string text)
    {
        for (Match match = DayMonthRegex().Match(text); match.Success; match = match.NextMatch())
        {
            if (ToMention(match) is { } mention)
            {
                yield return mention;
            }
        }
    }

    /// <summary>A date (with or without year) starting at <paramref name="start"/>, after optional spaces.</summary>
    internal static DateMention? DateAt(string text, int start)
    {
        Match match = DateAtRegex().Match(text, start);
        if (!match.Success)
        {
            return null;
        }

        Group body = match.Groups["text"];
        return ToMention(match) is { } mention
            ? mention with { Index = body.Index, Text = body.Value }
            : null;
    }

    /// <summary>"15 October": the day-month form used in reasons.</summary>
    internal static string FormatDayMonth(int month, int day) =>
        string.Create(CultureInfo.InvariantCulture, $"{day} {MonthLabel(month)}");

    /// <summary>
    /// Turns a match into a mention, or null when it cannot be a date: a day beyond the month's length,
    /// or a numeric date where both numbers could be the month.
    /// </summary>
    private static DateMention? ToMention(Match match)
    {
        int? year;
        int month;
        int day;
        if (match.Groups["iy"].Success)
        {
            year = Number(match.Groups["iy"]);
            month = Number(match.Groups["im"]);
            day = Number(match.Groups["id"]);
        }
        else if (match.Groups["ny"].Success || match.Groups["nyy"].Success)
        {
            year = match.Groups["ny"].Success ? Number(match.Groups["ny"]) : 2000 + Number(match.Groups["nyy"]);
            int first = Number(match.Groups["na"]);
            int second = Number(match.Groups["nb"]);
            if (first == second || (first > 12 && second <= 12))
            {
                (day, month) = (first, second);
            }
            else if (second > 12 && first <= 12)
            {
                (month, day) = (first, second);
            }
            else
            {
                return null; // 05/10/2017 could be May or October: better no date than a wrong one
            }
        }
        else
        {
            year = match.Groups["year"].Success ? Number(match.Groups["year"]) : null;
            month = MonthNumber(match.Groups["mon"].Value);
            day = Number(match.Groups["day"]);
        }

        if (month is < 1 or > 12 || day < 1 || day > MaxDaysIn(month))
        {
            return null;
        }

        if (year is int y && day > DateTime.DaysInMonth(y, month))
        {
            return null; // 29 February 2017
        }

        DayOfWeek? weekday = match.Groups["wd"].Success ? WeekdayOf(match.Groups["wd"].Value) : null;
        return new DateMention(match.Index, match.Value, year, month, day, weekday);
    }

    private static int Number(Group group) => int.Parse(group.ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);

    // The first three letters settle every English month name and abbreviation ("Sept" included).
    private static int MonthNumber(string name) => name.Length < 3 ? 0 : name[..3].ToLowerInvariant() switch
    {
        "jan" => 1, "feb" => 2, "mar" => 3, "apr" => 4, "may" => 5, "jun" => 6,
        "jul" => 7, "aug" => 8, "sep" => 9, "oct" => 10, "nov" => 11, "dec" => 12,
        _ => 0,
    };

    private static DayOfWeek? WeekdayOf(string name) => name.Length < 3 ? null : name[..3].ToLowerInvariant() switch
    {
        "mon" => DayOfWeek.Monday, "tue" => DayOfWeek.Tuesday, "wed" => DayOfWeek.Wednesday,
        "thu" => DayOfWeek.Thursday, "fri" => DayOfWeek.Friday, "sat" => DayOfWeek.Saturday,
        "sun" => DayOfWeek.Sunday,
        _ => null,
    };

    private static string MonthLabel(int month) => month is >= 1 and <= 12 ? MonthNames[month - 1] : "?";

    // Longest the month can be in any year, so 29 February survives until a year is known.
    private static int MaxDaysIn(int month) => month == 2 ? 29 : DateTime.DaysInMonth(2000, month);

    private static bool Fits(int year, int month, int day, DayOfWeek weekday) =>
        year is >= 1 and <= 9999
        && day <= DateTime.DaysInMonth(year, month)
        && new DateOnly(year, month, day).DayOfWeek == weekday;
}

/// <summary>A date as printed: where it stands, its text, and the parts the text gives.</summary>
/// <param name="Index">Offset of <paramref name="Text"/> in the searched string.</param>
/// <param name="Text">The exact text of the date, weekday included when printed before it.</param>
/// <param name="Year">Null when no year was printed.</param>
internal readonly record struct DateMention(int Index, string Text, int? Year, int Month, int Day, DayOfWeek? Weekday)
{
    /// <summary>The calendar date, when a year was printed (validity is checked on creation).</summary>
    public DateOnly? Date => Year is int year ? new DateOnly(year, Month, Day) : null;
}
