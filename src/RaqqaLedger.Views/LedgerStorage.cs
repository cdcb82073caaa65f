using RaqqaLedger.EventStore;
using RaqqaLedger.EventStore.GroupCommit;
using RaqqaLedger.EventStore.Marten;
using RaqqaLedger.EventStore.Sqlite;

namespace RaqqaLedger.Views;

/// <summary>A ledger's log and the database its views live in, opened together from one store spec.</summary>
public sealed class LedgerStorage(GroupCommitEventStore store, ViewDatabase views) : IAsyncDisposable
{
    public GroupCommitEventStore Store { get; } = store;

    public ViewDatabase Views { get; } = views;

    public async ValueTask DisposeAsync()
    {
        await Views.DisposeAsync();
        await Store.DisposeAsync();
    }
}

/// <summary>One kind of database: opens a log of its kind and the view database beside it.</summary>
public interface IStorageEngine
{
    StoreEngine Engine { get; }

    Task<LedgerStorage> OpenAsync(StoreSpec spec, TimeProvider? clock, CancellationToken cancellationToken);
}

/// <summary>The embedded default: the log and the views in one SQLite file.</summary>
public sealed class SqliteStorageEngine : IStorageEngine
{
    public StoreEngine Engine => StoreEngine.Sqlite;

    public async Task<LedgerStorage> OpenAsync(StoreSpec spec, TimeProvider? clock, CancellationToken cancellationToken)
    {
        var store = await SqliteEventStore.OpenAsync(spec.Target, clock, cancellationToken, spec.Sync);
        return new LedgerStorage(store, ViewDatabase.OnSqlite(store.ConnectionString));
    }
}

/// <summary>PostgreSQL: the log in Marten's event store, the views in the same schema, on the store's connections.</summary>
public sealed class MartenStorageEngine : IStorageEngine
{
    public StoreEngine Engine => StoreEngine.Postgres;

    public async Task<LedgerStorage> OpenAsync(StoreSpec spec, TimeProvider? clock, CancellationToken cancellationToken)
    {
        var store = await MartenEventStore.OpenAsync(spec.Target, spec.Schema ?? MartenEventStore.DefaultSchema, clock, cancellationToken);
        return new LedgerStorage(store, ViewDatabase.OnPostgres(store.DataSource));
    }
}

/// <summary>Opens storage from a spec with the engine registered for the spec's kind (see <see cref="EventStoreFactory.Parse"/>).</summary>
public sealed class StorageOpener(IEnumerable<IStorageEngine> engines)
{
    /// <summary>Both engines this ledger ships, for a caller without a service container (the CLI, the benchmarks, tests).</summary>
    public static StorageOpener Default { get; } = new([new SqliteStorageEngine(), new MartenStorageEngine()]);

    private readonly IReadOnlyList<IStorageEngine> engines = [.. engines];

    /// <exception cref="ArgumentException">The spec is malformed, or names an engine not registered.</exception>
    public Task<LedgerStorage> OpenAsync(string spec, TimeProvider? clock = null, CancellationToken cancellationToken = default)
    {
        var parsed = EventStoreFactory.Parse(spec);
        var engine = engines.FirstOrDefault(e => e.Engine == parsed.Engine)
            ?? throw new ArgumentException($"no storage engine is registered for {parsed.Engine} stores");
        return engine.OpenAsync(parsed, clock, cancellationToken);
    }
}
