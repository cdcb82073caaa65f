using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using JasperFx;
using JasperFx.Events;
using Marten;
using Marten.Services;
using Npgsql;
using RaqqaLedger.EventStore.GroupCommit;

namespace RaqqaLedger.EventStore.Marten;

/// <summary>
/// The production store: the log lives in Marten's event store (mt_events, mt_streams) in its own schema
/// (default "ledger"), where any .NET service using Marten can read, subscribe to and project it. The
/// ledger's writer adds what Marten does not give: it owns the transaction, locks the single ledger_head
/// row so several processes may append at once, appends through a Marten session on that transaction,
/// then chains the new rows into ledger_chain (a gapless position in commit order and a hash over the
/// text as Marten stored it). The log is read by chain position, never by Marten's seq_id, which
/// concurrent transactions commit out of order.
/// </summary>
public sealed class MartenEventStore : GroupCommitEventStore
{
    public const string DefaultSchema = "ledger";

    /// <summary>The log's columns as a <see cref="RecordedEvent"/> holds them: Marten's versions count from 1, the ledger's from 0.</summary>
    private const string Columns =
        "c.position, e.stream_id, e.version - 1, e.id, e.type, e.data::text, e.headers::text, e.timestamp, c.hash";
    private const string Log = "ledger_chain c JOIN mt_events e ON e.seq_id = c.seq_id";

    private readonly NpgsqlDataSource dataSource;
    private readonly DocumentStore marten;
    private readonly string schema;

    private MartenEventStore(NpgsqlDataSource dataSource, DocumentStore marten, string schema, TimeProvider? clock) : base(clock)
    {
        this.dataSource = dataSource;
        this.marten = marten;
        this.schema = schema;
    }

    /// <summary>For the projection tables, which live in the same schema.</summary>
    public NpgsqlDataSource DataSource => dataSource;

