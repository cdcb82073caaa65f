using System.Globalization;
using RaqqaLedger.Domain.Articles;

namespace RaqqaLedger.Domain.Tests.Articles;

public class DateParsingTests
{
    private const string Headline = "Raqqa deal lets IS fighters leave the city";

    private const string Body =
        "Islamic State fighters left the Syrian city of Raqqa under a deal brokered by local officials and tribal elders, officials said.";

    private static ArticleFacts ReadWithHeaderLine(string line, int referenceYear = 2017) =>
        ArticleReader.Read($"{Headline}\n\n{line}\n\n{Body}", new ArticleReadingOptions(referenceYear));

    private static ArticleFacts ReadWithLede(string lede, int referenceYear = 2017) =>
        ArticleReader.Read($"{Headline}\n\n{lede}\n\nThe coalition said it could not confirm the details of the departure.", new ArticleReadingOptions(referenceYear));

    private static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    // ------------------------------------------------------------ header date lines, one per form

    [Theory]
    [InlineData("15 October, 2017", "2017-10-15")]
    [InlineData("14 November 2017", "2017-11-14")]
    [InlineData("Sun, 15 Oct 2017 - 02:27 GMT", "2017-10-15")]
    [InlineData("October 15, 2017 at 3:45 pm", "2017-10-15")]
    [InlineData("Oct. 15, 2017", "2017-10-15")]
    [InlineData("2017-10-15", "2017-10-15")]
    [InlineData("2017-10-15T02:27:00Z", "2017-10-15")]
    [InlineData("2017-10-15T02:27:00+03:00", "2017-10-15")]
    [InlineData("Published: 15/10/2017", "2017-10-15")]
    [InlineData("10/15/2017", "2017-10-15")]
    [InlineData("10/10/2017", "2017-10-10")]
    [InlineData("15th October 2017", "2017-10-15")]
    [InlineData("October 15th, 2017", "2017-10-15")]
    [InlineData("Sept. 3, 2017", "2017-09-03")]
    [InlineData("Sep 3 2017", "2017-09-03")]
    [InlineData("Sunday, October 15, 2017", "2017-10-15")]
    [InlineData("Sunday 15 October 2017", "2017-10-15")]
    [InlineData("Sun 15 Oct 2017 10.32 BST", "2017-10-15")]
    [InlineData("Updated 1542 GMT (2342 HKT) October 15, 2017", "2017-10-15")]
    [InlineData("OCTOBER 15, 2017 / 4:26 AM / UPDATED 2 YEARS AGO", "2017-10-15")]
    [InlineData("Posted on October 15, 2017", "2017-10-15")]
    [InlineData("Last updated: Oct 16, 2017 10:12 AM EDT", "2017-10-16")]
    [InlineData("Thursday 12 Oct 2017 18:05 UTC+3", "2017-10-12")]
    [InlineData("15.10.2017", "2017-10-15")]
    [InlineData("2017/10/15", "2017-10-15")]
    [InlineData("15-Oct-2017", "2017-10-15")]
    [InlineData("Oct 15 2017, 3:45 PM ET", "2017-10-15")]
    [InlineData("the 15th of October, 2017", "2017-10-15")]
    [InlineData("Date: 2017-10-15 02:27", "2017-10-15")]
    [InlineData("JANUARY 5, 2018", "2018-01-05")]
    [InlineData("Dec 31, 2017 23:59 GMT", "2017-12-31")]
    [InlineData("29 February 2016", "2016-02-29")]
    [InlineData("Published 15 October 2017 By admin", "2017-10-15")]
    [InlineData("By Tom Perry | October 15, 2017", "2017-10-15")]
    [InlineData("Sun 15 Oct 2017 10.32 BST Last modified on Sun 15 Oct 2017 14.00 BST", "2017-10-15")]
    [InlineData("Published: 10.15.17, 23:10", "2017-10-15")]
    [InlineData("15/10/17", "2017-10-15")]
    [InlineData("14:27 15.10.2017 (updated 16:05 15.10.2017)", "2017-10-15")]
    [InlineData("Date of publication: 15 October, 2017", "2017-10-15")]
    [InlineData("Published time: 15 Oct, 2017 11:15 Edited time: 15 Oct, 2017 13:20", "2017-10-15")]
    [InlineData("October 15, 2017 at 10:32 a.m. EDT", "2017-10-15")]
    [InlineData("Source: Xinhua| 2017-10-15 22:27:31|Editor: Mu Xuequan", "2017-10-15")]
    public void Read_HeaderDateLine_IsStated(string line, string expected)
    {
        PublicationDate published = ReadWithHeaderLine(line).Published;

        Assert.Equal(DateBasis.Stated, published.Basis);
        Assert.Equal(Day(expected), published.Date);
        Assert.NotNull(published.Evidence);
        Assert.Contains(published.Evidence, line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("30 February 2017")] // no such day
    [InlineData("31 April 2017")]
    [InlineData("29 February 2017")] // not a leap year
    [InlineData("2017-02-30")]
    [InlineData("2017-13-01")]
    [InlineData("Published: 05/10/2017")] // 5 October or 10 May: skipped, not guessed
    [InlineData("06.07.2017")]
    [InlineData("15/13/2017")]
    [InlineData("05/10/17")]
    [InlineData("June 2017")] // no day
    [InlineData("2 hours ago")]
    [InlineData("In June 2014, the group took Raqqa.")]
    [InlineData("An armoured vehicle of the Syrian Democratic Forces is seen along a road at the frontline in Raqqa, Syria, Oct. 8, 2017.")]
    [InlineData("Fighters have held the city since 15 October 2014 and the siege began in June")]
    public void Read_LineWithoutUsableDate_LeavesDateUnknown(string line)
    {
        PublicationDate published = ReadWithHeaderLine(line).Published;

        Assert.Equal(DateBasis.Unknown, published.Basis);
        Assert.Null(published.Date);
        Assert.Equal("no date found in the header or dateline", published.Reason);
    }

    [Theory]
    [InlineData("October 15", "2017-10-15")]
    [InlineData("Sunday, October 15", "2017-10-15")]
    [InlineData("Monday, October 15 | 02:27 GMT", "2018-10-15")]
    [InlineData("Sat 14 Oct", "2017-10-14")]
    public void Read_HeaderDateLineWithoutYear_IsInferred(string line, string expected)
    {
        PublicationDate published = ReadWithHeaderLine(line).Published;

        Assert.Equal(DateBasis.Inferred, published.Basis);
        Assert.Equal(Day(expected), published.Date);
        Assert.Equal(line, published.Evidence);
        Assert.StartsWith("no year printed", published.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_StandaloneDateLine_EvidenceIsTheWholeLine()
    {
        PublicationDate published = ReadWithHeaderLine("Sun, 15 Oct 2017 - 02:27 GMT").Published;

        Assert.Equal("Sun, 15 Oct 2017 - 02:27 GMT", published.Evidence);
        Assert.Null(published.Reason);
    }

    [Fact]
    public void Read_DateBesideByline_EvidenceIsJustTheDate()
    {
        PublicationDate published = ReadWithHeaderLine("By Tom Perry | October 15, 2017").Published;

        Assert.Equal("October 15, 2017", published.Evidence);
    }

    [Fact]
    public void Read_StandaloneDateLine_WinsOverEarlierCaptionDate()
    {
        const string text =
            "Fighters leave Raqqa\n\n" +
            "An armoured vehicle is seen along a road at the frontline in Raqqa, Syria, Oct. 8, 2017.\n\n" +
            "Sun, 15 Oct 2017 - 02:27 GMT\n\n" + Body;

        PublicationDate published = ArticleReader.Read(text, ArticleReadingOptions.Default).Published;

        Assert.Equal(Day("2017-10-15"), published.Date);
        Assert.Equal("Sun, 15 Oct 2017 - 02:27 GMT", published.Evidence);
    }

    [Fact]
    public void Read_PublishedStamp_WinsOverEarlierUpdatedStamp()
    {
        string text = $"{Headline}\n\nUpdated: 16 October 2017\nPublished: 15 October 2017\n\n{Body}";

        PublicationDate published = ArticleReader.Read(text, ArticleReadingOptions.Default).Published;

        Assert.Equal(Day("2017-10-15"), published.Date);
        Assert.Equal("Published: 15 October 2017", published.Evidence);
    }

    [Fact]
    public void Read_OnlyAnUpdatedStamp_IsStillStated()
    {
        PublicationDate published = ReadWithHeaderLine("Updated: 16 October 2017").Published;

        Assert.Equal(DateBasis.Stated, published.Basis);
        Assert.Equal(Day("2017-10-16"), published.Date);
    }

    [Fact]
    public void Read_SkipsImpossibleDateLine_AndUsesTheNextOne()
    {
        string text = $"{Headline}\n\n30 February 2017\n\n14 November 2017\n\n{Body}";

        PublicationDate published = ArticleReader.Read(text, ArticleReadingOptions.Default).Published;

        Assert.Equal(Day("2017-11-14"), published.Date);
    }

    [Fact]
    public void Read_DateLineDeepInTheBody_IsNotAPublicationDate()
    {
        var text = new System.Text.StringBuilder(Headline + "\n\n");
        for (int i = 0; i < 20; i++)
        {
            text.Append("Paragraph ").Append(i).Append(" of a long report on the battle for Raqqa and the deal.\n\n");
        }

        text.Append("15 October 2017\n");

        Assert.Equal(DateBasis.Unknown, ArticleReader.Read(text.ToString(), ArticleReadingOptions.Default).Published.Basis);
    }

    [Fact]
    public void Read_BodyDatesWithoutDay_AreIgnored()
    {
        const string text =
            "IS loses Raqqa\n\nThe SDF has been battling since June to capture Raqqa, which IS seized in 2014. " +
            "Nearly 270,000 people have fled since April.\n\nIn June, the SDF broke into the city.";

        Assert.Equal(DateBasis.Unknown, ArticleReader.Read(text, ArticleReadingOptions.Default).Published.Basis);
    }

    // ------------------------------------------------------------ datelines and ledes

    [Theory]
    [InlineData("CAIRO \u2013 15 October 2017: A group of Islamic State fighters evacuated the Syrian city of Raqqa overnight.", "2017-10-15", "15 October 2017")]
    [InlineData("CAIRO \u2013 Sunday 15 October 2017: A group of Islamic State fighters evacuated the Syrian city of Raqqa.", "2017-10-15", "Sunday 15 October 2017")]
    [InlineData("RAQQA, Syria, October 15, 2017 -- Islamic State fighters left Raqqa under a deal, a militia spokesman said.", "2017-10-15", "October 15, 2017")]
    [InlineData("BEIRUT, Oct. 15, 2017 (Reuters) - Islamic State fighters left Raqqa under a deal, a militia spokesman said.", "2017-10-15", "Oct. 15, 2017")]
    public void Read_DatelineWithFullDate_IsStated(string lede, string expected, string evidence)
    {
        PublicationDate published = ReadWithLede(lede).Published;

        Assert.Equal(DateBasis.Stated, published.Basis);
        Assert.Equal(Day(expected), published.Date);
        Assert.Equal(evidence, published.Evidence);
    }

    [Theory]
    [InlineData("BEIRUT, Oct 15 (Reuters) - Islamic State fighters left Raqqa under a deal, a militia spokesman said.", 2017, "2017-10-15", "Oct 15")]
    [InlineData("DAMASCUS, Syria, Oct. 15 (Xinhua) -- Islamic State fighters left Raqqa under a deal, a spokesman said.", 2017, "2017-10-15", "Oct. 15")]
    [InlineData("CAIRO \u2013 15 October: A group of Islamic State fighters evacuated the Syrian city of Raqqa overnight.", 2017, "2017-10-15", "15 October")]
    [InlineData("BEIRUT, Oct 15 (Reuters) - Islamic State fighters left Raqqa under a deal, a militia spokesman said.", 2016, "2016-10-15", "Oct 15")]
    public void Read_DatelineDayMonthWithoutYear_IsInferredInTheReferenceYear(string lede, int referenceYear, string expected, string evidence)
    {
        PublicationDate published = ReadWithLede(lede, referenceYear).Published;

        Assert.Equal(DateBasis.Inferred, published.Basis);
        Assert.Equal(Day(expected), published.Date);
        Assert.Equal(evidence, published.Evidence);
        Assert.Contains($"reference year {referenceYear}", published.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("AIN ISSA , Syria \u2013 US-backed forces announced the final phase of the battle on Sunday, October 15, after fighters left.", 2017, "2017-10-15", "Sunday, October 15")]
    [InlineData("Islamic State fighters left Raqqa on Sunday, October 15, under a deal with local officials, a spokesman said.", 2017, "2017-10-15", "Sunday, October 15")]
    [InlineData("Islamic State fighters left Raqqa on Sunday 15 October under a deal with local officials, a spokesman said.", 2017, "2017-10-15", "Sunday 15 October")]
    [InlineData("Islamic State fighters left Raqqa on Sun., Oct. 15 under a deal with local officials, a spokesman said.", 2017, "2017-10-15", "Sun., Oct. 15")]
    [InlineData("Islamic State fighters left Raqqa on Monday, October 15, under a deal with local officials, a spokesman said.", 2017, "2018-10-15", "Monday, October 15")]
    [InlineData("Islamic State fighters left Raqqa on Saturday, 15 October, under a deal with local officials, a spokesman said.", 2017, "2016-10-15", "Saturday, 15 October")]
    [InlineData("Islamic State fighters left Raqqa on Thursday, October 15, under a deal with local officials, a spokesman said.", 2020, "2020-10-15", "Thursday, October 15")]
    [InlineData("Islamic State fighters left Raqqa on Monday, 29 February, under a deal with local officials, a spokesman said.", 2017, "2016-02-29", "Monday, 29 February")]
    [InlineData("BEIRUT, Oct 15 (Reuters) - Islamic State fighters left Raqqa on Sunday, October 15, a militia spokesman said.", 2017, "2017-10-15", "Sunday, October 15")]
    public void Read_LedeWeekdayDayMonth_InfersTheNearestYearWithThatWeekday(string lede, int referenceYear, string expected, string evidence)
    {
        PublicationDate published = ReadWithLede(lede, referenceYear).Published;

        Assert.Equal(DateBasis.Inferred, published.Basis);
        Assert.Equal(Day(expected), published.Date);
        Assert.Equal(evidence, published.Evidence);
        Assert.StartsWith("no year printed;", published.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_LedeWeekdayDayMonth_ReasonNamesWeekdayYearAndReference()
    {
        PublicationDate published = ReadWithLede(
            "Islamic State fighters left Raqqa on Sunday, October 15, under a deal with local officials, a spokesman said.").Published;

        Assert.Equal(
            "no year printed; 15 October fell on a Sunday in 2017, the year nearest the reference year 2017",
            published.Reason);
    }

    [Fact]
    public void Read_LedeWithWeekdayAndFullDate_IsInferredFromThePrintedYear()
    {
        PublicationDate published = ReadWithLede(
            "BEIRUT \u2014 Islamic State fighters left Raqqa on Sunday, October 15, 2017, under a deal with local officials.").Published;

        Assert.Equal(DateBasis.Inferred, published.Basis);
        Assert.Equal(Day("2017-10-15"), published.Date);
        Assert.Equal("Sunday, October 15, 2017", published.Evidence);
    }

    [Fact]
    public void Read_LedeWeekdayThatFitsTwoYearsEquallyNear_IsUnknownWithReason()
    {
        // 1 January was a Wednesday in 2014 and in 2020, three years either side of 2017, and not in between.
        PublicationDate published = ReadWithLede(
            "Islamic State fighters left Raqqa on Wednesday, January 1, under a deal with local officials, a spokesman said.").Published;

        Assert.Equal(DateBasis.Unknown, published.Basis);
        Assert.Null(published.Date);
        Assert.Contains("2014", published.Reason, StringComparison.Ordinal);
        Assert.Contains("2020", published.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_LedeWeekdayThatFitsNoNearbyYear_IsUnknownWithReason()
    {
        // 29 February fell on a Sunday in 2004 and 2032: both too far from 2017.
        PublicationDate published = ReadWithLede(
            "Islamic State fighters left Raqqa on Sunday, 29 February, under a deal with local officials, a spokesman said.").Published;

        Assert.Equal(DateBasis.Unknown, published.Basis);
        Assert.Null(published.Date);
        Assert.Contains("within 6 years", published.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_DatelineDayThatDoesNotExistInTheReferenceYear_IsUnknown()
    {
        PublicationDate published = ReadWithLede(
            "BEIRUT, Feb 29 (Reuters) - Islamic State fighters left Raqqa under a deal, a militia spokesman said.").Published;

        Assert.Equal(DateBasis.Unknown, published.Basis);
        Assert.Null(published.Date);
    }

    [Theory]
    [InlineData("Islamic State fighters left Raqqa on October 15, under a deal with local officials, a spokesman said today.")]
    [InlineData("Islamic State fighters left Raqqa on Saturday under a deal with local officials, a spokesman said on Sunday.")]
    [InlineData("Fighters march 15 kilometres a day, the SDF said, as the battle for Raqqa enters its final phase this week.")]
    public void Read_LedeWithoutWeekdayAndDayTogether_LeavesDateUnknown(string lede)
    {
        Assert.Equal(DateBasis.Unknown, ReadWithLede(lede).Published.Basis);
    }

    // ------------------------------------------------------------ DateParsing directly

    [Theory]
    [InlineData("15 October, 2017", "2017-10-15")]
    [InlineData("  Published: Oct. 15, 2017  ", "2017-10-15")]
    [InlineData("Sat, 14 Oct 2017 18:00:00 +0000", "2017-10-14")]
    [InlineData("Saturday, Oct. 14, 2017, 6:00 p.m.", "2017-10-14")]
    public void TryParseDateLine_DateOnItsOwn_ReturnsTheDate(string line, string expected)
    {
        Assert.True(DateParsing.TryParseDateLine(line, out DateOnly date));
        Assert.Equal(Day(expected), date);
    }

    [Theory]
    [InlineData("")]
    [InlineData("The deal was announced on 14 October 2017 by local officials.")]
    [InlineData("By Tom Perry | October 15, 2017")] // a byline is more than a date
    [InlineData("30 February 2017")]
    [InlineData("05/10/2017")]
    [InlineData("Raqqa, Syria, Oct. 8, 2017.")]
    public void TryParseDateLine_LineThatIsNotJustAValidDate_ReturnsFalse(string line)
    {
        Assert.False(DateParsing.TryParseDateLine(line, out _));
    }

    [Theory]
    [InlineData(10, 15, DayOfWeek.Sunday, 2017, 2017)]
    [InlineData(10, 15, DayOfWeek.Monday, 2017, 2018)]
    [InlineData(10, 15, DayOfWeek.Saturday, 2017, 2016)]
    [InlineData(10, 15, DayOfWeek.Tuesday, 2017, 2019)]
    [InlineData(2, 29, DayOfWeek.Monday, 2017, 2016)]
    [InlineData(10, 14, DayOfWeek.Saturday, 2017, 2017)]
    public void InferYear_PicksTheNearestYearWithThatWeekday(int month, int day, DayOfWeek weekday, int referenceYear, int expected)
    {
        YearInference inference = DateParsing.InferYear(month, day, weekday, referenceYear);

        Assert.Equal(expected, inference.Year);
        Assert.Equal(weekday, new DateOnly(expected, month, day).DayOfWeek);
    }

    [Fact]
    public void InferYear_TwoYearsEquallyNear_GivesNoYear()
    {
        YearInference inference = DateParsing.InferYear(1, 1, DayOfWeek.Wednesday, 2017);

        Assert.Null(inference.Year);
        Assert.Contains("equally near", inference.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void InferYear_NoYearInRange_GivesNoYear()
    {
        YearInference inference = DateParsing.InferYear(2, 29, DayOfWeek.Sunday, 2017);

        Assert.Null(inference.Year);
    }

    [Theory]
    [InlineData(2, 30)]
    [InlineData(4, 31)]
    [InlineData(13, 1)]
    [InlineData(0, 10)]
    public void InferYear_ImpossibleDayAndMonth_GivesNoYear(int month, int day)
    {
        Assert.Null(DateParsing.InferYear(month, day, DayOfWeek.Sunday, 2017).Year);
    }
}
