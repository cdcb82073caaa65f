using RaqqaLedger.Domain.Articles;
using RaqqaLedger.Projections;

namespace RaqqaLedger.Corpus.Tests;

public class SyndicationTests
{
    /// <summary>
    /// Folds the corpus through the ledger's own syndication clustering (MinHash over 5-word shingles,
    /// page furniture left out), in file order as an ingest would: every copy joins its source's
    /// cluster, and no two articles written apart are taken for copies of each other.
    /// </summary>
    [Fact]
    public void Copies_ClusterWithTheirSource_AndNoOtherArticlesCluster()
    {
        var corpus = CorpusGenerator.Generate(1500, 21).ToList();
        var ids = new Dictionary<string, string>();
        var index = Syndication.Empty;
        foreach (var article in corpus)
        {
            var ingested = ArticleIntake.Ingest(new ArticleSubmission(article.FileName, article.Text), ArticleReadingOptions.Default);
            ids[article.FileName] = ingested.ArticleId;
            index = index.Add(ingested.ArticleId, ingested.Text, Syndication.FurnitureLines(ingested));
        }

        var copies = corpus.Where(a => a.SyndicatedFrom is not null).ToList();
        Assert.InRange(copies.Count, 150, 300);
        Assert.All(copies, copy => Assert.Equal(ids[copy.SyndicatedFrom!], index.ClusterOfArticle(ids[copy.FileName])));
        Assert.All(corpus.Where(a => a.SyndicatedFrom is null), original =>
            Assert.True(index.ClusterOfArticle(ids[original.FileName]) == ids[original.FileName], $"{original.FileName} joined another story's cluster"));
    }
}
