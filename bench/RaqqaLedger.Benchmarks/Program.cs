using System.Globalization;
using System.Text.Json;

namespace RaqqaLedger.Benchmarks;

/// <summary>Every part's figures from one run of "bench"; its JSON keys are the README's.</summary>
public sealed record BenchResult(
    string Benchmark, bool Quick, ExtractionFigure Extraction, IReadOnlyList<AppendFigure> Append, IReadOnlyList<IngestFigure> Ingest,
    IReadOnlyList<RebuildFigure> Rebuild, IReadOnlyList<RestFigure> Rest, double Seconds, string Machine);

/// <summary>
/// The benchmarks, each figure beside a baseline measured in the same run. "bench" runs them all and
/// prints one table (or one JSON object); the others run one part.
/// </summary>
public static class Program
{
    private const string Usage =
        "usage: RaqqaLedger.Benchmarks bench [--quick] [--json] | extraction [--seconds N] [--rounds N] [--json] | append [--quick] [--engine sqlite|postgres] [--json] " +
        "| rest [--mixed [--interval-ms MS] [--warm-writes N] [--speakers | --speakers-all-topics] [--varied-pages]] [--articles N | --store PATH] [--seconds S] [--clients C] [--json] | rebuild [--articles N] [--store PATH] [--rounds R] [--both-only] [--engine sqlite|postgres] [--json]";

    public static async Task<int> Main(string[] args)
    {
        try
        {
            return await RunAsync(args);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 2;
        }
    }

    private static async Task<int> RunAsync(string[] args)
    {
        var json = args.Contains("--json");
        var quick = args.Contains("--quick");
        void Progress(string line) => Console.Error.WriteLine(line);
        switch (args.FirstOrDefault())
        {
            case "bench":
                var all = await AllAsync(quick, Progress);
                if (json)
                    return Print(json, all);
                Console.Write(BenchTable.Render(all));
                return 0;
            case "extraction":
                return Print(json, new { benchmark = "extraction", extraction = ExtractionBenchmark.Run(Number(args, "--seconds", 2), (int)Number(args, "--rounds", 5), FindSeeds()), machine = Stats.Machine });
            case "append":
                var only = Engine(args);
                return Print(json, new { benchmark = "append", append = await WithPostgresAsync(pg => AppendBenchmark.RunAsync(pg, quick, Progress, only)), machine = Stats.Machine });
            case "rest" when args.Contains("--mixed"):
                // --store PATH: that store, built there first if it is not there yet, and kept.
                var mixedStore = Text(args, "--store");
                var mixedCorpus = await LedgerBenchmark.OpenOrBuildAsync((int)Number(args, "--articles", 1000), Progress, mixedStore);
                try
                {
                    return Print(json, new
                    {
                        benchmark = "rest-mixed",
                        mixed = await MixedBenchmark.RunAsync(mixedCorpus, Number(args, "--seconds", 10), (int)Number(args, "--clients", 4), (int)Number(args, "--interval-ms", 100), (int)Number(args, "--warm-writes", 100), args.Contains("--speakers-all-topics") ? SpeakerReads.AllTopics : args.Contains("--speakers") ? SpeakerReads.OneTopic : SpeakerReads.None, args.Contains("--varied-pages"), Progress),
                        machine = Stats.Machine,
                    });
                }
                finally
                {
                    if (mixedStore is null)
                        mixedCorpus.Delete();
                }
            case "rest":
                return Print(json, new
                {
                    benchmark = "rest",
                    rest = Text(args, "--store") is { } kept
                        ? await RestBenchmark.RunAsync(await LedgerBenchmark.OpenAsync(kept), Number(args, "--seconds", 5), (int)Number(args, "--clients", 4), Progress)
                        : await RestBenchmark.RunAsync((int)Number(args, "--articles", 1000), Number(args, "--seconds", 5), (int)Number(args, "--clients", 4), Progress),
                    machine = Stats.Machine,
                });
            case "rebuild":
                Task<object> Rebuild(string? postgres) =>
                    RebuildBenchmark.RunAsync((int)Number(args, "--articles", 10_000), Text(args, "--store"), (int)Number(args, "--rounds", 3), args.Contains("--both-only"), Progress, postgres);
                return Print(json, Engine(args) == "postgres" ? await WithPostgresAsync(Rebuild) : await Rebuild(null));
            default:
                Console.Error.WriteLine(Usage);
                return 2;
        }
    }

    /// <summary>
    /// Everything: extraction, append on both engines, and at each size (quick: 1,000 articles, about
    /// 10k events; full: also 10,000 and 100,000 articles, about 100k and 1M events) ingest, rebuild
    /// and REST latency (REST at the smallest and the largest size).
    /// </summary>
    private static async Task<BenchResult> AllAsync(bool quick, Action<string> progress)
    {
        var started = DateTimeOffset.UtcNow;
        var extraction = ExtractionBenchmark.Run(quick ? 1 : 2, quick ? 3 : 5, FindSeeds());
        var append = await WithPostgresAsync(pg => AppendBenchmark.RunAsync(pg, quick, progress));
        int[] sizes = quick ? [1_000] : [1_000, 10_000, 100_000];
        var ingest = new List<IngestFigure>();
        var rebuild = new List<RebuildFigure>();
        var rest = new List<RestFigure>();
        foreach (var articles in sizes)
        {
            var corpus = await LedgerBenchmark.BuildAsync(articles, progress);
            try
            {
                ingest.Add(corpus.Ingest!);
                rebuild.Add(await LedgerBenchmark.RebuildAsync(corpus, progress));
                if (articles == sizes[0] || articles == sizes[^1])
                    rest.AddRange(await RestBenchmark.RunAsync(corpus, quick ? 2 : 5, 4, progress));
            }
            finally
            {
                corpus.Delete();
            }
        }
        return new BenchResult("bench", quick, extraction, append, ingest, rebuild, rest, Math.Round((DateTimeOffset.UtcNow - started).TotalSeconds, 1), Stats.Machine);
    }

    private static async Task<T> WithPostgresAsync<T>(Func<string, Task<T>> run)
    {
        var postgres = new Testing.PostgresCluster();
        await postgres.InitializeAsync();
        try
        {
            return await run(postgres.ConnectionString);
        }
        finally
        {
            await postgres.DisposeAsync();
        }
    }

    /// <summary>JSON: one object on one line. Otherwise the same object, indented, for reading.</summary>
    private static int Print(bool json, object result)
    {
        Console.WriteLine(JsonSerializer.Serialize(result, new JsonSerializerOptions(JsonSerializerOptions.Web) { WriteIndented = !json }));
        return 0;
    }

    private static double Number(string[] args, string name, double fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? double.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }

    /// <summary>The engine <c>--engine</c> names, "sqlite" or "postgres"; null when not given.</summary>
    private static string? Engine(string[] args)
    {
        var engine = Text(args, "--engine");
        return engine is null or "sqlite" or "postgres" ? engine : throw new ArgumentException($"--engine must be sqlite or postgres, not '{engine}'");
    }

    private static string? Text(string[] args, string name)
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
        throw new DirectoryNotFoundException("seeds/ not found");
    }
}
