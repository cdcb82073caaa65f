using System.Diagnostics;
using Microsoft.Data.Sqlite;
using JasperFx.Events;
using Marten;
using Npgsql;
using NpgsqlTypes;
using RaqqaLedger.EventStore;
using RaqqaLedger.EventStore.Marten;
using RaqqaLedger.EventStore.Sqlite;

namespace RaqqaLedger.Benchmarks;

/// <summary>One figure: the ledger's rate, the raw baseline's rate measured beside it, and their ratio.</summary>
public sealed record AppendFigure(string Engine, int Batch, double LedgerEventsPerSecond, double BaselineEventsPerSecond, double Ratio, int Events);

/// <summary>
/// Appends through the ledger (group commit, expected versions, hash chain, append-only triggers)
/// against the same rows written by the plainest fast path each engine has, in the same run:
/// prepared INSERTs in transactions of the batch size on SQLite (WAL), binary COPY per batch on
/// PostgreSQL (data and metadata as jsonb, as Marten keeps them), into a table of the same columns
/// with the same unique (stream, version) index and no ledger logic. Rounds alternate ledger and baseline, each on a fresh table; medians are reported.
/// </summary>
public static class AppendBenchmark
{
    private static readonly string Payload = "{\"articleId\":\"" + new string('a', 64) + "\",\"topic\":\"fighters.departed.count\",\"value\":{\"approx\":275},"
        + "\"speaker\":\"SDF\",\"quote\":\"The SDF later said in a statement that around 275 local fighters and their families had left as part of the deal.\",\"rule\":\"fdc.left\",\"n\":0}";

    private const string Metadata = "{\"correlationId\":\"bench\",\"causationId\":null,\"actor\":\"bench\",\"ruleSetVersion\":1}";

    /// <summary>
    /// Each engine at batches of 1, 100 and 1,000; SQLite both synced to disk at each commit (FULL, the
    /// default) and not (NORMAL, full run only); and single appends from 32 writers at once, where group commit shares
    /// one sync among the appends that wait together (its baseline: single INSERTs, one per transaction).
    /// </summary>
    /// <param name="only">One engine's cases alone ("sqlite" or "postgres"), or null for both.</param>
    public static async Task<IReadOnlyList<AppendFigure>> RunAsync(string? postgres, bool quick, Action<string> progress, string? only = null)
    {
        var figures = new List<AppendFigure>();
        var rounds = quick ? 1 : 3;
        var cases = new List<(string Engine, int Batch, int Writers)>();
        // The quick run (the test suite's) leaves out the relaxed sync, the full run measures it beside the default.
        var sqlite = quick ? new[] { "sqlite" } : ["sqlite", "sqlite-normal"];
        foreach (var engine in postgres is null ? sqlite : [.. sqlite, "postgres"])
        {
            if (only is not null && !engine.StartsWith(only, StringComparison.Ordinal))
                continue;
            foreach (var batch in new[] { 1, 100, 1000 })
                cases.Add((engine, batch, 1));
            if (engine != "postgres")
                cases.Add((engine, 1, 32));
        }
        // Marten's own append paths alone (no head lock, no chain), to show where the ledger's PostgreSQL time goes.
        if (postgres is not null && !quick && only is not "sqlite")
        {
            foreach (var mode in MartenModes)
            {
                // A bulk insert only creates streams, so it gets whole streams: batches of ten events or more.
                foreach (var batch in mode == "marten-bulk" ? [100, 1000] : new[] { 1, 100, 1000 })
                    cases.Add((mode, batch, 1));
            }
        }
        foreach (var (engine, batch, writers) in cases)
        {
            // Marten alone is measured for where the time goes, on fewer events.
            var events = MartenModes.Contains(engine) ? (batch == 1 ? 2_000 : 20_000) : batch == 1 ? (quick ? 2_000 : 5_000) : (quick ? 20_000 : 100_000);
            var ledger = new List<double>();
            var baseline = new List<double>();
            for (var round = 0; round < rounds; round++)
            {
                progress($"append {engine}, batches of {batch}, {writers} writer(s): round {round + 1} of {rounds}");
                var onPostgres = engine == "postgres" || MartenModes.Contains(engine);
                baseline.Add(onPostgres ? await PostgresBaselineAsync(postgres!, batch, events) : await SqliteBaselineAsync(batch, events, Sync(engine)));
                ledger.Add(MartenModes.Contains(engine) ? await MartenAloneAsync(engine, postgres!, batch, events) : await LedgerAsync(engine, postgres, batch, events, writers));
            }
            var l = Stats.Median(ledger);
            var b = Stats.Median(baseline);
            figures.Add(new AppendFigure(writers == 1 ? engine : $"{engine}, {writers} writers", batch, Math.Round(l), Math.Round(b), Math.Round(l / b, 3), events));
            progress($"append {engine}, batches of {batch}: {figures[^1]}");
        }
        return figures;
    }

