using RaqqaLedger.Domain.Articles;
using RaqqaLedger.Domain.Events;
using RaqqaLedger.Extraction;
using RaqqaLedger.Extraction.Rules;

namespace RaqqaLedger.MicroBenchmarks;

/// <summary>The seed articles, embedded in this assembly, and what the benchmarks build from them.</summary>
public static class Seeds
{
    /// <summary>The first seed article's raw text.</summary>
    public static string FirstArticleText() => Read("seeds/000_3751c23f4bc9054b.txt");

    public static ArticleIngested Ingest(string text) =>
        ArticleIntake.Ingest(new ArticleSubmission("seed.txt", text), ArticleReadingOptions.Default);

    // Compiling the default rules takes far longer than any benchmark here: done once per process.
    private static readonly Lazy<ClaimExtractor> SharedExtractor = new(() => new(RuleSetCompiler.Compile(DefaultRules.Content, DefaultRules.Source)));
    private static readonly Lazy<ClaimExtracted> SharedFirstClaim = new(() => Extractor().Extract(Ingest(FirstArticleText()))[0]);

    public static ClaimExtractor Extractor() => SharedExtractor.Value;

    /// <summary>A real claim event: the first one extracted from the first seed article.</summary>
    public static ClaimExtracted FirstClaim() => SharedFirstClaim.Value;

    private static string Read(string name)
    {
        using var stream = typeof(Seeds).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"{name} is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
