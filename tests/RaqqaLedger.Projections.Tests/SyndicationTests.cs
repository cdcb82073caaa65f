using RaqqaLedger.Projections;

namespace RaqqaLedger.Projections.Tests;

public class SyndicationTests
{
    private static readonly HashSet<int> NoSkip = [];

    private static string Seed(string prefix) =>
        File.ReadAllText(Directory.GetFiles(Testing.RepoPaths.Seeds, prefix + "_*.txt").Single());

    [Fact]
    public void TheFiveSeeds_AreFiveSeparateStories()
    {
        var index = Syndication.Empty;
        foreach (var p in new[] { "000", "001", "002", "003", "004" })
            index = index.Add(p, Seed(p), NoSkip);

        Assert.Equal(5, index.ClusterOf.Values.Distinct().Count());
    }

    [Fact]
    public void AWireStoryReprintedWithOtherFurniture_JoinsTheFirstCopysCluster()
    {
        var story = Seed("004");
        var reprint = "Raqqa: fighters leave as battle enters final phase\n\nPublished 16 October 2017\n\n" + story.Replace("Rappler.com", "The National") + "\n\nShare this article";

        var index = Syndication.Empty.Add("original", story, NoSkip).Add("other", Seed("001"), NoSkip).Add("reprint", reprint, NoSkip);

        Assert.Equal("original", index.ClusterOfArticle("reprint"));
        Assert.Equal("other", index.ClusterOfArticle("other"));
    }

    [Fact]
    public void AnArticleQuotingAFewSentencesOfAnother_IsItsOwnStory()
    {
        var story = Seed("000");
        var quoting = Seed("003") + "\n\n" + story[..400];

        var index = Syndication.Empty.Add("a", story, NoSkip).Add("b", quoting, NoSkip);

        Assert.Equal("b", index.ClusterOfArticle("b"));
    }

    [Fact]
    public void Similarity_EstimatesTheShareOfSharedText()
    {
        var a = Syndication.Signature(Seed("002"), NoSkip);

        Assert.Equal(1.0, Syndication.Similarity(a, Syndication.Signature(Seed("002"), NoSkip)));
        Assert.True(Syndication.Similarity(a, Syndication.Signature(Seed("001"), NoSkip)) < 0.2);
    }

    [Fact]
    public void Adding_IsPureAndIdempotent()
    {
        var once = Syndication.Empty.Add("a", Seed("000"), NoSkip);

        Assert.Same(once, once.Add("a", Seed("000"), NoSkip));
        Assert.Empty(Syndication.Empty.ClusterOf);
    }
}
