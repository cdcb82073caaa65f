using RaqqaLedger.Domain.Articles;

namespace RaqqaLedger.Domain.Tests;

public class ArticleIntakeTests
{
    private static ArticleIngestedResult Ingest(ArticleSubmission s) => new(ArticleIntake.Ingest(s, ArticleReadingOptions.Default));

    private sealed record ArticleIngestedResult(Events.ArticleIngested Event);

    [Fact]
    public void Ingest_KeepsTheRawTextUnchanged()
    {
        const string text = "Headline\r\n\r\nBody  text with  spaces.\n";

        var e = Ingest(new ArticleSubmission("a.txt", text)).Event;

        Assert.Equal(text, e.Text);
        Assert.Equal(ArticleText.IdOf(text), e.ArticleId);
        Assert.Empty(e.EnvelopeFields);
    }

    [Fact]
    public void Ingest_WithAnEnvelopeDate_StatesItAndSaysWhereItCameFrom()
    {
        var e = Ingest(new ArticleSubmission("a.json", "14 November 2017\n\nText.", PublishedAt: "2017-10-15")).Event;

        Assert.Equal(new DateOnly(2017, 10, 15), e.Published.Date);
        Assert.Equal(DateBasis.Stated, e.Published.Basis);
        Assert.Equal("publishedAt: 2017-10-15", e.Published.Evidence);
        Assert.Equal(["publishedAt"], e.EnvelopeFields);
    }

    [Theory]
    [InlineData("2017-10-15", 2017, 10, 15)]
    [InlineData("2017-10-15T02:27:00Z", 2017, 10, 15)]
    [InlineData("2017-10-15T23:30:00-05:00", 2017, 10, 15)]
    [InlineData("2017-10-15T01:00:00.123+03:00", 2017, 10, 15)]
    [InlineData("2016-02-29", 2016, 2, 29)]
    public void ParsePublishedAt_TakesTheDateAsWritten(string value, int y, int m, int d)
    {
        Assert.Equal(new DateOnly(y, m, d), ArticleIntake.ParsePublishedAt(value));
    }

    [Theory]
    [InlineData("2017-02-30")]
    [InlineData("2017-02-29")]
    [InlineData("10000-01-01")]
    [InlineData("2017-13-01")]
    [InlineData("15/10/2017")]
    [InlineData("October 15, 2017")]
    [InlineData("2017-10-15T25:00:00Z")]
    [InlineData("")]
    public void ParsePublishedAt_RefusesWhatIsNotARealIsoDate(string value)
    {
        Assert.Null(ArticleIntake.ParsePublishedAt(value));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData(" \n\t ", "empty")]
    [InlineData("\u200B\u200C\u200D\u2060\uFEFF", "empty")]
    [InlineData("\u202E\u202A\u2066\u2069\u200E\u200F \u061C", "empty")]
    [InlineData("text\0with nul", "NUL")]
    public void Ingest_RefusesTextThatIsNoArticle(string text, string expected)
    {
        var error = Assert.Throws<InvalidArticleException>(() => ArticleIntake.Ingest(new ArticleSubmission("x.txt", text), ArticleReadingOptions.Default));

        Assert.Contains(expected, error.Message);
        Assert.StartsWith("x.txt: ", error.Message);
    }

    [Fact]
    public void Ingest_RefusesAnOversizedText()
    {
        var text = new string('a', ArticleIntake.MaxTextLength + 1);

        Assert.Throws<InvalidArticleException>(() => ArticleIntake.Ingest(new ArticleSubmission("big.txt", text), ArticleReadingOptions.Default));
    }
}
