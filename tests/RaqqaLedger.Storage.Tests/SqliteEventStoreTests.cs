using Microsoft.Data.Sqlite;
using RaqqaLedger.Storage.GroupCommit;
using RaqqaLedger.Storage.Sqlite;

namespace RaqqaLedger.Storage.Tests;

public sealed class SqliteEventStoreTests : EventStoreContract
{
    private readonly string path = Path.Combine(Path.GetTempPath(), "raqqa-tests", $"{Guid.NewGuid():N}.db");

    protected override async Task<GroupCommitEventStore> OpenAsync() => await SqliteEventStore.OpenAsync(path, Clock);

    protected override async Task ExecuteSqlAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=false");
        await connection.OpenAsync();
        await using var cmd = new SqliteCommand(sql, connection);
        await cmd.ExecuteNonQueryAsync();
    }

    protected override string RemoveGuardsSql => "DROP TRIGGER events_refuse_update; DROP TRIGGER events_refuse_delete;";

    [Fact]
    public async Task TheFile_IsInWalMode()
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=false");
        await connection.OpenAsync();
        await using var cmd = new SqliteCommand("PRAGMA journal_mode", connection);
        Assert.Equal("wal", await cmd.ExecuteScalarAsync());
    }
}
