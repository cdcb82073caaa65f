using RaqqaLedger.Application;
using RaqqaLedger.Application.Articles;
using RaqqaLedger.Application.Claims;
using RaqqaLedger.Domain.Articles;
using RaqqaLedger.Domain.Events;
using RaqqaLedger.Extraction.Rules;

namespace RaqqaLedger.Cli.Tests;

/// <summary>What ingesting one article must append, in order: its article-ingested event, then its claims.</summary>
public sealed record ExpectedArticle(string Source, string ArticleId, Guid ArticleEventId, IReadOnlyList<Guid> ClaimEventIds);

/// <summary>
/// A corpus from <c>raqqa-ledger generate</c> and, for each article, the events an ingest under the
/// bundled rules must append for it, worked out here from the files with the same pure code (reading,
/// extraction, deterministic event ids), independently of any store.
/// </summary>
public sealed class GeneratedCorpus
{
    private GeneratedCorpus(string directory, IReadOnlyList<ExpectedArticle> articles)
    {
        Directory = directory;
        Articles = articles;
        ById = articles.ToDictionary(a => a.ArticleId, StringComparer.Ordinal);
    }

    /// <summary>The folder holding the corpus's articles/ and gold.json.</summary>
    public string Directory { get; }

    public string ArticlesFolder => Path.Combine(Directory, "articles");

    public IReadOnlyList<ExpectedArticle> Articles { get; }

    public IReadOnlyDictionary<string, ExpectedArticle> ById { get; }

    /// <summary>The head once everything is in: the bundled rule set, then each article with its claims.</summary>
    public long EventsWhenComplete => 1 + Articles.Sum(a => 1 + a.ClaimEventIds.Count);

    public long Claims => Articles.Sum(a => a.ClaimEventIds.Count);

    public static async Task<GeneratedCorpus> CreateAsync(int articles, int seed)
    {
        var directory = Path.Combine(Path.GetTempPath(), "raqqa-cli-tests", $"corpus-{Guid.NewGuid():N}");
        var generated = await CliRunner.ForTempSqlite().RunAsync("generate", "--articles", $"{articles}", "--seed", $"{seed}", "--out", directory);
        Assert.True(generated.ExitCode == 0, generated.Error);

        var extractor = RuleSets.ExtractorFor(DefaultRules.Content, DefaultRules.Source);
        var metadata = new EventMetadata("expected", null, "test");
        var expected = System.IO.Directory.EnumerateFiles(Path.Combine(directory, "articles"), "*.txt")
            .Order(StringComparer.Ordinal)
            .AsParallel().AsOrdered()
            .Select(file =>
            {
                var article = ArticleIntake.Ingest(ArticleInput.FromText(Path.GetFileName(file), File.ReadAllBytes(file)), ArticleReadingOptions.Default);
                var claims = extractor.Extract(article);
                return new ExpectedArticle(article.Source, article.ArticleId,
                    LedgerEvents.ToNewEvent(article, metadata, article.ArticleId).EventId,
                    [.. claims.Select(c => LedgerEvents.ToNewEvent(c, metadata, LedgerEvents.SeedOf(c)).EventId)]);
            })
            .ToList();
        Assert.Equal(articles, expected.Count);
        Assert.Equal(articles, expected.Select(a => a.ArticleId).Distinct().Count()); // no two files hold the same text
        return new GeneratedCorpus(directory, expected);
    }

    /// <summary>Moves the article files into sub-folders of the corpus: the first <paramref name="sizes"/>[0] files to the first, and so on.</summary>
    public IReadOnlyList<string> Split(params int[] sizes)
    {
        Assert.Equal(Articles.Count, sizes.Sum());
        var folders = new List<string>();
        var next = 0;
        foreach (var (size, i) in sizes.Select((s, i) => (s, i)))
        {
            var folder = Path.Combine(Directory, $"part-{i}");
            System.IO.Directory.CreateDirectory(folder);
            foreach (var article in Articles.Skip(next).Take(size))
                File.Move(Path.Combine(ArticlesFolder, article.Source), Path.Combine(folder, article.Source));
            next += size;
            folders.Add(folder);
        }
        return folders;
    }
}
