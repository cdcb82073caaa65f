using Microsoft.Data.Sqlite;
using RaqqaLedger.EventStore.GroupCommit;
using RaqqaLedger.EventStore.Sqlite;
using RaqqaLedger.EventStore;
using RaqqaLedger.Testing;

namespace RaqqaLedger.EventStore.Tests;

public sealed class SqliteEventStoreTests : EventStoreContract
{
    private readonly string path = Path.Combine(Path.GetTempPath(), "raqqa-tests", $"{Guid.NewGuid():N}.db");

    protected override async Task<GroupCommitEventStore> OpenAsync() => await SqliteEventStore.OpenAsync(path, Clock);

    protected override Task ExecuteSqlAsync(string sql) => LogGuards.ExecuteSqliteAsync(path, sql);

    protected override LogSql Sql => LogSql.Sqlite;

    /// <summary>An audit ledger acknowledges only what is on disk: FULL unless the spec asks for NORMAL (issue 13.10).</summary>
    [Fact]
    public async Task Commits_AreSyncedToDiskByDefault_AndOnlyInTheLogWhenTheSpecAsks()
    {
        var other = Path.Combine(Path.GetTempPath(), "raqqa-tests", $"{Guid.NewGuid():N}.db");
        await using var relaxed = (SqliteEventStore)await EventStoreFactory.OpenAsync($"sqlite:{other};synchronous=normal");
        await using var durable = (SqliteEventStore)await EventStoreFactory.OpenAsync($"sqlite:{other}.2");

        Assert.Equal("full", ((SqliteEventStore)Store).Synchronous);
        Assert.Equal("full", durable.Synchronous);
        Assert.Equal("normal", relaxed.Synchronous);
        Assert.Equal(other, relaxed.Path);
        Assert.Throws<ArgumentException>(() => EventStoreFactory.Parse($"sqlite:{other};synchronous=off"));
    }

    /// <summary>Text columns can hold what the writer never wrote; verify names the first such row instead of failing to read it.</summary>
    [Theory]
    [InlineData("recorded_at", "'yesterday'")]
    [InlineData("recorded_at", "'2017-10-15T02:27:00.1234567Z'")]
    [InlineData("recorded_at", "'2017-10-15T02:27:00Z'")]
    [InlineData("event_id", "'not-a-guid'")]
    [InlineData("hash", "'0123456789abcdef0123456789abcdef'")]
    public async Task Verify_OnAMalformedField_NamesItsPositionAndField(string column, string value)
    {
        await Store.AppendAsync("a", ExpectedVersion.Any, Events(5));
        await ExecuteSqlAsync($"{Sql.RemoveGuards} UPDATE events SET {column} = {value} WHERE position = 3;");

        var result = await ChainVerifier.VerifyAsync(Store);

        Assert.False(result.Ok);
        Assert.Equal(3, result.FirstBadPosition);
        Assert.Equal(2, result.HeadPosition);
        Assert.Contains(column, result.Problem);
        var read = await Assert.ThrowsAsync<DamagedEventException>(() => Store.ReadAllAsync(1, 10));
        Assert.Equal(3, read.Position);
    }

    [Fact]
    public async Task ALogWrittenBeforeTheJsonChecksWereDropped_IsMigratedWhole_AndStillVerifies()
    {
        // A file as the first schema left it: the events table with json_valid checks, three chained events.
        var old = Path.Combine(Path.GetTempPath(), "raqqa-tests", $"{Guid.NewGuid():N}.db");
        Directory.CreateDirectory(Path.GetDirectoryName(old)!);
        var previous = HashChain.Genesis;
        await using (var connection = new SqliteConnection($"Data Source={old};Pooling=false"))
        {
            await connection.OpenAsync();
            var first = File.ReadAllText(Path.Combine(Testing.RepoPaths.Root, "src", "RaqqaLedger.EventStore", "Sql", "Sqlite", "001_event_log.sql"));
            await using (var schema = new SqliteCommand(first + "; CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP);" +
                "INSERT INTO schema_migrations (version, name) VALUES (1, '001_event_log.sql');", connection))
                await schema.ExecuteNonQueryAsync();
            for (var position = 1; position <= 3; position++)
            {
                var id = Guid.NewGuid();
                var at = new DateTimeOffset(2017, 10, 15, 2, 27, position, TimeSpan.Zero);
                var data = $$"""{"n":{{position}},"quote":"“Raqqa”"}""";
                var hash = HashChain.Compute(previous, position, "s", position - 1, id, "thing-happened.v1", data, "{}", at);
                await using var insert = new SqliteCommand(
                    "INSERT INTO events VALUES ($p, 's', $v, $id, 'thing-happened.v1', $d, '{}', $r, $h); UPDATE ledger_head SET position = $p, hash = $h WHERE id = 1", connection);
                insert.Parameters.AddWithValue("$p", position);
                insert.Parameters.AddWithValue("$v", position - 1);
                insert.Parameters.AddWithValue("$id", id.ToString("D"));
                insert.Parameters.AddWithValue("$d", data);
                insert.Parameters.AddWithValue("$r", HashChain.FormatTime(at));
                insert.Parameters.AddWithValue("$h", hash);
                await insert.ExecuteNonQueryAsync();
                previous = hash;
            }
        }

        await using var store = await SqliteEventStore.OpenAsync(old);
        await store.AppendAsync("s", ExpectedVersion.Exactly(2), Events(1));

        var verified = await ChainVerifier.VerifyAsync(store);
        Assert.True(verified.Ok, verified.Problem);
        Assert.Equal(4, verified.HeadPosition);
        Assert.Equal("""{"n":2,"quote":"“Raqqa”"}""", (await store.ReadAllAsync(2, 1)).Single().Data);
        await using var check = new SqliteConnection($"Data Source={old};Pooling=false");
        await check.OpenAsync();
        await using var update = new SqliteCommand("UPDATE events SET data = '{}' WHERE position = 1", check);
        Assert.Contains("append-only", (await Assert.ThrowsAsync<SqliteException>(() => update.ExecuteNonQueryAsync())).Message);
    }

    [Fact]
    public async Task TheFile_IsInWalMode()
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=false");
        await connection.OpenAsync();
        await using var cmd = new SqliteCommand("PRAGMA journal_mode", connection);
        Assert.Equal("wal", await cmd.ExecuteScalarAsync());
    }
}
