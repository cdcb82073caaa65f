using RaqqaLedger.Domain.Articles;

namespace RaqqaLedger.Corpus.Tests;

public class DateTests
{
    [Fact]
    public void EveryArticle_IsDatedAsTheReaderDerivesIt_Within14OctoberTo14November()
    {
        var corpus = CorpusGenerator.Generate(2000, 8).ToList();

        Assert.All(corpus, article =>
        {
            var read = ArticleReader.Read(article.Text, ArticleReadingOptions.Default).Published;
            Assert.True(read.Date == article.Published && read.Basis == article.DateBasis,
                $"{article.FileName}: meant {article.Published} ({article.DateBasis}), read {read.Date} ({read.Basis}) from \"{read.Evidence}\"");
            if (article.Published is { } date)
                Assert.InRange(date, new DateOnly(2017, 10, 14), new DateOnly(2017, 11, 14));
        });
        // Dates are printed in every way the seeds print them, stated and inferred, and some not at all.
        Assert.Equal([DateBasis.Stated, DateBasis.Inferred, DateBasis.Unknown], corpus.Select(a => a.DateBasis).Distinct().Order());
        Assert.Equal(32, corpus.Where(a => a.Published is not null).Select(a => a.Published).Distinct().Count());
    }

    [Fact]
    public void ASyndicatedCopy_IsDatedNoEarlierThanItsSource()
    {
        var corpus = CorpusGenerator.Generate(2000, 8).ToDictionary(a => a.FileName);

        var copies = corpus.Values.Where(a => a.SyndicatedFrom is not null && a.Published is not null && corpus[a.SyndicatedFrom].Published is not null).ToList();

        Assert.NotEmpty(copies);
        Assert.All(copies, copy => Assert.True(copy.Published >= corpus[copy.SyndicatedFrom!].Published, copy.FileName));
    }
}
