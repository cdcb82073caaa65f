using RaqqaLedger.Testing;

namespace RaqqaLedger.Cli.Tests;

/// <summary>
/// Several CLI processes ingesting into one store at the same moment, each its own folder and all
/// of them one shared folder, whose articles they race to append (each append expects the article's
/// stream not to exist yet). Run once per backend.
/// </summary>
public abstract class MultiProcessIngestContract(ITestOutputHelper output)
{
    private const int Processes = 3, OwnArticles = 80, SharedArticles = 150;

    /// <summary>A store spec for a fresh, empty ledger of this test's own.</summary>
    protected abstract string NewStore();

    [Fact]
    public async Task ProcessesIngestingAtOnce_LoseNothing_DuplicateNothing_AndEachSharedArticleIsWonByExactlyOne()
    {
        var corpus = await GeneratedCorpus.CreateAsync(SharedArticles + Processes * OwnArticles, seed: 23);
        var folders = corpus.Split([SharedArticles, .. Enumerable.Repeat(OwnArticles, Processes)]);
        var shared = corpus.Articles.Take(SharedArticles).Select(a => a.Source).ToHashSet();
        var store = NewStore();
        var held = folders.Skip(1).Select(folder =>
        {
            var first = Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal).First();
            var bytes = File.ReadAllBytes(first);
            File.Delete(first);
            return bytes;
        }).ToList();

        // Each process reads one of its own articles from standard input before anything else, and gets it
        // only once every process has started and is waiting there: they then open the store, publish the
        // rules and append together. The shared articles come first, each process starting at another
        // place among them and wrapping round, so each soon runs into articles another is appending.
        var sharedFiles = Directory.EnumerateFiles(folders[0]).Order(StringComparer.Ordinal).ToList();
        var children = Enumerable.Range(0, Processes)
            .Select(p =>
            {
                var start = p * SharedArticles / Processes;
                return CliProcess.Start(corpus.Directory, store, holdInput: true,
                    ["ingest", "-", .. sharedFiles[start..], .. sharedFiles[..start], folders[p + 1]]);
            })
            .ToList();
        foreach (var child in children)
            await child.WaitUntilIdleAsync(TimeSpan.FromSeconds(90));
        await Task.WhenAll(children.Select((child, p) => child.ReleaseInputAsync(held[p])));
        var results = new List<CliResult>();
        foreach (var child in children)
        {
            using (child)
                results.Add(await child.WaitAsync(TimeSpan.FromMinutes(3)));
        }

        Assert.All(results, r => Assert.True(r.ExitCode == 0, r.Error));
        var log = await LogAudit.CheckAsync(store, corpus);
        Assert.Equal(corpus.EventsWhenComplete, log.Head);
        Assert.Equal(corpus.Articles.Select(a => a.ArticleId).Order(), log.Articles.Order());

        // Each process reports every article it was given once: new or already present.
        var reports = results.Select(r => r.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Where(l => l.StartsWith("new ", StringComparison.Ordinal) || l.StartsWith("present ", StringComparison.Ordinal))
                .Select(l => (New: l.StartsWith("new ", StringComparison.Ordinal), Source: l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1]))
                .ToList())
            .ToList();
        foreach (var (report, p) in reports.Select((r, p) => (r, p)))
        {
            Assert.Equal(SharedArticles + OwnArticles, report.Count);
            Assert.All(report.Where(a => !shared.Contains(a.Source)), a => Assert.True(a.New, $"process {p}: its own {a.Source} was not new"));
        }
        // Every shared article was appended by one process; the others were refused and said so.
        var winners = reports.SelectMany((r, p) => r.Where(a => a.New && shared.Contains(a.Source)).Select(a => (a.Source, Process: p))).ToList();
        Assert.Equal(shared.Order(), winners.Select(w => w.Source).Order());
        output.WriteLine($"shared articles won per process: {string.Join(", ", Enumerable.Range(0, Processes).Select(p => winners.Count(w => w.Process == p)))}");
        // Not asserted: how the set splits depends on the scheduler, and one process sometimes wins nearly all of it.

        // The processes really wrote at the same time: their commits interleave in the log.
        var runs = log.CorrelationIds.Where((c, i) => i == 0 || c != log.CorrelationIds[i - 1]).Count();
        output.WriteLine($"{runs} runs of one process's events in the log");
        Assert.True(runs > Processes, $"the {Processes} processes wrote one after another ({runs} runs), not at once");

        var verify = await CliProcess.RunAsync(corpus.Directory, store, "verify");
        Assert.Equal(0, verify.ExitCode);
        Assert.StartsWith($"ok: chain holds over {log.Head} events; head position {log.Head} ", verify.Out);
    }
}

public sealed class SqliteMultiProcessIngestTests(ITestOutputHelper output) : MultiProcessIngestContract(output)
{
    protected override string NewStore() => CliRunner.ForTempSqlite().StoreSpec;
}

public sealed class PostgresMultiProcessIngestTests(PostgresCluster cluster, ITestOutputHelper output) : MultiProcessIngestContract(output)
{
    protected override string NewStore() => $"{cluster.ConnectionString};Schema={PostgresCluster.NewSchema()}";
}
