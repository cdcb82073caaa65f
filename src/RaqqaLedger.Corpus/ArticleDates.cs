using System.Globalization;
using System.Text;
using RaqqaLedger.Domain.Articles;

namespace RaqqaLedger.Corpus;

/// <summary>Where an article prints its publication date, in the forms the article reader knows.</summary>
internal enum DateForm
{
    /// <summary>A header line that is only a date: "14 November 2017", "Sun, 15 Oct 2017 - 02:27 GMT".</summary>
    DateLine,
    /// <summary>A byline with a date: "By Lina Haddad | October 15, 2017".</summary>
    Stamp,
    /// <summary>A publication and an update stamp; the publication date counts.</summary>
    PublishedUpdated,
    /// <summary>A header line with day and month but no year: "Sunday, October 15" (inferred).</summary>
    YearlessLine,
    /// <summary>"CAIRO – 15 October 2017: …" or "BEIRUT, Oct 15, 2017 (Reuters) - …".</summary>
    DatelineDated,
    /// <summary>"BEIRUT, Oct 15 (Reuters) - …": no year (inferred).</summary>
    DatelineYearless,
    /// <summary>The lede opens "On Sunday, October 15, …" (inferred).</summary>
    Lede,
    /// <summary>A dateline without a date, then such a lede (inferred).</summary>
    DatelineLede,
    /// <summary>Nothing dates the article.</summary>
    None,
}

/// <summary>An article's date and the form that prints it.</summary>
internal readonly record struct DatePlan(DateForm Form, DateOnly Date)
{
    public bool InBody => Form is DateForm.DatelineDated or DateForm.DatelineYearless or DateForm.Lede or DateForm.DatelineLede;

    public DateBasis Basis => Form switch
    {
        DateForm.None => DateBasis.Unknown,
        DateForm.YearlessLine or DateForm.DatelineYearless or DateForm.Lede or DateForm.DatelineLede => DateBasis.Inferred,
        _ => DateBasis.Stated,
    };

    public DateOnly? Published => Form == DateForm.None ? null : Date;
}

/// <summary>Dates written as news pages write them; every form here is one <see cref="ArticleReader"/> derives the same date from.</summary>
internal static class ArticleDates
{
    public static readonly DateOnly First = new(2017, 10, 14), Last = new(2017, 11, 14);

    private static readonly string[] Months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    public static DateOnly Pick(SplitMix64 random) => First.AddDays(random.Below(Last.DayNumber - First.DayNumber + 1));

    public static DateOnly Later(DateOnly date, SplitMix64 random)
    {
        var later = date.AddDays(random.Below(6));
        return later > Last ? Last : later;
    }

    public static DateForm PickForm(SplitMix64 random) => random.Below(1000) switch
    {
        < 290 => DateForm.DateLine,
        < 370 => DateForm.Stamp,
        < 440 => DateForm.PublishedUpdated,
        < 490 => DateForm.YearlessLine,
        < 640 => DateForm.DatelineDated,
        < 740 => DateForm.DatelineYearless,
        < 840 => DateForm.Lede,
        < 945 => DateForm.DatelineLede,
        _ => DateForm.None,
    };

    private static string Month(DateOnly d) => Months[d.Month - 1];

    private static string Mon(DateOnly d) => Months[d.Month - 1][..3];

    private static string Weekday(DateOnly d) => d.DayOfWeek.ToString();

    private static string Time(SplitMix64 random) => string.Create(CultureInfo.InvariantCulture, $"{random.Below(24):00}:{random.Below(60):00}");

    /// <summary>A full date as a header line prints it.</summary>
    public static string Full(DateOnly d, SplitMix64 random) => random.Below(7) switch
    {
        0 => $"{d.Day} {Month(d)} {d.Year}",
        1 => $"{d.Day} {Month(d)}, {d.Year}",
        2 => $"{Month(d)} {d.Day}, {d.Year}",
        3 => $"{Weekday(d)[..3]}, {d.Day} {Mon(d)} {d.Year} - {Time(random)} GMT",
        4 => $"{Weekday(d)} {d.Day} {Month(d)} {d.Year}",
        5 => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => $"{Mon(d)}. {d.Day}, {d.Year}",
    };

