using RaqqaLedger.Domain.Articles;
using RaqqaLedger.Domain.Events;

namespace RaqqaLedger.Domain.Tests;

/// <summary>Freezes the stored shape of each event: changing it breaks every log already written.</summary>
public class EventJsonTests
{
    [Fact]
    public void ArticleIngested_IsStoredUnderItsVersionedName()
    {
        Assert.Equal("article-ingested.v1", EventJson.TypeNameOf<ArticleIngested>());
    }

    [Fact]
    public void ArticleIngested_V1_HasAFrozenJsonShape()
    {
        var e = new ArticleIngested("abc", "a.txt", "Text", "Title",
            new PublicationDate(new DateOnly(2017, 10, 15), DateBasis.Inferred, "Sunday, October 15", "weekday fits 2017"),
            new Dateline("CAIRO", "CAIRO –"), [new AgencyCredit("AFP", "told AFP")], [new BoilerplateLine(3, "2 min read", "read-time")],
            null, "Outlet", ["outlet"]);

        Assert.Equal(
            """{"articleId":"abc","source":"a.txt","text":"Text","title":"Title","published":{"date":"2017-10-15","basis":"inferred","evidence":"Sunday, October 15","reason":"weekday fits 2017"},"dateline":{"place":"CAIRO","text":"CAIRO –"},"agencies":[{"agency":"AFP","mention":"told AFP"}],"boilerplate":[{"line":3,"text":"2 min read","reason":"read-time"}],"url":null,"outlet":"Outlet","envelopeFields":["outlet"]}""",
            EventJson.Serialize(e));
    }

    [Fact]
    public void Deserialize_RoundTripsAKnownEvent_AndIgnoresUnknownNames()
    {
        var e = new ArticleIngested("abc", "a.txt", "Text", null, PublicationDate.Unknown("none"), null, [], [], null, null, []);

        var back = (ArticleIngested)EventJson.Deserialize("article-ingested.v1", EventJson.Serialize(e))!;

        Assert.Equal(e.ArticleId, back.ArticleId);
        Assert.Equal(DateBasis.Unknown, back.Published.Basis);
        Assert.Null(EventJson.Deserialize("something-else.v1", "{}"));
    }
}
