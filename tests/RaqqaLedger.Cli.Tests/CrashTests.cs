using System.Diagnostics;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace RaqqaLedger.Cli.Tests;

/// <summary>
/// The built CLI ingesting a large generated folder into the embedded SQLite store, killed with
/// SIGKILL part-way, again and again, at seeded random points of the append stream; then run to the end.
/// </summary>
public sealed class CrashTests(ITestOutputHelper output)
{
    private const int Articles = 1500, Rounds = 5;

    [Fact]
    public async Task IngestKilledAtRandomPoints_LeavesEachArticleWholeOrAbsent_AndARerunCompletesTheSetOnce()
    {
        var clock = Stopwatch.StartNew();
        var corpus = await GeneratedCorpus.CreateAsync(Articles, seed: 17);
        var work = Directory.CreateTempSubdirectory("raqqa-crash-").FullName;
        var database = Path.Combine(work, "ledger.db");
        var store = $"sqlite:{database}";
        var random = new Random(2017_10_17);
        output.WriteLine($"corpus of {Articles} articles, {corpus.EventsWhenComplete} events when complete, ready at {clock.Elapsed.TotalSeconds:N1} s");

        var present = 0;
        for (var round = 1; round <= Rounds; round++)
        {
            // Kill somewhere in the next third of what is left: past the head by a random number of events.
            var before = await HeadAsync(database);
            var target = before + random.Next(1, (int)((corpus.EventsWhenComplete - before) / 3));
            using (var child = CliProcess.Start(work, store, "ingest", corpus.ArticlesFolder))
            {
                var reached = await WaitForHeadAsync(database, target, child);
                await child.KillAsync();
                output.WriteLine($"round {round}: head {before}, killed at or after {reached} (target {target}) at {clock.Elapsed.TotalSeconds:N1} s");
            }

            var log = await LogAudit.CheckAsync(store, corpus);
            Assert.InRange(log.Articles.Count, present, Articles - 1); // cut short, and nothing lost that was there
            Assert.True(log.Head >= target, $"head {log.Head} is behind {target}, which the killed process had already committed");
            present = log.Articles.Count;
        }

        var rerun = await CliProcess.RunAsync(work, store, "ingest", corpus.ArticlesFolder);
        Assert.True(rerun.ExitCode == 0, rerun.Error);
        Assert.Contains($"{Articles} articles: {Articles - present} new, {present} already present;", rerun.Out);
        var complete = await LogAudit.CheckAsync(store, corpus);
        Assert.Equal(corpus.EventsWhenComplete, complete.Head);
        Assert.Equal(corpus.Articles.Select(a => a.ArticleId).Order(), complete.Articles.Order());

        var again = await CliProcess.RunAsync(work, store, "ingest", corpus.ArticlesFolder);
        Assert.Contains($"{Articles} articles: 0 new, {Articles} already present; 0 claims; 0 events appended", again.Out);
        Assert.Equal(complete.Head, await HeadAsync(database));
        output.WriteLine($"complete at {clock.Elapsed.TotalSeconds:N1} s");

        // The projections, built from nothing, catch up to the head and hold every article and claim once.
        var cli = new CliRunner(store);
        var articles = await cli.RunAsync("articles", "--json");
        var claims = await cli.RunAsync("claims", "--json");
        var projections = await cli.RunAsync("projections", "--json");
        Assert.Equal(Articles, JsonDocument.Parse(articles.Out).RootElement.GetArrayLength());
        Assert.Equal(corpus.Claims, JsonDocument.Parse(claims.Out).RootElement.GetArrayLength());
        Assert.All(JsonDocument.Parse(projections.Out).RootElement.EnumerateArray(), p =>
        {
            Assert.Equal(complete.Head, p.GetProperty("checkpoint").GetInt64());
            Assert.Equal(0, p.GetProperty("lag").GetInt64());
            Assert.Equal("live", p.GetProperty("state").GetString());
        });
        output.WriteLine($"projections at the head at {clock.Elapsed.TotalSeconds:N1} s");
    }

    private static async Task<long> HeadAsync(string database)
    {
        if (!File.Exists(database))
            return 0;
        await using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=false");
        await connection.OpenAsync();
        await using var cmd = new SqliteCommand("SELECT position FROM ledger_head WHERE id = 1", connection);
        try
        {
            return await cmd.ExecuteScalarAsync() is long position ? position : 0;
        }
        catch (SqliteException)
        {
            return 0; // the schema is not there yet
        }
    }

    /// <summary>Polls the committed head until it reaches <paramref name="target"/>; the child must still be running.</summary>
    private static async Task<long> WaitForHeadAsync(string database, long target, CliProcess child)
    {
        var timeout = Stopwatch.StartNew();
        while (true)
        {
            var head = await HeadAsync(database);
            if (head >= target)
                return head;
            if (child.HasExited)
            {
                var result = await child.WaitAsync(TimeSpan.FromSeconds(10));
                Assert.Fail($"the ingest ended (exit {result.ExitCode}) before the head reached {target}; it was at {head}: {result.Error}");
            }
            Assert.True(timeout.Elapsed < TimeSpan.FromSeconds(60), $"the head stayed at {head}, short of {target}, for a minute");
            await Task.Delay(5);
        }
    }
}
