using System.Data.Common;
using RaqqaLedger.Domain.Claims;
using RaqqaLedger.Domain.Events;
using RaqqaLedger.EventStore;
using RaqqaLedger.EventStore.GroupCommit;
using RaqqaLedger.Views;
using RaqqaLedger.Testing;

namespace RaqqaLedger.Views.Tests;

/// <summary>What the projection runner must do on every backend; each backend subclasses this in a few lines.</summary>
public abstract class ProjectionRunnerContract : IAsyncLifetime
{
    private LedgerStorage? storage;

    protected GroupCommitEventStore Store => (storage ?? throw new InvalidOperationException("not opened")).Store;

    protected ViewDatabase Views => (storage ?? throw new InvalidOperationException("not opened")).Views;

    /// <summary>The log and its views, opened as the ledger opens them: from a store spec.</summary>
    protected abstract Task<LedgerStorage> OpenAsync();

    /// <summary>Runs SQL on this test's log directly, with the log's guards dropped first.</summary>
    protected abstract Task TamperAsync(string sql);

    /// <summary>The tampering SQL of this engine.</summary>
    protected abstract LogSql Sql { get; }

    public async ValueTask InitializeAsync() => storage = await OpenAsync();

    public async ValueTask DisposeAsync()
    {
        if (storage is not null)
            await storage.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private ProjectionRunner Runner(int batchSize = 2000) => new(Store, Views, batchSize: batchSize, buildBatchSize: batchSize);

    public static TheoryData<int> Seeds => [.. Enumerable.Range(1, 8)];

    /// <summary>The board's status rule comes from each publication: the second version states it, the first has it read from its content.</summary>
    [Fact]
    public async Task TheStatusRule_OfEitherVersionOfARuleSetPublication_IsTheOneItStates()
    {
        const string content = "version: 1\nname: old\nstatus:\n  confirmed_min_sources: 3\n  numbers_agree_within_percent: 15\ntopics: []\n";
        var first = new RuleSetPublishedV1(1, "old", "sha-1", content, "old.yaml");
        var second = new RuleSetPublished(2, "new", "sha-2", content.Replace("version: 1", "version: 2"), "new.yaml", new StatusRule(4, 5m));
        foreach (var e in new object[] { first, second })
            await Store.AppendAsync("rulesets", ExpectedVersion.Any, [new NewEvent(Guid.NewGuid(), EventJson.TypeNameOf(e.GetType()), EventJson.Serialize(e), "{}")]);

        await Runner().CatchUpAsync();
        var queries = new ViewQueries(Views);

        Assert.Equal(new StatusRule(3, 15m), await queries.StatusRuleAsync(1));
        Assert.Equal(new StatusRule(4, 5m), await queries.StatusRuleAsync(2));
        await Runner().ReplayAsync();
        Assert.Equal(new StatusRule(3, 15m), await queries.StatusRuleAsync(1));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task IncrementalMaintenance_AndARebuildFromZero_GiveIdenticalTables(int seed)
    {
        var random = new Random(seed);
        var ledger = new RandomLedger(seed);
        for (var round = random.Next(4, 12); round > 0; round--)
        {
            foreach (var append in ledger.NextChunk())
                await Store.AppendAsync([append]);
            await Runner(batchSize: random.Next(1, 40)).CatchUpAsync();
        }
        var incremental = await DumpAsync();

        var replayed = await Runner(batchSize: random.Next(1, 40)).ReplayAsync();

        Assert.Equal(2, replayed.Count);
        Assert.All(replayed, r => Assert.Equal(2, r.Generation));
        var rebuilt = await DumpAsync();
        foreach (var table in incremental.Keys)
            Assert.Equal(incremental[table], rebuilt[table]);
        Assert.NotEmpty(incremental[ClaimsTables.Claims]);
    }

    /// <summary>A payload edited into something no fold can read (issue 13.8): that event is skipped and named, the rest projected.</summary>
    [Fact]
    public async Task AnEventWhosePayloadCannotBeRead_IsSkippedAndNamed_AndTheRestIsProjected()
    {
        var ledger = new RandomLedger(3);
        for (var round = 0; round < 4; round++)
        {
            foreach (var append in ledger.NextChunk())
                await Store.AppendAsync([append]);
        }
        var events = await Store.ReadAllForwardAsync().ToListAsync();
        var victim = events.First(e => e.Type.StartsWith("claim-extracted.", StringComparison.Ordinal)).Position;
        await TamperAsync(Sql.SetData(victim, "[1, 2]"));
        var runner = Runner();

        await runner.CatchUpAsync();

        Assert.Equal([victim], runner.Skipped.Keys);
        Assert.NotEmpty(await new ViewQueries(Views).ClaimsAsync(new ClaimQuery()));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task RecordedAsOfAnyPosition_IsExactlyWhatTheClaimFoldHeldThen(int seed)
    {
        var ledger = new RandomLedger(seed);
        for (var round = 0; round < 8; round++)
        {
            foreach (var append in ledger.NextChunk())
                await Store.AppendAsync([append]);
        }
        await Runner(batchSize: 7).CatchUpAsync();
        var events = await Store.ReadAllForwardAsync().ToListAsync();
        var queries = new ViewQueries(Views);

        foreach (var position in new long[] { 0, 1, events.Count / 3, events.Count / 2, events.Count - 1, events.Count })
        {
            var expected = new Dictionary<string, ArticleClaims>(StringComparer.Ordinal);
            foreach (var e in events.Where(e => e.Position <= position && e.StreamId.StartsWith("claims-", StringComparison.Ordinal)))
                expected[e.StreamId] = expected.GetValueOrDefault(e.StreamId, ArticleClaims.Empty).Apply(EventJson.Deserialize(e.Type, e.Data)!);
            var held = await queries.ClaimsAsync(new ClaimQuery(RecordedAsOf: position));

            Assert.Equal(
                expected.Values.SelectMany(c => c.Live.Values).Select(c => $"{c.ClaimId} {c.Topic} {c.Facts}").Order(StringComparer.Ordinal),
                held.Select(c => $"{c.ClaimId} {c.Topic} {c.Version.Facts}").Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public async Task AProjectionWhoseVersionChanged_RebuildsItselfAtStart()
    {
        await AppendRandomAsync(seed: 3);
        await Runner().CatchUpAsync();
        await ExecuteAsync($"UPDATE {ViewDatabase.CheckpointTable} SET version = 999 WHERE name = 'claims'");
        Assert.Contains(await Runner().DescribeAsync(), p => p.Name == "claims" && p.State == "stale");

        var rebuilt = await Runner().CatchUpAsync();

        var claims = Assert.Single(rebuilt);
        Assert.Equal(("claims", 2), (claims.Name, claims.Generation));
        Assert.All(await Runner().DescribeAsync(), p => Assert.Equal(("live", 0L), (p.State, p.Lag)));
    }

    [Fact]
    public async Task DuringAReplay_ReadersSeeTheCompleteOldTablesUntilTheSwap()
    {
        await AppendRandomAsync(seed: 5);
        await Runner().CatchUpAsync();
        var queries = new ViewQueries(Views);
        var complete = (await queries.ClaimsAsync(new ClaimQuery())).Count;
        Assert.True(complete > 10);

        // A reader between every two build transactions (the replay reports each one), and one beside it all along.
        var counts = new List<int>();
        var betweenBatches = new OnReport(() => counts.Add(queries.ClaimsAsync(new ClaimQuery()).GetAwaiter().GetResult().Count));
        using var stop = new CancellationTokenSource();
        var alongside = new List<int>();
        var reader = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
                alongside.Add((await queries.ClaimsAsync(new ClaimQuery())).Count);
        });
        await Runner(batchSize: 1).ReplayAsync("claims", progress: betweenBatches); // one transaction per event
        await stop.CancelAsync();
        await reader;
        counts.AddRange(alongside);

        Assert.True(counts.Count > 3, $"the readers ran {counts.Count} times");
        Assert.All(counts, c => Assert.Equal(complete, c));
    }

    [Fact]
    public async Task Follow_AppliesEventsAsTheyAreCommitted()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var following = Runner(batchSize: 5).FollowAsync(stop.Token);
        var ledger = new RandomLedger(11);
        for (var i = 0; i < 5; i++)
        {
            foreach (var append in ledger.NextChunk())
                await Store.AppendAsync([append]);
            var head = (await Store.ReadHeadAsync()).Position;
            while ((await Views.ReadCheckpointAsync("claims"))?.Position != head || (await Views.ReadCheckpointAsync("articles"))?.Position != head)
            {
                Assert.False(stop.IsCancellationRequested, "the projections did not reach the head within a minute");
                await Task.Delay(20);
            }
        }
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => following);
    }

    [Fact]
    public async Task TwoRunnersAtOnce_ApplyEachEventOnce()
    {
        await AppendRandomAsync(seed: 7);
        await Runner().CatchUpAsync();
        await AppendRandomAsync(seed: 8);

        await Task.WhenAll(Runner(batchSize: 3).CatchUpAsync(), Runner(batchSize: 4).CatchUpAsync(), Runner(batchSize: 5).CatchUpAsync());

        var incremental = await DumpAsync();
        await Runner().ReplayAsync();
        Assert.Equal(incremental, await DumpAsync());
    }

    [Fact]
    public async Task AReplayThatDied_LeavesTheLiveViewServing_AndTheNextOneCleansUp()
    {
        await AppendRandomAsync(seed: 9);
        await Runner().CatchUpAsync();
        var before = await DumpAsync();
        // What a replay killed half-way leaves behind: a half-built table and its claim on the checkpoint.
        await ExecuteAsync($"CREATE TABLE {ClaimsTables.Claims}{ProjectionTables.BuildSuffix} (junk TEXT)");
        await ExecuteAsync($"UPDATE {ViewDatabase.CheckpointTable} SET build_token = 'dead', build_position = 3 WHERE name = 'claims'");

        Assert.Equal(before, await DumpAsync());
        Assert.Contains(await Runner().DescribeAsync(), p => p.Name == "claims" && p.State == "rebuilding");
        await Runner().ReplayAsync("claims");

        Assert.Equal(before, await DumpAsync());
        Assert.False(await Views.TableExistsAsync($"{ClaimsTables.Claims}{ProjectionTables.BuildSuffix}"));
    }

    [Fact]
    public async Task ReplayOfAnUnknownProjection_IsRefused()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Runner().ReplayAsync("nonsense"));
        Assert.Contains("articles, claims", error.Message);
    }

    private async Task AppendRandomAsync(int seed)
    {
        var ledger = new RandomLedger(seed);
        for (var i = 0; i < 10; i++)
        {
            foreach (var append in ledger.NextChunk())
                await Store.AppendAsync([append]);
        }
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = await Views.OpenAsync(CancellationToken.None);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>Every row of every projection table, as text, sorted: two views are the same when their dumps are.</summary>
    private async Task<Dictionary<string, List<string>>> DumpAsync()
    {
        var dump = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        await using var connection = await Views.OpenAsync(CancellationToken.None);
        foreach (var table in ProjectionRunner.All.SelectMany(p => p.Tables))
        {
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = $"SELECT * FROM {table}";
            await using DbDataReader reader = await cmd.ExecuteReaderAsync();
            var rows = new List<string>();
            while (await reader.ReadAsync())
                rows.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "NULL" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
            rows.Sort(StringComparer.Ordinal);
            dump[table] = rows;
        }
        return dump;
    }
}

/// <summary>Runs an action on each report, on the reporting thread, before the reporter goes on.</summary>
internal sealed class OnReport(Action action) : IProgress<ReplayProgress>
{
    public void Report(ReplayProgress value) => action();
}