    private static readonly string[] MartenModes = ["marten-rich", "marten-quick", "marten-quick-timestamps", "marten-bulk"];

    /// <summary>
    /// The same events appended by Marten alone, one session (or one bulk insert) per batch, in one of its
    /// append modes: what the ledger's writer pays Marten before adding its own lock and chain. The bulk
    /// insert opens its own transaction, so the ledger cannot use it (its chain must commit with the events).
    /// </summary>
    private static async Task<double> MartenAloneAsync(string mode, string connectionString, int batch, int events)
    {
        var schema = $"m_{Guid.NewGuid():N}";
        await using var dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { SearchPath = schema }.ConnectionString);
        var options = MartenEventStore.Options(dataSource, schema);
        options.Events.AppendMode = mode switch
        {
            "marten-rich" => EventAppendMode.Rich,
            "marten-quick" => EventAppendMode.Quick,
            _ => EventAppendMode.QuickWithServerTimestamps,
        };
        using var marten = new DocumentStore(options);
        await marten.Storage.ApplyAllConfiguredChangesToDatabaseAsync(JasperFx.AutoCreate.CreateOrUpdate);
        var watch = Stopwatch.StartNew();
        for (var start = 0; start < events; start += batch)
        {
            var count = Math.Min(batch, events - start);
            var streams = new List<(string Key, object[] Events)>();
            for (var i = 0; i < count; i += 10)
                streams.Add(($"claims-{(start + i) / 10:D8}", [.. Enumerable.Range(0, Math.Min(10, count - i)).Select(_ => (object)new StoredJson(Payload))]));
            await using var session = marten.LightweightSession();
            if (mode == "marten-bulk")
            {
                await marten.BulkInsertEventsAsync([.. streams.Select(s => StreamAction.Append(s.Key, [.. s.Events.Select(e => Named(session.Events.BuildEvent(e)))]))]);
                continue;
            }
            foreach (var (key, data) in streams)
            {
                foreach (var e in session.Events.Append(key, data).Events)
                    Named(e);
            }
            await session.SaveChangesAsync();
        }
        return events / watch.Elapsed.TotalSeconds;

