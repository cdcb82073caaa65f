using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using RaqqaLedger.Storage.GroupCommit;

namespace RaqqaLedger.Storage.Sqlite;

/// <summary>
/// The embedded default: one SQLite file in WAL mode. Readers use their own connections and never
/// block the writer; the writer holds one connection and takes the database write lock
/// (BEGIN IMMEDIATE) for each batch, which also keeps other processes out while it appends.
/// </summary>
public sealed class SqliteEventStore : GroupCommitEventStore
{
    private const string Columns = "position, stream_id, stream_version, event_id, type, data, metadata, recorded_at, hash";
    private readonly string connectionString;
    private readonly SqliteConnection writeConnection;

    private SqliteEventStore(string path, TimeProvider? clock) : base(clock)
    {
        Path = System.IO.Path.GetFullPath(path);
        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 60,
        }.ToString();
        writeConnection = new SqliteConnection(connectionString);
    }

    public string Path { get; }

    /// <summary>For the projection tables, which live in the same file.</summary>
    internal string ConnectionString => connectionString;

    public override string Describe => $"sqlite:{Path}";

    public static async Task<SqliteEventStore> OpenAsync(string path, TimeProvider? clock = null, CancellationToken cancellationToken = default)
    {
        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
            Directory.CreateDirectory(directory);
        var store = new SqliteEventStore(path, clock);
        try
        {
            await store.writeConnection.OpenAsync(cancellationToken);
            await Execute(store.writeConnection, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;", cancellationToken);
            await store.MigrateAsync(cancellationToken);
        }
        catch
        {
            await store.writeConnection.DisposeAsync();
            throw;
        }
        store.StartWriter();
        return store;
    }

    private async Task MigrateAsync(CancellationToken cancellationToken)
    {
        // BEGIN IMMEDIATE: two processes opening a new file at once apply each script once.
        await using var tx = (SqliteTransaction)await writeConnection.BeginTransactionAsync(cancellationToken);
        await SqlScripts.MigrateAsync(writeConnection, tx, "Sqlite",
            "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP)",
            cancellationToken);
        await tx.CommitAsync(cancellationToken);
    }

    protected override async Task<IWriteBatch> BeginWriteAsync(CancellationToken cancellationToken)
    {
        var tx = writeConnection.BeginTransaction(deferred: false);
        try
        {
            return new WriteBatch(writeConnection, tx, await ReadHeadAsync(writeConnection, tx, cancellationToken));
        }
        catch
        {
            await tx.DisposeAsync();
            throw;
        }
    }

    public override async IAsyncEnumerable<RecordedEvent> ReadStreamAsync(string streamId, long fromVersion = 0,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenReadConnectionAsync(cancellationToken);
        await using var cmd = new SqliteCommand(
            $"SELECT {Columns} FROM events WHERE stream_id = $s AND stream_version >= $v ORDER BY stream_version", connection);
        cmd.Parameters.AddWithValue("$s", streamId);
        cmd.Parameters.AddWithValue("$v", fromVersion);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            yield return ReadEvent(reader);
    }

    public override async Task<IReadOnlyList<RecordedEvent>> ReadAllAsync(long fromPosition, int maxCount, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCount);
        await using var connection = await OpenReadConnectionAsync(cancellationToken);
        await using var cmd = new SqliteCommand($"SELECT {Columns} FROM events WHERE position >= $p ORDER BY position LIMIT $n", connection);
        cmd.Parameters.AddWithValue("$p", fromPosition);
        cmd.Parameters.AddWithValue("$n", maxCount);
        return await ReadPageAsync(cmd, maxCount, cancellationToken);
    }

    public override async Task<IReadOnlyList<RecordedEvent>> ReadAllOfTypesAsync(long fromPosition, long toPosition, IReadOnlyCollection<string> types, int maxCount,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCount);
        if (types.Count == 0)
            return [];
        await using var connection = await OpenReadConnectionAsync(cancellationToken);
        var names = types.Select((_, i) => $"$t{i}").ToList();
        await using var cmd = new SqliteCommand(
            $"SELECT {Columns} FROM events WHERE position BETWEEN $from AND $to AND type IN ({string.Join(", ", names)}) ORDER BY position LIMIT $n", connection);
        cmd.Parameters.AddWithValue("$from", fromPosition);
        cmd.Parameters.AddWithValue("$to", toPosition);
        cmd.Parameters.AddWithValue("$n", maxCount);
        foreach (var (type, i) in types.Select((t, i) => (t, i)))
            cmd.Parameters.AddWithValue(names[i], type);
        return await ReadPageAsync(cmd, maxCount, cancellationToken);
    }

    private static async Task<IReadOnlyList<RecordedEvent>> ReadPageAsync(SqliteCommand cmd, int maxCount, CancellationToken cancellationToken)
    {
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        var events = new List<RecordedEvent>(Math.Min(maxCount, 1024));
        while (await reader.ReadAsync(cancellationToken))
            events.Add(ReadEvent(reader));
        return events;
    }

    public override async Task<long?> GetStreamVersionAsync(string streamId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenReadConnectionAsync(cancellationToken);
        await using var cmd = new SqliteCommand("SELECT max(stream_version) FROM events WHERE stream_id = $s", connection);
        cmd.Parameters.AddWithValue("$s", streamId);
        return await cmd.ExecuteScalarAsync(cancellationToken) is long version ? version : null;
    }

    public override async Task<LogHead> ReadHeadAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenReadConnectionAsync(cancellationToken);
        return await ReadHeadAsync(connection, null, cancellationToken);
    }

    protected override async ValueTask DisposeCoreAsync()
    {
        await writeConnection.DisposeAsync();
        SqliteConnection.ClearPool(new SqliteConnection(connectionString));
    }

    private async Task<SqliteConnection> OpenReadConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private static async Task<LogHead> ReadHeadAsync(SqliteConnection connection, SqliteTransaction? tx, CancellationToken cancellationToken)
    {
        await using var cmd = new SqliteCommand("SELECT position, hash FROM ledger_head WHERE id = 1", connection, tx);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
            throw new InvalidOperationException("the ledger_head row is missing");
        return new LogHead(reader.GetInt64(0), (byte[])reader.GetValue(1));
    }

    private static RecordedEvent ReadEvent(SqliteDataReader r) => new(
        r.GetInt64(0), r.GetString(1), r.GetInt64(2), Guid.Parse(r.GetString(3)), r.GetString(4), r.GetString(5), r.GetString(6),
        DateTimeOffset.ParseExact(r.GetString(7), "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
        (byte[])r.GetValue(8));

    private static async Task Execute(SqliteConnection connection, string sql, CancellationToken cancellationToken, SqliteTransaction? tx = null)
    {
        await using var cmd = new SqliteCommand(sql, connection, tx);
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }

    private sealed class WriteBatch(SqliteConnection connection, SqliteTransaction tx, LogHead head) : IWriteBatch
    {
        public LogHead Head { get; } = head;

        public async Task<IReadOnlyDictionary<string, long>> GetStreamVersionsAsync(IReadOnlyCollection<string> streamIds, CancellationToken cancellationToken)
        {
            var versions = new Dictionary<string, long>(StringComparer.Ordinal);
            await using var cmd = new SqliteCommand("SELECT max(stream_version) FROM events WHERE stream_id = $s", connection, tx);
            var id = cmd.Parameters.Add("$s", SqliteType.Text);
            foreach (var streamId in streamIds)
            {
                id.Value = streamId;
                if (await cmd.ExecuteScalarAsync(cancellationToken) is long version)
                    versions[streamId] = version;
            }
            return versions;
        }

        public async Task CommitAsync(IReadOnlyList<RecordedEvent> events, CancellationToken cancellationToken)
        {
            await using (var insert = new SqliteCommand(
                $"INSERT INTO events ({Columns}) VALUES ($p, $s, $v, $id, $t, $d, $m, $r, $h)", connection, tx))
            {
                var p = insert.Parameters.Add("$p", SqliteType.Integer);
                var s = insert.Parameters.Add("$s", SqliteType.Text);
                var v = insert.Parameters.Add("$v", SqliteType.Integer);
                var id = insert.Parameters.Add("$id", SqliteType.Text);
                var t = insert.Parameters.Add("$t", SqliteType.Text);
                var d = insert.Parameters.Add("$d", SqliteType.Text);
                var m = insert.Parameters.Add("$m", SqliteType.Text);
                var r = insert.Parameters.Add("$r", SqliteType.Text);
                var h = insert.Parameters.Add("$h", SqliteType.Blob);
                insert.Prepare();
                foreach (var e in events)
                {
                    p.Value = e.Position;
                    s.Value = e.StreamId;
                    v.Value = e.StreamVersion;
                    id.Value = e.EventId.ToString("D");
                    t.Value = e.Type;
                    d.Value = e.Data;
                    m.Value = e.Metadata;
                    r.Value = HashChain.FormatTime(e.RecordedAt);
                    h.Value = e.Hash;
                    await insert.ExecuteNonQueryAsync(cancellationToken);
                }
            }
            await using (var head = new SqliteCommand("UPDATE ledger_head SET position = $p, hash = $h WHERE id = 1", connection, tx))
            {
                head.Parameters.AddWithValue("$p", events[^1].Position);
                head.Parameters.AddWithValue("$h", events[^1].Hash);
                await head.ExecuteNonQueryAsync(cancellationToken);
            }
            await tx.CommitAsync(cancellationToken);
        }

        public ValueTask DisposeAsync() => tx.DisposeAsync();
    }
}
