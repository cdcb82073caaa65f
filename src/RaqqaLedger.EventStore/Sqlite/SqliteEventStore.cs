using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using RaqqaLedger.EventStore.GroupCommit;

namespace RaqqaLedger.EventStore.Sqlite;

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
    private WriterStatements? statements;

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
    public string ConnectionString => connectionString;

    public override string Describe => $"sqlite:{Path}";

    /// <summary>How the file is synced at each commit, as SQLite reports it on the writer's connection ("full" or "normal").</summary>
    public string Synchronous { get; private set; } = "";

    /// <param name="sync">
    /// Full by default: a commit is acknowledged only once it is on disk (with WAL, NORMAL can lose the last
    /// commits to a power cut). Group commit shares one sync among the appends waiting together.
    /// </param>
    public static async Task<SqliteEventStore> OpenAsync(string path, TimeProvider? clock = null, CancellationToken cancellationToken = default,
        SqliteSync sync = SqliteSync.Full)
    {
        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
            Directory.CreateDirectory(directory);
        var store = new SqliteEventStore(path, clock);
        try
        {
            await store.writeConnection.OpenAsync(cancellationToken);
            await Execute(store.writeConnection, $"PRAGMA journal_mode = WAL; PRAGMA synchronous = {(sync == SqliteSync.Full ? "FULL" : "NORMAL")};", cancellationToken);
            await using (var check = new SqliteCommand("PRAGMA synchronous", store.writeConnection))
                store.Synchronous = Convert.ToInt64(await check.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) switch
                {
                    1 => "normal",
                    2 => "full",
                    3 => "extra",
                    var other => other.ToString(CultureInfo.InvariantCulture),
                };
            await store.MigrateAsync(cancellationToken);
            store.statements = new WriterStatements(store.writeConnection);
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
            var prepared = statements!.In(tx);
            return new WriteBatch(prepared, tx, await prepared.ReadHeadAsync(cancellationToken));
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

    protected override async Task<IReadOnlyList<RecordedEvent>> ReadAllCoreAsync(long fromPosition, int maxCount, CancellationToken cancellationToken)
    {
        await using var connection = await OpenReadConnectionAsync(cancellationToken);
        await using var cmd = new SqliteCommand($"SELECT {Columns} FROM events WHERE position >= $p ORDER BY position LIMIT $n", connection);
        cmd.Parameters.AddWithValue("$p", fromPosition);
        cmd.Parameters.AddWithValue("$n", maxCount);
        return await ReadPageAsync<SqliteDataReader>(cmd, maxCount, ReadEvent, cancellationToken);
    }

    protected override async Task<IReadOnlyList<RecordedEvent>> ReadAllOfTypesCoreAsync(long fromPosition, long toPosition, IReadOnlyCollection<string> types, int maxCount,
        CancellationToken cancellationToken)
    {
        await using var connection = await OpenReadConnectionAsync(cancellationToken);
        await using var cmd = OfTypes(connection, Columns, fromPosition, toPosition, types, maxCount);
        return await ReadPageAsync<SqliteDataReader>(cmd, maxCount, ReadEvent, cancellationToken);
    }

    protected override async Task<IReadOnlyList<EventPayload>> ReadPayloadsOfTypesCoreAsync(long fromPosition, long toPosition, IReadOnlyCollection<string> types, int maxCount,
        CancellationToken cancellationToken)
    {
        await using var connection = await OpenReadConnectionAsync(cancellationToken);
        await using var cmd = OfTypes(connection, "position, type, data, recorded_at", fromPosition, toPosition, types, maxCount);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        var events = new List<EventPayload>(Math.Min(maxCount, 1024));
        // The type names repeat on every row: one string per distinct name, not one per row.
        var names = types.ToDictionary(t => t, t => t, StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            var type = reader.GetString(1);
            // A TEXT column's bytes are its UTF-8 text, which is what the payload's JSON reader wants.
            var position = reader.GetInt64(0);
            events.Add(new EventPayload(position, names.GetValueOrDefault(type, type), reader.GetFieldValue<byte[]>(2), ParseRecordedAt(position, reader.GetValue(3))));
        }
        return events;
    }

    private static SqliteCommand OfTypes(SqliteConnection connection, string columns, long fromPosition, long toPosition, IReadOnlyCollection<string> types, int maxCount)
    {
        var names = types.Select((_, i) => $"$t{i}").ToList();
        var cmd = new SqliteCommand(
            $"SELECT {columns} FROM events WHERE position BETWEEN $from AND $to AND type IN ({string.Join(", ", names)}) ORDER BY position LIMIT $n", connection);
        cmd.Parameters.AddWithValue("$from", fromPosition);
        cmd.Parameters.AddWithValue("$to", toPosition);
        cmd.Parameters.AddWithValue("$n", maxCount);
        foreach (var (type, i) in types.Select((t, i) => (t, i)))
            cmd.Parameters.AddWithValue(names[i], type);
        return cmd;
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
        statements?.Dispose();
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

    private static RecordedEvent ReadEvent(SqliteDataReader r)
    {
        var position = r.GetInt64(0);
        return new(position, r.GetString(1), r.GetInt64(2), ParseEventId(position, r.GetValue(3)), r.GetString(4), r.GetString(5), r.GetString(6),
            ParseRecordedAt(position, r.GetValue(7)), r.GetValue(8) as byte[] is { Length: HashChain.HashSize } hash ? hash
                : throw new DamagedEventException(position, "hash", $"'{r.GetValue(8)}' is not {HashChain.HashSize} bytes"));
    }

    // A SQLite column holds whatever was put in it: a damaged field is reported with its position, never
    // as a bare FormatException that stops the reader (and verify) without saying where.
    private static Guid ParseEventId(long position, object value) =>
        value is string text && Guid.TryParseExact(text, "D", out var id) ? id
            : throw new DamagedEventException(position, "event_id", $"'{value}' is not a UUID");

    private static DateTimeOffset ParseRecordedAt(long position, object value) =>
        value is string text && DateTimeOffset.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at
            : throw new DamagedEventException(position, "recorded_at", $"'{value}' is not a UTC time with six digits of fraction (yyyy-MM-ddTHH:mm:ss.ffffffZ)");

    private static async Task Execute(SqliteConnection connection, string sql, CancellationToken cancellationToken, SqliteTransaction? tx = null)
    {
        await using var cmd = new SqliteCommand(sql, connection, tx);
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// The writer's statements, prepared once on its connection and reused by every batch: for a
    /// single-event append, preparing them again each time cost more than the insert.
    /// </summary>
    private sealed class WriterStatements : IDisposable
    {
        private readonly SqliteCommand readHead, streamVersion, insert, updateHead;

        public WriterStatements(SqliteConnection connection)
        {
            readHead = Prepared(connection, "SELECT position, hash FROM ledger_head WHERE id = 1");
            streamVersion = Prepared(connection, "SELECT max(stream_version) FROM events WHERE stream_id = $s", ("$s", SqliteType.Text));
            insert = Prepared(connection, $"INSERT INTO events ({Columns}) VALUES ($p, $s, $v, $id, $t, $d, $m, $r, $h)",
                ("$p", SqliteType.Integer), ("$s", SqliteType.Text), ("$v", SqliteType.Integer), ("$id", SqliteType.Text), ("$t", SqliteType.Text),
                ("$d", SqliteType.Text), ("$m", SqliteType.Text), ("$r", SqliteType.Text), ("$h", SqliteType.Blob));
            updateHead = Prepared(connection, "UPDATE ledger_head SET position = $p, hash = $h WHERE id = 1", ("$p", SqliteType.Integer), ("$h", SqliteType.Blob));
        }

        /// <summary>The statements, enlisted in this batch's transaction.</summary>
        public WriterStatements In(SqliteTransaction tx)
        {
            foreach (var cmd in new[] { readHead, streamVersion, insert, updateHead })
                cmd.Transaction = tx;
            return this;
        }

        public async Task<LogHead> ReadHeadAsync(CancellationToken cancellationToken)
        {
            await using var reader = await readHead.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
                throw new InvalidOperationException("the ledger_head row is missing");
            return new LogHead(reader.GetInt64(0), (byte[])reader.GetValue(1));
        }

        public async Task<long?> StreamVersionAsync(string streamId, CancellationToken cancellationToken)
        {
            streamVersion.Parameters[0].Value = streamId;
            return await streamVersion.ExecuteScalarAsync(cancellationToken) is long version ? version : null;
        }

        public async Task InsertAsync(RecordedEvent e, CancellationToken cancellationToken)
        {
            var p = insert.Parameters;
            p[0].Value = e.Position;
            p[1].Value = e.StreamId;
            p[2].Value = e.StreamVersion;
            p[3].Value = e.EventId.ToString("D");
            p[4].Value = e.Type;
            p[5].Value = e.Data;
            p[6].Value = e.Metadata;
            p[7].Value = HashChain.FormatTime(e.RecordedAt);
            p[8].Value = e.Hash;
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        public async Task UpdateHeadAsync(RecordedEvent last, CancellationToken cancellationToken)
        {
            updateHead.Parameters[0].Value = last.Position;
            updateHead.Parameters[1].Value = last.Hash;
            await updateHead.ExecuteNonQueryAsync(cancellationToken);
        }

        public void Dispose()
        {
            foreach (var cmd in new[] { readHead, streamVersion, insert, updateHead })
                cmd.Dispose();
        }

        private static SqliteCommand Prepared(SqliteConnection connection, string sql, params (string Name, SqliteType Type)[] parameters)
        {
            var cmd = new SqliteCommand(sql, connection);
            foreach (var (name, type) in parameters)
                cmd.Parameters.Add(name, type);
            cmd.Prepare();
            return cmd;
        }
    }

    private sealed class WriteBatch(WriterStatements statements, SqliteTransaction tx, LogHead head) : IWriteBatch
    {
        public LogHead Head { get; } = head;

        public async Task<IReadOnlyDictionary<string, long>> GetStreamVersionsAsync(IReadOnlyCollection<string> streamIds, CancellationToken cancellationToken)
        {
            var versions = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var streamId in streamIds)
            {
                if (await statements.StreamVersionAsync(streamId, cancellationToken) is { } version)
                    versions[streamId] = version;
            }
            return versions;
        }

        public async Task CommitAsync(IReadOnlyList<PendingEvent> pending, CancellationToken cancellationToken)
        {
            // SQLite keeps the text byte for byte: the chain is computed over it as given.
            var events = HashChain.Link(Head.Hash, pending);
            // The head moves first: the log's insert guard takes no row past the recorded head.
            await statements.UpdateHeadAsync(events[^1], cancellationToken);
            foreach (var e in events)
                await statements.InsertAsync(e, cancellationToken);
            await tx.CommitAsync(cancellationToken);
        }

        public ValueTask DisposeAsync() => tx.DisposeAsync();
    }
}