        // As the ledger writes them: its type name, its metadata as headers.
        static IEvent Named(IEvent e)
        {
            e.EventTypeName = "claim-extracted.v1";
            e.Headers = new Dictionary<string, object> { ["correlationId"] = "bench", ["actor"] = "bench" };
            return e;
        }
    }

    private static SqliteSync Sync(string engine) => engine == "sqlite-normal" ? SqliteSync.Normal : SqliteSync.Full;

    private static async Task<double> LedgerAsync(string engine, string? postgres, int batch, int events, int writers)
    {
        await using RaqqaLedger.EventStore.IEventStore store = engine == "postgres"
            ? await MartenEventStore.OpenAsync(postgres!, $"b_{Guid.NewGuid():N}")
            : await SqliteEventStore.OpenAsync(TempFile(), sync: Sync(engine));
        var watch = Stopwatch.StartNew();
        var next = -batch;
        // Each writer takes the next batch until none is left; with one writer, in order.
        await Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(async () =>
        {
            for (var start = Interlocked.Add(ref next, batch); start < events; start = Interlocked.Add(ref next, batch))
            {
                // Ten events per stream, as an article and its claims would be.
                var count = Math.Min(batch, events - start);
                var appends = new List<StreamAppend>();
                for (var i = 0; i < count; i += 10)
                    appends.Add(new StreamAppend($"claims-{(start + i) / 10:D8}", ExpectedVersion.Any,
                        [.. Enumerable.Range(0, Math.Min(10, count - i)).Select(_ => new NewEvent(Guid.NewGuid(), "claim-extracted.v1", Payload, Metadata))]));
                await store.AppendAsync(appends);
            }
        })));
        return events / watch.Elapsed.TotalSeconds;
    }

    private static async Task<double> SqliteBaselineAsync(int batch, int events, SqliteSync sync)
    {
        await using var connection = new SqliteConnection($"Data Source={TempFile()};Pooling=false");
        await connection.OpenAsync();
        await Execute(connection, $"PRAGMA journal_mode = WAL; PRAGMA synchronous = {(sync == SqliteSync.Full ? "FULL" : "NORMAL")};");
        await Execute(connection, "CREATE TABLE raw_events (position INTEGER PRIMARY KEY, stream_id TEXT NOT NULL, stream_version INTEGER NOT NULL, event_id TEXT NOT NULL, " +
            "type TEXT NOT NULL, data TEXT NOT NULL, metadata TEXT NOT NULL, recorded_at TEXT NOT NULL, hash BLOB NOT NULL, UNIQUE (stream_id, stream_version))");
        var hash = new byte[32];
        var watch = Stopwatch.StartNew();
        for (var start = 0; start < events; start += batch)
        {
            await using var tx = connection.BeginTransaction();
            await using var insert = new SqliteCommand("INSERT INTO raw_events VALUES ($p, $s, $v, $id, $t, $d, $m, $r, $h)", connection, tx);
            var p = insert.Parameters;
            var position = p.Add("$p", SqliteType.Integer);
            var stream = p.Add("$s", SqliteType.Text);
            var version = p.Add("$v", SqliteType.Integer);
            var id = p.Add("$id", SqliteType.Text);
            p.AddWithValue("$t", "claim-extracted.v1");
            p.AddWithValue("$d", Payload);
            p.AddWithValue("$m", Metadata);
            var recorded = p.Add("$r", SqliteType.Text);
            p.AddWithValue("$h", hash);
            insert.Prepare();
            for (var i = start; i < Math.Min(events, start + batch); i++)
            {
                position.Value = i + 1;
                stream.Value = $"claims-{i / 10:D8}";
                version.Value = i % 10;
                id.Value = Guid.NewGuid().ToString();
                recorded.Value = DateTimeOffset.UtcNow.ToString("O");
                await insert.ExecuteNonQueryAsync();
            }
            await tx.CommitAsync();
        }
        return events / watch.Elapsed.TotalSeconds;
    }

    private static async Task<double> PostgresBaselineAsync(string connectionString, int batch, int events)
    {
        var schema = $"r_{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var create = new NpgsqlCommand($"CREATE SCHEMA {schema}; CREATE TABLE {schema}.raw_events (position bigint PRIMARY KEY, stream_id text NOT NULL, " +
            "stream_version bigint NOT NULL, event_id uuid NOT NULL, type text NOT NULL, data jsonb NOT NULL, metadata jsonb NOT NULL, recorded_at timestamptz NOT NULL, " +
            "hash bytea NOT NULL, UNIQUE (stream_id, stream_version))", connection))
            await create.ExecuteNonQueryAsync();
        var hash = new byte[32];
        var watch = Stopwatch.StartNew();
        for (var start = 0; start < events; start += batch)
        {
            await using var tx = await connection.BeginTransactionAsync();
            await using (var import = await connection.BeginBinaryImportAsync(
                $"COPY {schema}.raw_events (position, stream_id, stream_version, event_id, type, data, metadata, recorded_at, hash) FROM STDIN (FORMAT BINARY)"))
            {
                for (var i = start; i < Math.Min(events, start + batch); i++)
                {
                    await import.StartRowAsync();
                    await import.WriteAsync((long)i + 1, NpgsqlDbType.Bigint);
                    await import.WriteAsync($"claims-{i / 10:D8}", NpgsqlDbType.Text);
                    await import.WriteAsync((long)(i % 10), NpgsqlDbType.Bigint);
                    await import.WriteAsync(Guid.NewGuid(), NpgsqlDbType.Uuid);
                    await import.WriteAsync("claim-extracted.v1", NpgsqlDbType.Text);
                    await import.WriteAsync(Payload, NpgsqlDbType.Jsonb);
                    await import.WriteAsync(Metadata, NpgsqlDbType.Jsonb);
                    await import.WriteAsync(DateTime.UtcNow, NpgsqlDbType.TimestampTz);
                    await import.WriteAsync(hash, NpgsqlDbType.Bytea);
                }
                await import.CompleteAsync();
            }
            await tx.CommitAsync();
        }
        return events / watch.Elapsed.TotalSeconds;
    }

    private static string TempFile()
    {
        var dir = Path.Combine(Path.GetTempPath(), "raqqa-bench");
        Directory.CreateDirectory(dir);
        return Path.Combine(dir, $"{Guid.NewGuid():N}.db");
    }

    private static async Task Execute(SqliteConnection connection, string sql)
    {
        await using var cmd = new SqliteCommand(sql, connection);
        await cmd.ExecuteNonQueryAsync();
    }
}
