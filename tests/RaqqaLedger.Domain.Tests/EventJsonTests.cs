using RaqqaLedger.Domain.Articles;
using RaqqaLedger.Domain.Events;

namespace RaqqaLedger.Domain.Tests;

/// <summary>Freezes the stored shape of each event: changing it breaks every log already written.</summary>
public class EventJsonTests
{
    /// <summary>As <c>article-ingested.v1</c> events were written (the payload of a log of that time): read back as today's event.</summary>
    private const string StoredV1 =
        """{"articleId":"abc","source":"a.txt","text":"Text","title":"Title","published":{"date":"2017-10-15","basis":"inferred","evidence":"Sunday, October 15","reason":"weekday fits 2017"},"dateline":{"place":"CAIRO","text":"CAIRO –"},"agencies":[{"agency":"AFP","mention":"told AFP"}],"boilerplate":[{"line":3,"text":"2 min read","reason":"read-time"}],"url":null,"outlet":"Outlet","envelopeFields":["outlet"]}""";

    [Fact]
    public void ArticleIngested_IsStoredUnderItsVersionedName_AndReadUnderEveryOlderOne()
    {
        Assert.Equal("article-ingested.v2", EventJson.TypeNameOf<ArticleIngested>());
        Assert.Equal("article-ingested.v1", EventJson.TypeNameOf<ArticleIngestedV1>());
        Assert.Equal(["article-ingested.v2", "article-ingested.v1"], EventJson.TypeNamesOf<ArticleIngested>());
    }

    [Fact]
    public void ArticleIngested_V2_HasAFrozenJsonShape()
    {
        var e = new ArticleIngested("abc", "a.txt", "Text", "Title",
            new PublicationDate(new DateOnly(2017, 10, 15), DateBasis.Inferred, "Sunday, October 15", "weekday fits 2017"),
            new Dateline("CAIRO", "CAIRO –"), [new AgencyCredit("AFP", "told AFP")], [new BoilerplateLine(3, "2 min read", "read-time")],
            null, "Outlet", ["outlet"], "en");

        Assert.Equal(StoredV1[..^1] + ""","language":"en"}""", EventJson.Serialize(e));
    }

    [Fact]
    public void ArticleIngested_V1_KeepsItsFrozenJsonShape()
    {
        var e = new ArticleIngestedV1("abc", "a.txt", "Text", "Title",
            new PublicationDate(new DateOnly(2017, 10, 15), DateBasis.Inferred, "Sunday, October 15", "weekday fits 2017"),
            new Dateline("CAIRO", "CAIRO –"), [new AgencyCredit("AFP", "told AFP")], [new BoilerplateLine(3, "2 min read", "read-time")],
            null, "Outlet", ["outlet"]);

        Assert.Equal(StoredV1, EventJson.Serialize(e));
    }

    [Fact]
    public void AStoredV1Article_IsReadAsV2_WithNoLanguageAndEverythingElseAsWritten()
    {
        var read = Assert.IsType<ArticleIngested>(EventJson.Deserialize("article-ingested.v1", StoredV1));

        Assert.Null(read.Language);
        Assert.Equal(("abc", "a.txt", "Text", "Title", "CAIRO", "Outlet"), (read.ArticleId, read.Source, read.Text, read.Title, read.Dateline!.Place, read.Outlet));
        Assert.Equal(new DateOnly(2017, 10, 15), read.Published.Date);
        Assert.Equal("AFP", Assert.Single(read.Agencies).Agency);
        Assert.Equal(3, Assert.Single(read.Boilerplate).Line);
        Assert.Equal(["outlet"], read.EnvelopeFields);
        Assert.Equal(read, Assert.IsType<ArticleIngested>(EventJson.Deserialize("article-ingested.v1", System.Text.Encoding.UTF8.GetBytes(StoredV1))), ArticleComparer);
    }

    private static readonly IEqualityComparer<ArticleIngested> ArticleComparer =
        EqualityComparer<ArticleIngested>.Create((a, b) => EventJson.Serialize(a!) == EventJson.Serialize(b!), a => a.ArticleId.GetHashCode(StringComparison.Ordinal));

    [Fact]
    public void Deserialize_RoundTripsAKnownEvent_AndIgnoresUnknownNames()
    {
        var e = new ArticleIngested("abc", "a.txt", "Text", null, PublicationDate.Unknown("none"), null, [], [], null, null, [], "fr");

        var back = (ArticleIngested)EventJson.Deserialize("article-ingested.v2", EventJson.Serialize(e))!;

        Assert.Equal(e.ArticleId, back.ArticleId);
        Assert.Equal(DateBasis.Unknown, back.Published.Basis);
        Assert.Equal("fr", back.Language);
        Assert.Null(EventJson.Deserialize("something-else.v1", "{}"));
    }
}
