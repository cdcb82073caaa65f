using System.Diagnostics;
using RaqqaLedger.EventStore;
using RaqqaLedger.EventStore.Marten;
using RaqqaLedger.Views;
using RaqqaLedger.EventStore.Sqlite;

namespace RaqqaLedger.Benchmarks;

/// <param name="EventsPerSecond">Log events covered per second by a replay of this projection alone.</param>
/// <param name="ReadEventsPerSecond">Log events covered per second by the projection's filtered read alone (pages as the runner reads them), folding nothing.</param>
/// <param name="CpuSeconds">The process's processor time over the replay (every thread): steadier than the wall clock on a busy machine.</param>
public sealed record ProjectionRebuildFigure(string Projection, double EventsPerSecond, double ReadEventsPerSecond, double Seconds, double CpuSeconds);

/// <param name="EventsPerSecond">Log events covered per second by a replay of both projections.</param>
/// <param name="BaselineEventsPerSecond">Reading the whole log, page by page, folding nothing.</param>
/// <param name="CpuSeconds">Processor time of the replay of both, and of the baseline read.</param>
public sealed record RebuildRound(double EventsPerSecond, double BaselineEventsPerSecond, double Ratio, double CpuSeconds, double BaselineCpuSeconds,
    IReadOnlyList<ProjectionRebuildFigure> Projections);

/// <summary>
/// The rebuild alone, for iterating on it: a generated corpus ingested once (or a store kept from an
/// earlier run), then rounds of the raw-read baseline, each projection's filtered read and replay, and
/// the replay of both, all in one process.
/// </summary>
public static class RebuildBenchmark
{
    /// <param name="bothOnly">Skip the replays of each projection alone and the filtered reads: the whole rebuild and its baseline only.</param>
    /// <param name="postgres">A PostgreSQL server to rebuild on instead of SQLite: the corpus's log is copied into a Marten store there first.</param>
    public static async Task<object> RunAsync(int articles, string? storePath, int rounds, bool bothOnly, Action<string> progress, string? postgres = null)
    {
        var corpus = await LedgerBenchmark.OpenOrBuildAsync(articles, progress, storePath);

        var schema = $"rebuild_{Guid.NewGuid():N}";
        if (postgres is not null)
            await CopyToMartenAsync(corpus, postgres, schema, progress);

        var results = new List<RebuildRound>();
        for (var round = 0; round < rounds; round++)
        {
            await using var storage = await StorageOpener.Default.OpenAsync(postgres is null ? $"sqlite:{corpus.Path}" : $"{postgres};Schema={schema}");
            var (store, views) = (storage.Store, storage.Views);
            var cpu = Cpu();
            var baseline = await BaselineAsync(store);
            var baselineCpu = Cpu() - cpu;
            var figures = new List<ProjectionRebuildFigure>();
            foreach (var projection in bothOnly ? [] : ProjectionRunner.All)
            {
                var read = await FilteredReadAsync(store, projection, corpus.Events);
                cpu = Cpu();
                var watch = Stopwatch.StartNew();
                await new ProjectionRunner(store, views).ReplayAsync(projection.Name);
                var seconds = watch.Elapsed.TotalSeconds;
                figures.Add(new ProjectionRebuildFigure(projection.Name, Math.Round(corpus.Events / seconds), Math.Round(corpus.Events / read), Math.Round(seconds, 2),
                    Math.Round(Cpu() - cpu, 2)));
            }
            cpu = Cpu();
            var both = Stopwatch.StartNew();
            await new ProjectionRunner(store, views).ReplayAsync();
            var rate = corpus.Events / both.Elapsed.TotalSeconds;
            var bothCpu = Cpu() - cpu;
            results.Add(new RebuildRound(Math.Round(rate), Math.Round(baseline), Math.Round(rate / baseline, 3), Math.Round(bothCpu, 2), Math.Round(baselineCpu, 2), figures));
            progress($"round {round + 1}: both {rate:N0}/s ({bothCpu:F2} s cpu), baseline {baseline:N0}/s ({baselineCpu:F2} s cpu), " +
                string.Join(", ", figures.Select(f => $"{f.Projection} {f.EventsPerSecond:N0}/s ({f.CpuSeconds:F2} s cpu, read {f.ReadEventsPerSecond:N0}/s)")));
        }
        var peak = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0);
        return new { benchmark = "rebuild", engine = postgres is null ? "sqlite" : "postgres", events = corpus.Events, rounds = results, peakWorkingSetMb = Math.Round(peak), machine = Stats.Machine };
    }

    /// <summary>The corpus's log appended to a Marten store in order, a page at a time, as the events it holds.</summary>
    private static async Task CopyToMartenAsync(CorpusStore corpus, string postgres, string schema, Action<string> progress)
    {
        await using var from = await SqliteEventStore.OpenAsync(corpus.Path);
        await using var to = await MartenEventStore.OpenAsync(postgres, schema);
        var copied = 0L;
        var page = new List<RecordedEvent>();
        await foreach (var e in from.ReadAllForwardAsync(pageSize: 5000))
        {
            page.Add(e);
            if (page.Count == 1000)
                await CopyPageAsync();
        }
        await CopyPageAsync();
        progress($"rebuild: {copied:N0} events copied into Marten, schema {schema}");

        async Task CopyPageAsync()
        {
            if (page.Count == 0)
                return;
            // Consecutive events of one stream go in one append; positions keep the corpus's order.
            var appends = new List<StreamAppend>();
            foreach (var e in page)
            {
                if (appends.Count > 0 && appends[^1].StreamId == e.StreamId)
                    ((List<NewEvent>)appends[^1].Events).Add(new NewEvent(e.EventId, e.Type, e.Data, e.Metadata));
                else
                    appends.Add(new StreamAppend(e.StreamId, ExpectedVersion.Any, new List<NewEvent> { new(e.EventId, e.Type, e.Data, e.Metadata) }));
            }
            await to.AppendAsync(appends);
            copied += page.Count;
            page.Clear();
        }
    }

    private static double Cpu() => Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;

    private static async Task<double> BaselineAsync(IEventStore store)
    {
        var watch = Stopwatch.StartNew();
        long read = 0;
        await foreach (var _ in store.ReadAllForwardAsync(pageSize: 5000))
            read++;
        return read / watch.Elapsed.TotalSeconds;
    }

    /// <returns>Seconds to read every event the projection folds, in the runner's pages.</returns>
    private static async Task<double> FilteredReadAsync(IEventStore store, ProjectionTables projection, long head)
    {
        const int page = 20_000;
        var watch = Stopwatch.StartNew();
        var after = 0L;
        while (true)
        {
            var events = await store.ReadPayloadsOfTypesAsync(after + 1, head, projection.EventTypes, page);
            if (events.Count < page)
                break;
            after = events[^1].Position;
        }
        return watch.Elapsed.TotalSeconds;
    }
}
