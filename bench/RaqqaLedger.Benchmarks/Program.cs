using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using RaqqaLedger.Domain.Articles;
using RaqqaLedger.Extraction;
using RaqqaLedger.Extraction.Rules;

namespace RaqqaLedger.Benchmarks;

/// <summary>
/// Extraction throughput on one core: the seed articles, read and extracted round after round on a
/// single thread pinned to one CPU. Reported beside a baseline measured in the same run — reading the
/// article alone (title, dates, boilerplate), the step every ingest pays before extraction — so a
/// noisy machine shows up in both numbers.
/// Usage: extraction [--seconds N] [--rounds N] [--seeds DIR] [--json]
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length == 0 || args[0] != "extraction")
        {
            Console.Error.WriteLine("usage: RaqqaLedger.Benchmarks extraction [--seconds N] [--rounds N] [--seeds DIR] [--json]");
            return 2;
        }
        var seconds = double.Parse(Option(args, "--seconds") ?? "2", CultureInfo.InvariantCulture);
        var rounds = int.Parse(Option(args, "--rounds") ?? "5", CultureInfo.InvariantCulture);
        var seedDir = Option(args, "--seeds") ?? FindSeeds();
        var json = args.Contains("--json");

        PinToOneCore();
        var texts = Directory.GetFiles(seedDir, "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToArray();
        var articles = texts.Select(t => ArticleIntake.Ingest(new ArticleSubmission("bench.txt", t), ArticleReadingOptions.Default)).ToArray();
        var extractor = new ClaimExtractor(RuleSetCompiler.Compile(DefaultRules.Content, DefaultRules.Source));

        var claims = 0;
        // Warm up: JIT, compiled regexes, tiered PGO.
        Measure(() => claims = articles.Sum(a => extractor.Extract(a).Count), seconds / 2, articles.Length);

        var extraction = new List<double>();
        var readAndExtract = new List<double>();
        var baseline = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            // Interleaved rounds: every figure sees the same machine weather.
            baseline.Add(Measure(() => { foreach (var t in texts) ArticleReader.Read(t, ArticleReadingOptions.Default); }, seconds, texts.Length));
            extraction.Add(Measure(() => { foreach (var a in articles) extractor.Extract(a); }, seconds, articles.Length));
            readAndExtract.Add(Measure(() =>
            {
                foreach (var t in texts)
                    extractor.Extract(ArticleIntake.Ingest(new ArticleSubmission("bench.txt", t), ArticleReadingOptions.Default));
            }, seconds, texts.Length));
        }

        var result = new
        {
            benchmark = "extraction",
            articlesPerSecond = Median(extraction),
            readAndExtractArticlesPerSecond = Median(readAndExtract),
            baselineReadOnlyArticlesPerSecond = Median(baseline),
            ratioToBaseline = Math.Round(Median(extraction) / Median(baseline), 3),
            rounds,
            secondsPerRound = seconds,
            seedArticles = texts.Length,
            meanArticleChars = (int)texts.Average(t => t.Length),
            claimsPerPass = claims,
            cores = 1,
            machine = $"{Environment.ProcessorCount} logical CPUs, {RuntimeInformation.OSDescription}, {RuntimeInformation.ProcessArchitecture}, .NET {Environment.Version}",
        };
        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(result));
            return 0;
        }
        Console.WriteLine($"extraction (claims from a read article):   {result.articlesPerSecond,10:N0} articles/s  (median of {rounds} rounds of {seconds}s, one core)");
        Console.WriteLine($"read + extract (ingest without storage):  {result.readAndExtractArticlesPerSecond,10:N0} articles/s");
        Console.WriteLine($"baseline (reading the article only):      {result.baselineReadOnlyArticlesPerSecond,10:N0} articles/s");
        Console.WriteLine($"seed articles: {texts.Length}, mean {result.meanArticleChars} characters, {claims} claims per pass");
        Console.WriteLine($"machine: {result.machine}");
        return 0;
    }

    /// <summary>Runs <paramref name="pass"/> repeatedly for about <paramref name="seconds"/>; returns articles per second.</summary>
    private static double Measure(Action pass, double seconds, int articlesPerPass)
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

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private static void PinToOneCore()
    {
        if (OperatingSystem.IsLinux() || OperatingSystem.IsWindows())
            Process.GetCurrentProcess().ProcessorAffinity = 1;
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static string FindSeeds()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RaqqaLedger.sln")))
                return Path.Combine(dir.FullName, "seeds");
        }
        throw new DirectoryNotFoundException("seeds/ not found; pass --seeds DIR");
    }
}
