using System.Diagnostics;
using System.Globalization;
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
/// Usage: extraction [--seconds N] [--rounds N] [--seeds DIR] [--json]; append [--quick] [--json]
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        switch (args.FirstOrDefault())
        {
            case "extraction": return Extraction(args);
            case "append": return await AppendAsync(args);
            case "rest": return await RestAsync(args);
            default:
                Console.Error.WriteLine("usage: RaqqaLedger.Benchmarks extraction [--seconds N] [--rounds N] [--seeds DIR] [--json] | append [--quick] [--json] | rest [--articles N] [--seconds S] [--clients C] [--json]");
                return 2;
        }
    }

    private static async Task<int> AppendAsync(string[] args)
    {
        var json = args.Contains("--json");
        var postgres = new Testing.PostgresCluster();
        await postgres.InitializeAsync();
        try
        {
            var figures = await AppendBenchmark.RunAsync(postgres.ConnectionString, args.Contains("--quick"), line => Console.Error.WriteLine(line));
            if (json)
            {
                Console.WriteLine(JsonSerializer.Serialize(new { benchmark = "append", figures, machine = Stats.Machine }, JsonSerializerOptions.Web));
                return 0;
            }
            Console.WriteLine($"{"engine",-9} {"batch",6} {"ledger ev/s",12} {"baseline ev/s",14} {"ratio",6}");
            foreach (var f in figures)
                Console.WriteLine($"{f.Engine,-9} {f.Batch,6} {f.LedgerEventsPerSecond,12:N0} {f.BaselineEventsPerSecond,14:N0} {f.Ratio,6:N2}");
            Console.WriteLine($"machine: {Stats.Machine}");
            return 0;
        }
        finally
        {
            await postgres.DisposeAsync();
        }
    }

    private static async Task<int> RestAsync(string[] args)
    {
        var articles = int.Parse(Option(args, "--articles") ?? "1000", CultureInfo.InvariantCulture);
        var seconds = double.Parse(Option(args, "--seconds") ?? "5", CultureInfo.InvariantCulture);
        var clients = int.Parse(Option(args, "--clients") ?? "4", CultureInfo.InvariantCulture);
        var figures = await RestBenchmark.RunAsync(articles, seconds, clients, line => Console.Error.WriteLine(line));
        if (args.Contains("--json"))
        {
            Console.WriteLine(JsonSerializer.Serialize(new { benchmark = "rest", figures, clients, secondsPerRoute = seconds, machine = Stats.Machine }, JsonSerializerOptions.Web));
            return 0;
        }
        Console.WriteLine($"{"events",10} {"route",-22} {"p50 ms",8} {"p99 ms",8} {"requests",9} {"health p50",11} {"health p99",11}");
        foreach (var f in figures)
            Console.WriteLine($"{f.Events,10:N0} {f.Route,-22} {f.P50Ms,8:N2} {f.P99Ms,8:N2} {f.Requests,9:N0} {f.HealthP50Ms,11:N2} {f.HealthP99Ms,11:N2}");
        Console.WriteLine($"machine: {Stats.Machine}");
        return 0;
    }

    private static int Extraction(string[] args)
    {
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
            articlesPerSecond = Stats.Median(extraction),
            readAndExtractArticlesPerSecond = Stats.Median(readAndExtract),
            baselineReadOnlyArticlesPerSecond = Stats.Median(baseline),
            ratioToBaseline = Math.Round(Stats.Median(extraction) / Stats.Median(baseline), 3),
            rounds,
            secondsPerRound = seconds,
            seedArticles = texts.Length,
            meanArticleChars = (int)texts.Average(t => t.Length),
            claimsPerPass = claims,
            cores = 1,
            machine = Stats.Machine,
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
