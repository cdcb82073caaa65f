using Microsoft.Data.Sqlite;
using RaqqaLedger.EventStore;
using RaqqaLedger.EventStore.Sqlite;

namespace RaqqaLedger.Views.Tests;

/// <summary>Issue 14: the views' database comes with the store from the engine the spec names, not from the store's type.</summary>
public sealed class LedgerStorageTests : IDisposable
{
    private readonly string path = Path.Combine(Path.GetTempPath(), "raqqa-tests", $"{Guid.NewGuid():N}.db");

    [Fact]
    public async Task ASqliteSpec_OpensTheLogAndItsViewsInOneFile()
    {
        await using (var storage = await StorageOpener.Default.OpenAsync($"sqlite:{path}"))
        {
            Assert.IsType<SqliteEventStore>(storage.Store);
            await new ProjectionRunner(storage.Store, storage.Views).CatchUpAsync(TestContext.Current.CancellationToken);
        }

        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('{ViewDatabase.CheckpointTable}', 'ledger_head')";
        Assert.Equal(2L, Convert.ToInt64(await cmd.ExecuteScalarAsync(TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task AnEngineNotRegistered_IsRefusedByName_AndNothingIsCreated()
    {
        var sqliteOnly = new StorageOpener([new SqliteStorageEngine()]);

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => sqliteOnly.OpenAsync("Host=127.0.0.1;Port=1;Database=none"));

        Assert.Contains("Postgres", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMalformedSpec_IsRefusedBeforeAnythingOpens()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => StorageOpener.Default.OpenAsync("sqlite:"));

        Assert.False(File.Exists(path));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        // Not every test creates the store, nor its folder: on a fresh machine the folder may not exist yet.
        foreach (var file in new[] { path, path + "-wal", path + "-shm" }.Where(File.Exists))
            File.Delete(file);
    }
}
