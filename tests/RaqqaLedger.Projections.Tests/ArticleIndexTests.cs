using RaqqaLedger.Domain.Articles;
using RaqqaLedger.Domain.Events;
using RaqqaLedger.Projections;

namespace RaqqaLedger.Projections.Tests;

public class ArticleIndexTests
{
    private static ArticleIngested Article(string id, DateOnly? date = null) => new(id, $"{id}.txt", "text", $"Title {id}",
        date is null ? PublicationDate.Unknown("none") : new PublicationDate(date, DateBasis.Stated, "x", null),
        null, [new AgencyCredit("AFP", "AFP")], [], null, null, []);

    [Fact]
    public void Apply_ListsArticlesInTheOrderTheyArrived()
    {
        var index = ArticleIndex.Empty
            .Apply(1, Article("b", new DateOnly(2017, 10, 15)))
            .Apply(2, Article("a"));

        Assert.Equal(["b", "a"], index.Articles.Select(a => a.Id));
        Assert.Equal(new DateOnly(2017, 10, 15), index.ById["b"].Published);
        Assert.Equal(DateBasis.Unknown, index.ById["a"].DateBasis);
        Assert.Equal(["AFP"], index.ById["a"].Agencies);
    }

    [Fact]
    public void Apply_IgnoresEventsItDoesNotIndex_AndIsPure()
    {
        var before = ArticleIndex.Empty.Apply(1, Article("a"));

        var after = before.Apply(2, new object()).Apply(3, Article("a"));

        Assert.Same(before, after);
        Assert.Single(before.Articles);
    }
}
