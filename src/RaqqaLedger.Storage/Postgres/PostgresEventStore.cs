using System.Runtime.CompilerServices;
using Npgsql;
using NpgsqlTypes;
using RaqqaLedger.Storage.GroupCommit;

namespace RaqqaLedger.Storage.Postgres;

/// <summary>
/// The production store. Every write transaction first locks the single ledger_head row, so several
/// processes may append to one database at once and positions stay gapless and in commit order.
/// Each store lives in its own schema (default "ledger"), so one database can hold several ledgers.
/// </summary>
public sealed class PostgresEventStore : GroupCommitEventStore
{
    public const string DefaultSchema = "ledger";
    private const string Columns = "position, stream_id, stream_version, event_id, type, data, metadata, recorded_at, hash";

    private readonly NpgsqlDataSource dataSource;
    private readonly string schema;

    private PostgresEventStore(NpgsqlDataSource dataSource, string schema, TimeProvider? clock) : base(clock)
    {
        this.dataSource = dataSource;
        this.schema = schema;
    }

    /// <summary>For the projection tables, which live in the same schema.</summary>
    internal NpgsqlDataSource DataSource => dataSource;

    public override string Describe
    {
        get
        {
            var builder = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString);
            return $"postgres:{builder.Host}:{builder.Port}/{builder.Database} schema {schema}";
        }
    }

    public static async Task<PostgresEventStore> OpenAsync(string connectionString, string schema = DefaultSchema,
        TimeProvider? clock = null, CancellationToken cancellationToken = default)
    {
        if (!System.Text.RegularExpressions.Regex.IsMatch(schema, "^[a-z_][a-z0-9_]{0,62}$"))
            throw new ArgumentException($"invalid schema name '{schema}'", nameof(schema));
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { SearchPath = schema };
        var dataSource = NpgsqlDataSource.Create(builder.ConnectionString);
        var store = new PostgresEventStore(dataSource, schema, clock);
        try
        {
            await store.MigrateAsync(cancellationToken);
        }
        catch
        {
            await dataSource.DisposeAsync();
            throw;
        }
        store.StartWriter();
        return store;
    }

    private async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        // Serializes processes migrating the same schema at once.
        await Execute(connection, tx, $"SELECT pg_advisory_xact_lock(hashtext('raqqa-ledger-migrate:{schema}'))", cancellationToken);
        await Execute(connection, tx, $"CREATE SCHEMA IF NOT EXISTS {schema}", cancellationToken);
        await SqlScripts.MigrateAsync(connection, tx, "Postgres",
            "CREATE TABLE IF NOT EXISTS schema_migrations (version int PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())",
            cancellationToken);
        await tx.CommitAsync(cancellationToken);
    }

    protected override async Task<IWriteBatch> BeginWriteAsync(CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            var tx = await connection.BeginTransactionAsync(cancellationToken);
            await using var cmd = new NpgsqlCommand("SELECT position, hash FROM ledger_head WHERE id = 1 FOR UPDATE", connection, tx);
            await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
                throw new InvalidOperationException("the ledger_head row is missing");
            var head = new LogHead(reader.GetInt64(0), reader.GetFieldValue<byte[]>(1));
            return new WriteBatch(connection, tx, head);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public override async IAsyncEnumerable<RecordedEvent> ReadStreamAsync(string streamId, long fromVersion = 0,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var cmd = dataSource.CreateCommand(
            $"SELECT {Columns} FROM events WHERE stream_id = $1 AND stream_version >= $2 ORDER BY stream_version");
        cmd.Parameters.AddWithValue(streamId);
        cmd.Parameters.AddWithValue(fromVersion);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            yield return ReadEvent(reader);
    }

    protected override async Task<IReadOnlyList<RecordedEvent>> ReadAllCoreAsync(long fromPosition, int maxCount, CancellationToken cancellationToken)
    {
        await using var cmd = dataSource.CreateCommand($"SELECT {Columns} FROM events WHERE position >= $1 ORDER BY position LIMIT $2");
        cmd.Parameters.AddWithValue(fromPosition);
        cmd.Parameters.AddWithValue(maxCount);
        return await ReadPageAsync(cmd, maxCount, cancellationToken);
    }

    protected override async Task<IReadOnlyList<RecordedEvent>> ReadAllOfTypesCoreAsync(long fromPosition, long toPosition, IReadOnlyCollection<string> types, int maxCount,
        CancellationToken cancellationToken)
    {
        await using var cmd = OfTypes(Columns, fromPosition, toPosition, types, maxCount);
        return await ReadPageAsync(cmd, maxCount, cancellationToken);
    }

    protected override async Task<IReadOnlyList<EventPayload>> ReadPayloadsOfTypesCoreAsync(long fromPosition, long toPosition, IReadOnlyCollection<string> types, int maxCount,
        CancellationToken cancellationToken)
    {
        await using var cmd = OfTypes("position, type, data, recorded_at", fromPosition, toPosition, types, maxCount);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        var events = new List<EventPayload>(Math.Min(maxCount, 1024));
        var names = types.ToDictionary(t => t, t => t, StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            var type = reader.GetString(1);
            events.Add(new EventPayload(reader.GetInt64(0), names.GetValueOrDefault(type, type), System.Text.Encoding.UTF8.GetBytes(reader.GetString(2)),
                new DateTimeOffset(reader.GetFieldValue<DateTime>(3), TimeSpan.Zero)));
        }
        return events;
    }

    /// <summary>The events of some types within a range of positions, in order: these columns of them.</summary>
    private NpgsqlCommand OfTypes(string columns, long fromPosition, long toPosition, IReadOnlyCollection<string> types, int maxCount)
    {
        var cmd = dataSource.CreateCommand($"SELECT {columns} FROM events WHERE position BETWEEN $1 AND $2 AND type = ANY($3) ORDER BY position LIMIT $4");
        cmd.Parameters.AddWithValue(fromPosition);
        cmd.Parameters.AddWithValue(toPosition);
        cmd.Parameters.AddWithValue(types.ToArray());
        cmd.Parameters.AddWithValue(maxCount);
        return cmd;
    }

    private static async Task<IReadOnlyList<RecordedEvent>> ReadPageAsync(NpgsqlCommand cmd, int maxCount, CancellationToken cancellationToken)
    {
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        var events = new List<RecordedEvent>(Math.Min(maxCount, 1024));
        while (await reader.ReadAsync(cancellationToken))
            events.Add(ReadEvent(reader));
        return events;
    }

    public override async Task<long?> GetStreamVersionAsync(string streamId, CancellationToken cancellationToken = default)
    {
        await using var cmd = dataSource.CreateCommand("SELECT max(stream_version) FROM events WHERE stream_id = $1");
        cmd.Parameters.AddWithValue(streamId);
        return await cmd.ExecuteScalarAsync(cancellationToken) is long version ? version : null;
    }

    public override async Task<LogHead> ReadHeadAsync(CancellationToken cancellationToken = default)
    {
        await using var cmd = dataSource.CreateCommand("SELECT position, hash FROM ledger_head WHERE id = 1");
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
            throw new InvalidOperationException("the ledger_head row is missing");
        return new LogHead(reader.GetInt64(0), reader.GetFieldValue<byte[]>(1));
    }

    protected override ValueTask DisposeCoreAsync() => dataSource.DisposeAsync();

    private static RecordedEvent ReadEvent(NpgsqlDataReader r) => new(
        r.GetInt64(0), r.GetString(1), r.GetInt64(2), r.GetGuid(3), r.GetString(4), r.GetString(5), r.GetString(6),
        new DateTimeOffset(r.GetFieldValue<DateTime>(7), TimeSpan.Zero), r.GetFieldValue<byte[]>(8));

    private static async Task Execute(NpgsqlConnection connection, NpgsqlTransaction tx, string sql, CancellationToken cancellationToken)
    {
        await using var cmd = new NpgsqlCommand(sql, connection, tx);
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }

    private sealed class WriteBatch(NpgsqlConnection connection, NpgsqlTransaction tx, LogHead head) : IWriteBatch
    {
        public LogHead Head { get; } = head;

        public async Task<IReadOnlyDictionary<string, long>> GetStreamVersionsAsync(IReadOnlyCollection<string> streamIds, CancellationToken cancellationToken)
        {
            // One index probe per stream (max over the unique (stream_id, stream_version) index), however
            // young the table's statistics: a plain "= ANY ... GROUP BY" may be planned as a full scan.
            await using var cmd = new NpgsqlCommand(
                "SELECT s.id, (SELECT max(stream_version) FROM events WHERE stream_id = s.id) FROM unnest($1::text[]) AS s(id)", connection, tx);
            cmd.Parameters.AddWithValue(streamIds.ToArray());
            await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
            var versions = new Dictionary<string, long>(StringComparer.Ordinal);
            while (await reader.ReadAsync(cancellationToken))
            {
                if (!reader.IsDBNull(1))
                    versions[reader.GetString(0)] = reader.GetInt64(1);
            }
            return versions;
        }

        public async Task CommitAsync(IReadOnlyList<RecordedEvent> events, CancellationToken cancellationToken)
        {
            // The head moves first: the log's insert guard takes no row past the recorded head.
            await using (var head = new NpgsqlCommand("UPDATE ledger_head SET position = $1, hash = $2 WHERE id = 1", connection, tx))
            {
                head.Parameters.AddWithValue(events[^1].Position);
                head.Parameters.AddWithValue(events[^1].Hash);
                await head.ExecuteNonQueryAsync(cancellationToken);
            }
            // Binary COPY: the fastest way PostgreSQL takes rows, one round trip for the whole batch.
            await using (var import = await connection.BeginBinaryImportAsync($"COPY events ({Columns}) FROM STDIN (FORMAT BINARY)", cancellationToken))
            {
                foreach (var e in events)
                {
                    await import.StartRowAsync(cancellationToken);
                    await import.WriteAsync(e.Position, NpgsqlDbType.Bigint, cancellationToken);
                    await import.WriteAsync(e.StreamId, NpgsqlDbType.Text, cancellationToken);
                    await import.WriteAsync(e.StreamVersion, NpgsqlDbType.Bigint, cancellationToken);
                    await import.WriteAsync(e.EventId, NpgsqlDbType.Uuid, cancellationToken);
                    await import.WriteAsync(e.Type, NpgsqlDbType.Text, cancellationToken);
                    await import.WriteAsync(e.Data, NpgsqlDbType.Json, cancellationToken);
                    await import.WriteAsync(e.Metadata, NpgsqlDbType.Json, cancellationToken);
                    await import.WriteAsync(e.RecordedAt.UtcDateTime, NpgsqlDbType.TimestampTz, cancellationToken);
                    await import.WriteAsync(e.Hash, NpgsqlDbType.Bytea, cancellationToken);
                }
                await import.CompleteAsync(cancellationToken);
            }
            await tx.CommitAsync(cancellationToken);
        }

        public async ValueTask DisposeAsync()
        {
            await tx.DisposeAsync();
            await connection.DisposeAsync();
        }
    }
}
