using System.Diagnostics;
using RaqqaLedger.Domain.Articles;
using RaqqaLedger.Extraction;
using RaqqaLedger.Extraction.Rules;

namespace RaqqaLedger.Benchmarks;

/// <param name="BaselineArticlesPerSecond">Reading the article alone (title, dates, boilerplate), the step every ingest pays before extraction.</param>
public sealed record ExtractionFigure(
    double ArticlesPerSecond, double ReadAndExtractArticlesPerSecond, double BaselineArticlesPerSecond, double Ratio,
    int Rounds, double SecondsPerRound, int SeedArticles, int MeanArticleChars, int ClaimsPerPass);

/// <summary>
/// Extraction throughput on one core: the seed articles, read and extracted round after round on a
/// single thread pinned to one CPU, rounds interleaved with the baseline so a noisy machine shows
/// in both numbers.
/// </summary>
public static class ExtractionBenchmark
{
    public static ExtractionFigure Run(double seconds, int rounds, string seedDir)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsWindows())
            return Measure(seconds, rounds, seedDir);
        // One core for extraction, every core back for the benchmarks that follow.
        var process = Process.GetCurrentProcess();
        var affinity = process.ProcessorAffinity;
        process.ProcessorAffinity = 1;
        try
        {
            return Measure(seconds, rounds, seedDir);
        }
        finally
        {
            process.ProcessorAffinity = affinity;
        }
    }

    private static ExtractionFigure Measure(double seconds, int rounds, string seedDir)
    {
        var texts = Directory.GetFiles(seedDir, "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToArray();
        var articles = texts.Select(t => ArticleIntake.Ingest(new ArticleSubmission("bench.txt", t), ArticleReadingOptions.Default)).ToArray();
        var extractor = new ClaimExtractor(RuleSetCompiler.Compile(DefaultRules.Content, DefaultRules.Source));

        var claims = 0;
        // Warm up: JIT, compiled regexes, tiered PGO.
        Rate(() => claims = articles.Sum(a => extractor.Extract(a).Count), seconds / 2, articles.Length);

        var extraction = new List<double>();
        var readAndExtract = new List<double>();
        var baseline = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            baseline.Add(Rate(() => { foreach (var t in texts) ArticleReader.Read(t, ArticleReadingOptions.Default); }, seconds, texts.Length));
            extraction.Add(Rate(() => { foreach (var a in articles) extractor.Extract(a); }, seconds, articles.Length));
            readAndExtract.Add(Rate(() =>
            {
                foreach (var t in texts)
                    extractor.Extract(ArticleIntake.Ingest(new ArticleSubmission("bench.txt", t), ArticleReadingOptions.Default));
            }, seconds, texts.Length));
        }
        return new ExtractionFigure(Stats.Median(extraction), Stats.Median(readAndExtract), Stats.Median(baseline),
            Math.Round(Stats.Median(extraction) / Stats.Median(baseline), 3), rounds, seconds, texts.Length, (int)texts.Average(t => t.Length), claims);
    }

    /// <summary>Runs <paramref name="pass"/> repeatedly for about <paramref name="seconds"/>; returns articles per second.</summary>
    private static double Rate(Action pass, double seconds, int articlesPerPass)
    {
        var watch = Stopwatch.StartNew();
        long passes = 0;
        while (watch.Elapsed.TotalSeconds < seconds)
        {
            pass();
            passes++;
        }
        return Math.Round(passes * articlesPerPass / watch.Elapsed.TotalSeconds);
    }
}
