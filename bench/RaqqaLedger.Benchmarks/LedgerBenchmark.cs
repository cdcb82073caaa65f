using System.Diagnostics;
using RaqqaLedger.Application.Articles;
using RaqqaLedger.Cli;
using RaqqaLedger.Corpus;
using RaqqaLedger.Domain.Articles;
using RaqqaLedger.Domain.Events;
using RaqqaLedger.Extraction;
using RaqqaLedger.Extraction.Rules;
using RaqqaLedger.EventStore;
using RaqqaLedger.Views;
using RaqqaLedger.EventStore.Sqlite;

namespace RaqqaLedger.Benchmarks;

/// <param name="ArticlesPerSecond">Read, extract and append, into SQLite.</param>
/// <param name="BaselineArticlesPerSecond">Read and extract the same articles, nothing stored: the floor ingest stands on.</param>
public sealed record IngestFigure(int Articles, long Events, double ArticlesPerSecond, double BaselineArticlesPerSecond, double Ratio);

/// <param name="EventsPerSecond">Log events covered per second by a replay of both projections.</param>
/// <param name="BaselineEventsPerSecond">Reading the whole log, page by page, folding nothing.</param>
/// <param name="PeakWorkingSetMb">The process's peak working set during the replay (on Linux; elsewhere since the process started).</param>
public sealed record RebuildFigure(long Events, double EventsPerSecond, double BaselineEventsPerSecond, double Ratio, double PeakWorkingSetMb, double Seconds);

/// <summary>A store filled with a generated corpus, for the ingest, rebuild and REST figures at one size.</summary>
/// <param name="Ingest">How fast it was filled; null for a store kept from an earlier run.</param>
public sealed record CorpusStore(string Path, int Articles, long Events, IngestFigure? Ingest)
{
    /// <summary>Removes the store's files: a full run writes gigabytes.</summary>
    public void Delete()
    {
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            File.Delete(Path + suffix);
    }
}

public static class LedgerBenchmark
{
    /// <summary>Ingests a generated corpus into a fresh SQLite file, timed, beside extraction alone on the same articles.</summary>
    /// <param name="path">Where to put the store; a fresh temporary file when null.</param>
    public static async Task<CorpusStore> BuildAsync(int articles, Action<string> progress, string? path = null)
    {
        path ??= Path.Combine(Path.GetTempPath(), "raqqa-bench", $"{Guid.NewGuid():N}.db");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        progress($"ingest: {articles:N0} generated articles");

        // Baseline first, on a sample: reading and extracting, nothing stored.
        var sample = CorpusGenerator.Generate(Math.Min(articles, 2000), seed: 7).Select(a => new ArticleSubmission(a.FileName, a.Text)).ToList();
        var extractor = new ClaimExtractor(RuleSetCompiler.Compile(DefaultRules.Content, DefaultRules.Source));
        foreach (var s in sample.Take(200))
            extractor.Extract(ArticleIntake.Ingest(s, ArticleReadingOptions.Default)); // warm-up: JIT, compiled patterns
        var watch = Stopwatch.StartNew();
        foreach (var s in sample)
            extractor.Extract(ArticleIntake.Ingest(s, ArticleReadingOptions.Default));
        var baseline = sample.Count / watch.Elapsed.TotalSeconds;

        await using var store = await SqliteEventStore.OpenAsync(path);
        var ingestion = new ArticleIngestion(store, ArticleReadingOptions.Default);
        var metadata = new EventMetadata("bench", null, "bench");
        watch.Restart();
        using (var bar = Bar("ingest", articles, "articles"))
        {
            var done = 0;
            foreach (var chunk in CorpusGenerator.Generate(articles, seed: 7).Chunk(2000))
            {
                await ingestion.IngestAsync([.. chunk.Select(a => new ArticleSubmission(a.FileName, a.Text))], metadata);
                bar.Report(done += chunk.Length);
            }
        }
        var rate = articles / watch.Elapsed.TotalSeconds;
        var events = (await store.ReadHeadAsync()).Position;
        return new CorpusStore(path, articles, events, new IngestFigure(articles, events, Math.Round(rate), Math.Round(baseline), Math.Round(rate / baseline, 3)));
    }

    /// <summary>The store at <paramref name="path"/> when it is there, reused; else a corpus built there and kept (in a temporary file when null).</summary>
    public static async Task<CorpusStore> OpenOrBuildAsync(int articles, Action<string> progress, string? path)
    {
        if (path is null || !File.Exists(path))
            return await BuildAsync(articles, progress, path);
        var corpus = await OpenAsync(path);
        progress($"reusing {path}, {corpus.Events:N0} events");
        return corpus;
    }

    /// <summary>A store kept from an earlier run (e.g. by <c>rebuild --store</c>), to measure again without ingesting again.</summary>
    public static async Task<CorpusStore> OpenAsync(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"no store at {path}");
        await using var store = await SqliteEventStore.OpenAsync(path);
        return new CorpusStore(path, 0, (await store.ReadHeadAsync()).Position, null);
    }

    /// <summary>Reads the whole log (the floor), then replays every projection from zero.</summary>
    public static async Task<RebuildFigure> RebuildAsync(CorpusStore corpus, Action<string> progress)
    {
        await using var storage = await StorageOpener.Default.OpenAsync($"sqlite:{corpus.Path}");
        var store = storage.Store;
        progress($"rebuild: {corpus.Events:N0} events");
        var watch = Stopwatch.StartNew();
        long read = 0;
        await foreach (var _ in store.ReadAllForwardAsync(pageSize: 5000))
            read++;
        var baseline = read / watch.Elapsed.TotalSeconds;
        ResetPeakMemory();
        watch.Restart();
        using (var bars = new ReplayBars((label, head) => Bar(label, head, "events")))
            await new ProjectionRunner(store, storage.Views).ReplayAsync(progress: bars);
        var seconds = watch.Elapsed.TotalSeconds;
        var rate = corpus.Events / seconds;
        var peak = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0);
        return new RebuildFigure(corpus.Events, Math.Round(rate), Math.Round(baseline), Math.Round(rate / baseline, 3), Math.Round(peak), Math.Round(seconds, 2));
    }

    /// <summary>The CLI's progress: a bar on a terminal, a line at every tenth otherwise, on stderr beside the stage lines.</summary>
    private static ProgressReport Bar(string label, long total, string unit) => new(Console.Error, !Console.IsErrorRedirected, label, total, unit);

    /// <summary>
    /// So the peak is the rebuild's, not the ingest's before it in the same process: the garbage is
    /// collected and, on Linux, the kernel's high-water mark of resident memory (what PeakWorkingSet64
    /// reads) is reset by writing 5 to /proc/self/clear_refs.
    /// </summary>
    private static void ResetPeakMemory()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        if (OperatingSystem.IsLinux())
            File.WriteAllText("/proc/self/clear_refs", "5");
    }
}
