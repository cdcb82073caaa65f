using RaqqaLedger.Domain.Articles;
using RaqqaLedger.Domain.Claims;
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

    /// <summary>As <c>ruleset-published.v1</c> events were written, before they carried the status rule.</summary>
    private const string StoredRuleSetV1 = """{"version":3,"name":"raqqa","sha256":"ab12","content":"version: 3","source":"rules.yaml"}""";

    [Fact]
    public void RuleSetPublished_V2_HasAFrozenJsonShape_WithItsStatusRule()
    {
        var e = new RuleSetPublished(3, "raqqa", "ab12", "version: 3", "rules.yaml", new StatusRule(2, 10.5m));

        Assert.Equal("ruleset-published.v2", EventJson.TypeNameOf<RuleSetPublished>());
        Assert.Equal(StoredRuleSetV1[..^1] + ""","status":{"confirmedMinSources":2,"numbersAgreeWithinPercent":10.5}}""", EventJson.Serialize(e));
        Assert.Equal(e, EventJson.Deserialize("ruleset-published.v2", EventJson.Serialize(e)));
    }

    /// <summary>The first version keeps its shape and is read as itself: its status rule is in its content, for the rule-set reader to find.</summary>
    [Fact]
    public void RuleSetPublished_V1_KeepsItsFrozenJsonShape_AndIsReadAsItself()
    {
        var e = new RuleSetPublishedV1(3, "raqqa", "ab12", "version: 3", "rules.yaml");

        Assert.Equal(StoredRuleSetV1, EventJson.Serialize(e));
        Assert.Equal(e, EventJson.Deserialize("ruleset-published.v1", StoredRuleSetV1));
        Assert.Equal(new RuleSetPublished(3, "raqqa", "ab12", "version: 3", "rules.yaml", StatusRule.Default), e.WithStatus(StatusRule.Default));
    }
}
