using BenchmarkDotNet.Attributes;
using RaqqaLedger.Domain.Events;
using RaqqaLedger.Extraction;

namespace RaqqaLedger.MicroBenchmarks;

/// <summary>
/// Extracting the claims of the first seed article with the default rules, against reading the same
/// article (title, dates, boilerplate), the step every ingest pays before extraction.
/// </summary>
[MemoryDiagnoser]
public class ExtractionBenchmarks
{
    private string text = "";
    private ArticleIngested article = null!;
    private ClaimExtractor extractor = null!;

    [GlobalSetup]
    public void Setup()
    {
        text = Seeds.FirstArticleText();
        article = Seeds.Ingest(text);
        extractor = Seeds.Extractor();
    }

    [Benchmark(Baseline = true)]
    public ArticleIngested ReadArticle() => Seeds.Ingest(text);

    [Benchmark]
    public IReadOnlyList<ClaimExtracted> ExtractClaims() => extractor.Extract(article);
}