    /// <summary>The header lines that carry the date, for the forms printed in the header.</summary>
    public static void HeaderLines(DatePlan plan, SplitMix64 random, List<string> into)
    {
        var d = plan.Date;
        switch (plan.Form)
        {
            case DateForm.DateLine:
                into.Add(Full(d, random));
                break;
            case DateForm.Stamp:
                into.Add($"By {random.Pick(Prose.Authors)} | {Full(d, random)}");
                break;
            case DateForm.PublishedUpdated:
                var published = $"Published: {d.Day} {Month(d)} {d.Year} {Time(random)} GMT";
                var u = d.AddDays(random.Between(1, 3));
                var updated = $"Updated: {u.Day} {Month(u)} {u.Year} {Time(random)} GMT";
                if (random.Chance(0.5))
                    into.AddRange([published, updated]);
                else
                    into.AddRange([updated, published]);
                break;
            case DateForm.YearlessLine:
                into.Add(random.Chance(0.6) ? $"{Weekday(d)}, {Month(d)} {d.Day}" : $"{Mon(d)} {d.Day} | {Time(random)} GMT");
                break;
        }
    }

    /// <summary>The dateline opening the lede ("CAIRO – 15 October 2017: "), or "" when there is none.</summary>
    public static string Dateline(DatePlan plan, SplitMix64 random)
    {
        var d = plan.Date;
        var agency = random.Pick(["Reuters", "AFP", "AP"]);
        switch (plan.Form)
        {
            case DateForm.DatelineDated:
                return random.Chance(0.5)
                    ? $"{random.Pick(Prose.OtherPlaces)} \u2013 {d.Day} {Month(d)} {d.Year}: "
                    : $"{random.Pick(Prose.OtherPlaces)}, {Mon(d)} {d.Day}, {d.Year} ({agency}) - ";
            case DateForm.DatelineYearless:
                return random.Chance(0.5)
                    ? $"{random.Pick(Prose.OtherPlaces)}, {Mon(d)} {d.Day} ({agency}) - "
                    : $"{random.Pick(Prose.OtherPlaces)}, {Month(d)} {d.Day} ({agency}) \u2014 ";
            case DateForm.DatelineLede:
                return PlainDateline(random, agency);
            case DateForm.None or DateForm.DateLine or DateForm.Stamp or DateForm.PublishedUpdated or DateForm.YearlessLine:
                // A dateline without a date beside a date printed elsewhere, or in an undated article.
                return random.Chance(plan.Form == DateForm.None ? 0.4 : 0.2) ? PlainDateline(random, agency) : "";
            default:
                return "";
        }
    }

    private static string PlainDateline(SplitMix64 random, string agency) => random.Chance(0.6)
        ? $"{random.Pick(Prose.SyrianPlaces)}, Syria \u2013 "
        : $"{random.Pick(Prose.OtherPlaces)} ({agency}) - ";

    /// <summary>"On Sunday, October 15, ": a lede that dates the story's events to a day.</summary>
    public static string LedePrefix(DateOnly d, SplitMix64 random) => random.Below(4) switch
    {
        0 => $"On {Weekday(d)}, {Month(d)} {d.Day}, ",
        // Not "On Sunday 15 October, …": a number right after "October," is read as part of the date.
        1 => $"On {Weekday(d)}, {d.Day} {Month(d)} {d.Year}, ",
        2 => $"On {d.Day} {Month(d)} {d.Year}, ",
        _ => $"On {Month(d)} {d.Day}, {d.Year}, ",
    };

    /// <summary>A weekday shortly before publication ("on Saturday"), for relative event dates.</summary>
    public static void RecentWeekday(DateOnly? published, SplitMix64 random, StringBuilder into) =>
        into.Append(((published ?? Pick(random)).AddDays(-random.Below(3))).DayOfWeek.ToString());
}
