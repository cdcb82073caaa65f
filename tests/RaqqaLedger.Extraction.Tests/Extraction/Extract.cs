using RaqqaLedger.Domain.Articles;
using RaqqaLedger.Domain.Events;
using RaqqaLedger.Extraction.Rules;

namespace RaqqaLedger.Extraction.Tests.Extraction;

/// <summary>Runs the bundled rules over a text, as ingestion would.</summary>
internal static class Extract
{
    public static readonly ClaimExtractor Default = new(RuleSetCompiler.Compile(DefaultRules.Content, DefaultRules.Source));

    public static ArticleIngested Article(string text, string? publishedAt = "2017-10-15") =>
        ArticleIntake.Ingest(new ArticleSubmission("test.txt", text, PublishedAt: publishedAt), ArticleReadingOptions.Default);

    public static IReadOnlyList<ClaimExtracted> From(string text, string? publishedAt = "2017-10-15") => Default.Extract(Article(text, publishedAt));

    public static IReadOnlyList<ClaimExtracted> Topic(string text, string topic, string? publishedAt = "2017-10-15") =>
        [.. From(text, publishedAt).Where(c => c.Topic == topic)];

    public static string Seed(string prefix) =>
        File.ReadAllText(Directory.GetFiles(Testing.RepoPaths.Seeds, prefix + "_*.txt").Single());
}