    public override string Describe
    {
        get
        {
            var builder = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString);
            return $"postgres:{builder.Host}:{builder.Port}/{builder.Database} schema {schema} (Marten)";
        }
    }

    public static async Task<MartenEventStore> OpenAsync(string connectionString, string schema = DefaultSchema,
        TimeProvider? clock = null, CancellationToken cancellationToken = default)
    {
        if (!System.Text.RegularExpressions.Regex.IsMatch(schema, "^[a-z_][a-z0-9_]{0,62}$"))
            throw new ArgumentException($"invalid schema name '{schema}'", nameof(schema));
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { SearchPath = schema };
        var dataSource = NpgsqlDataSource.Create(builder.ConnectionString);
        var marten = new DocumentStore(Options(dataSource, schema));
        var store = new MartenEventStore(dataSource, marten, schema, clock);
        try
        {
            await store.MigrateAsync(cancellationToken);
        }
        catch
        {
            marten.Dispose();
            await dataSource.DisposeAsync();
            throw;
        }
        store.StartWriter();
        return store;
    }

    /// <summary>
    /// How the ledger configures Marten: string stream keys, the Quick append (one call per stream; the
    /// writer checks expected versions itself, under the head lock, so Marten need not), the commit time
    /// set by the writer rather than the server, and each event's metadata kept as its headers.
    /// </summary>
    public static StoreOptions Options(NpgsqlDataSource dataSource, string schema)
    {
        var options = new StoreOptions();
        options.Connection(dataSource);
        options.DatabaseSchemaName = schema;
        options.Events.DatabaseSchemaName = schema;
        options.Events.StreamIdentity = StreamIdentity.AsString;
        // Despite its name this Quick mode stores each event's Timestamp as the client set it (plain Quick
        // stores the server's now()): the ledger's commit time comes from its writer's clock.
        options.Events.AppendMode = EventAppendMode.QuickWithServerTimestamps;
        options.Events.MetadataConfig.HeadersEnabled = true;
        options.Events.MapEventType<StoredJson>("ledger-event");
        // The schema is applied once, by OpenAsync; sessions never check it again.
        options.AutoCreateSchemaObjects = AutoCreate.None;
        return options;
    }

    private async Task MigrateAsync(CancellationToken cancellationToken)
    {
        // One process at a time sets the schema up: Marten's objects first, then the ledger's chain and guards on them.
        await using var lockConnection = await dataSource.OpenConnectionAsync(cancellationToken);
        await Execute(lockConnection, null, $"SELECT pg_advisory_lock(hashtext('raqqa-ledger-migrate:{schema}'))", cancellationToken);
        try
        {
            await Execute(lockConnection, null, $"CREATE SCHEMA IF NOT EXISTS {schema}", cancellationToken);
            await RefuseEarlierLayoutAsync(lockConnection, cancellationToken);
            await marten.Storage.ApplyAllConfiguredChangesToDatabaseAsync(AutoCreate.CreateOrUpdate);
            await using var tx = await lockConnection.BeginTransactionAsync(cancellationToken);
            await SqlScripts.MigrateAsync(lockConnection, tx, "Marten",
                "CREATE TABLE IF NOT EXISTS schema_migrations (version int PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())",
                cancellationToken);
            await tx.CommitAsync(cancellationToken);
        }
        finally
        {
            await Execute(lockConnection, null, $"SELECT pg_advisory_unlock(hashtext('raqqa-ledger-migrate:{schema}'))", CancellationToken.None);
        }
    }

    /// <summary>
    /// A schema written by the ledger's earlier PostgreSQL store (its own events table, no chain beside
    /// Marten's): its migration record would pass for this one's, so it is refused rather than half-migrated.
    /// </summary>
    private async Task RefuseEarlierLayoutAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var cmd = new NpgsqlCommand(
            "SELECT to_regclass($1) IS NOT NULL AND to_regclass($2) IS NULL", connection);
        cmd.Parameters.AddWithValue($"{schema}.events");
        cmd.Parameters.AddWithValue($"{schema}.ledger_chain");
        if (await cmd.ExecuteScalarAsync(cancellationToken) is true)
            throw new ArgumentException($"schema '{schema}' holds a ledger in the PostgreSQL layout before Marten (its own events table); "
                + "this release keeps the log in Marten's tables and cannot open it: name another schema with Schema=NAME");
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
            return new WriteBatch(marten, connection, tx, head);
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
        await using var cmd = dataSource.CreateCommand($"SELECT {Columns} FROM {Log} WHERE e.stream_id = $1 AND e.version > $2 ORDER BY e.version");
        cmd.Parameters.AddWithValue(streamId);
        cmd.Parameters.AddWithValue(fromVersion);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            yield return ReadEvent(reader);
    }

    protected override async Task<IReadOnlyList<RecordedEvent>> ReadAllCoreAsync(long fromPosition, int maxCount, CancellationToken cancellationToken)
    {
        await using var cmd = dataSource.CreateCommand($"SELECT {Columns} FROM {Log} WHERE c.position >= $1 ORDER BY c.position LIMIT $2");
        cmd.Parameters.AddWithValue(fromPosition);
        cmd.Parameters.AddWithValue(maxCount);
        return await ReadPageAsync<NpgsqlDataReader>(cmd, maxCount, ReadEvent, cancellationToken);
    }

    protected override async Task<IReadOnlyList<RecordedEvent>> ReadAllOfTypesCoreAsync(long fromPosition, long toPosition, IReadOnlyCollection<string> types, int maxCount,
        CancellationToken cancellationToken)
    {
        await using var cmd = OfTypes(Columns, fromPosition, toPosition, types, maxCount);
        return await ReadPageAsync<NpgsqlDataReader>(cmd, maxCount, ReadEvent, cancellationToken);
    }

    protected override async Task<IReadOnlyList<EventPayload>> ReadPayloadsOfTypesCoreAsync(long fromPosition, long toPosition, IReadOnlyCollection<string> types, int maxCount,
        CancellationToken cancellationToken)
    {
        await using var cmd = OfTypes("c.position, e.type, e.data::text, e.timestamp", fromPosition, toPosition, types, maxCount);
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
        var cmd = dataSource.CreateCommand($"SELECT {columns} FROM {Log} WHERE c.position BETWEEN $1 AND $2 AND e.type = ANY($3) ORDER BY c.position LIMIT $4");
        cmd.Parameters.AddWithValue(fromPosition);
        cmd.Parameters.AddWithValue(toPosition);
        cmd.Parameters.AddWithValue(types.ToArray());
        cmd.Parameters.AddWithValue(maxCount);
        return cmd;
    }

    public override async Task<long?> GetStreamVersionAsync(string streamId, CancellationToken cancellationToken = default)
    {
        await using var cmd = dataSource.CreateCommand($"SELECT max(e.version) - 1 FROM {Log} WHERE e.stream_id = $1");
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

    protected override async ValueTask DisposeCoreAsync()
    {
        marten.Dispose();
        await dataSource.DisposeAsync();
    }

    private static RecordedEvent ReadEvent(NpgsqlDataReader r) => new(
        r.GetInt64(0), r.GetString(1), r.GetInt64(2), r.GetGuid(3), r.GetString(4), r.GetString(5), r.GetString(6),
        new DateTimeOffset(r.GetFieldValue<DateTime>(7), TimeSpan.Zero), r.GetFieldValue<byte[]>(8));

    private static async Task Execute(NpgsqlConnection connection, NpgsqlTransaction? tx, string sql, CancellationToken cancellationToken)
    {
        await using var cmd = new NpgsqlCommand(sql, connection, tx);
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }

    private sealed class WriteBatch(DocumentStore marten, NpgsqlConnection connection, NpgsqlTransaction tx, LogHead head) : IWriteBatch
    {
        public LogHead Head { get; } = head;

        public async Task<IReadOnlyDictionary<string, long>> GetStreamVersionsAsync(IReadOnlyCollection<string> streamIds, CancellationToken cancellationToken)
        {
            // The last version of each stream, leaving out the tombstone rows Marten writes for a failed
            // transaction of its own, which are not the ledger's.
            await using var cmd = new NpgsqlCommand(
                "SELECT s.id, (SELECT max(e.version) - 1 FROM mt_events e WHERE e.stream_id = s.id AND e.type <> 'tombstone') FROM unnest($1::text[]) AS s(id)",
                connection, tx);
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

        public async Task CommitAsync(IReadOnlyList<PendingEvent> events, CancellationToken cancellationToken)
        {
            // Appended through Marten on the writer's transaction, each stream's events in one call. Marten's
            // event for each of ours is kept by its place in the batch: event ids need not be unique.
            var written = new IEvent[events.Count];
            await using (var session = marten.LightweightSession(SessionOptions.ForTransaction(tx)))
            {
                foreach (var stream in Enumerable.Range(0, events.Count).GroupBy(i => events[i].StreamId, StringComparer.Ordinal))
                {
                    var action = session.Events.Append(stream.Key, stream.Select(i => (object)new StoredJson(events[i].Data)).ToArray());
                    foreach (var (i, asMarten) in stream.Zip(action.Events))
                    {
                        var e = events[i];
                        asMarten.Id = e.EventId;
                        asMarten.EventTypeName = e.Type;
                        asMarten.DotNetTypeName = null!;
                        asMarten.Timestamp = e.RecordedAt;
                        asMarten.Headers = Headers(e.Metadata);
                        written[i] = asMarten;
                    }
                }
                await session.SaveChangesAsync(cancellationToken);
            }

            // Chained over the text as Marten stored it: jsonb orders keys its own way.
            var stored = await StoredTextAsync([.. written.Select(e => e.Sequence)], cancellationToken);
            var placed = events.Select((e, i) =>
            {
                var (data, metadata, version) = stored[written[i].Sequence];
                // Only the ledger's writer appends to its streams; anything else has broken that and is not chained over.
                if (version != e.StreamVersion)
                    throw new InvalidOperationException(
                        $"Marten placed an event of stream '{e.StreamId}' at version {version}, the ledger's writer at {e.StreamVersion}: something else appends to this schema");
                return e with { Data = data, Metadata = metadata };
            }).ToList();
            var chained = HashChain.Link(Head.Hash, placed);

            // One round trip: the head moves first (the chain's insert guard takes no position past it), then the chain.
            await using (var chain = new NpgsqlBatch(connection, tx))
            {
                var head = new NpgsqlBatchCommand("UPDATE ledger_head SET position = $1, hash = $2 WHERE id = 1");
                head.Parameters.AddWithValue(chained[^1].Position);
                head.Parameters.AddWithValue(chained[^1].Hash);
                var rows = new NpgsqlBatchCommand("INSERT INTO ledger_chain (position, seq_id, hash) SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::bytea[])");
                rows.Parameters.AddWithValue(chained.Select(e => e.Position).ToArray());
                rows.Parameters.AddWithValue(written.Select(e => e.Sequence).ToArray());
                rows.Parameters.AddWithValue(chained.Select(e => e.Hash).ToArray());
                chain.BatchCommands.Add(head);
                chain.BatchCommands.Add(rows);
                await chain.ExecuteNonQueryAsync(cancellationToken);
            }
            await tx.CommitAsync(cancellationToken);
        }

        private async Task<Dictionary<long, (string Data, string Metadata, long Version)>> StoredTextAsync(long[] sequences, CancellationToken cancellationToken)
        {
            await using var cmd = new NpgsqlCommand(
                "SELECT seq_id, data::text, headers::text, version - 1 FROM mt_events WHERE seq_id = ANY($1)", connection, tx);
            cmd.Parameters.AddWithValue(sequences);
            await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
            var stored = new Dictionary<long, (string, string, long)>(sequences.Length);
            while (await reader.ReadAsync(cancellationToken))
                stored[reader.GetInt64(0)] = (reader.GetString(1), reader.GetString(2), reader.GetInt64(3));
            return stored;
        }

        /// <summary>An event's metadata object as Marten headers: one header per property, values as they are.</summary>
        private static Dictionary<string, object> Headers(string metadata)
        {
            using var document = JsonDocument.Parse(metadata);
            return document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => (object)p.Value.Clone(), StringComparer.Ordinal);
        }

        public async ValueTask DisposeAsync()
        {
            await tx.DisposeAsync();
            await connection.DisposeAsync();
        }
    }
}

/// <summary>An event's data, already JSON: written to Marten as it stands, so the store needs no type for it.</summary>
[JsonConverter(typeof(StoredJsonConverter))]
public sealed class StoredJson(string json)
{
    public string Json { get; } = json;
}

internal sealed class StoredJsonConverter : JsonConverter<StoredJson>
{
    public override StoredJson Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return new StoredJson(document.RootElement.GetRawText());
    }

    public override void Write(Utf8JsonWriter writer, StoredJson value, JsonSerializerOptions options) =>
        writer.WriteRawValue(value.Json, skipInputValidation: true);
}
