using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace RaqqaLedger.Views;

/// <summary>Where a projection stands: the last position it applied, and the version and generation of its tables.</summary>
/// <param name="Generation">How many times its tables were built; index names carry it, so a rebuild never collides with the live set.</param>
/// <param name="BuildToken">Set while a replay builds fresh tables; the replay that owns it is the only one allowed to swap.</param>
/// <param name="BuildPosition">How far the fresh tables have got.</param>
public sealed record Checkpoint(string Name, int Version, long Position, int Generation, string? BuildToken, long BuildPosition, DateTimeOffset? RebuiltAt);

/// <summary>
/// The projection tables' home: the same SQLite file or PostgreSQL schema as the log. SQL here is
/// written once for both engines (TEXT, BIGINT, INTEGER, ON CONFLICT); what differs — how a writer
/// takes the lock, how a table is looked up — is in the two small subclasses.
/// </summary>
public abstract class ViewDatabase : IAsyncDisposable
{
    public const string CheckpointTable = "view_checkpoints";

    /// <summary>The views in the SQLite file of the log.</summary>
    public static ViewDatabase OnSqlite(string connectionString) => new SqliteViews(connectionString);

    /// <summary>The views in the PostgreSQL schema of the log, on the log's data source (which the log owns).</summary>
    public static ViewDatabase OnPostgres(NpgsqlDataSource dataSource) => new PostgresViews(dataSource);

    public abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>A write transaction holding the lock on one projection's checkpoint: writers of one projection take turns.</summary>
    public async Task<ViewTransaction> BeginWriteAsync(string projection, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken);
        try
        {
            var tx = await BeginLockedAsync(connection, cancellationToken);
            var session = new ViewTransaction(connection, tx);
            await session.ExecuteAsync(
                $"INSERT INTO {CheckpointTable} (name, version, position, generation, build_position) VALUES (@name, 0, 0, 0, 0) ON CONFLICT (name) DO NOTHING",
                cancellationToken, ("@name", projection));
            session.Checkpoint = await ReadCheckpointAsync(session.Connection, tx, projection, LockRowSuffix, cancellationToken)
                ?? throw new InvalidOperationException($"the checkpoint of {projection} is missing");
            return session;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async Task EnsureCheckpointTableAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = $"""
            CREATE TABLE IF NOT EXISTS {CheckpointTable} (
                name           TEXT    NOT NULL PRIMARY KEY,
                version        INTEGER NOT NULL,
                position       BIGINT  NOT NULL,
                generation     INTEGER NOT NULL,
                build_token    TEXT    NULL,
                build_position BIGINT  NOT NULL,
                rebuilt_at     TEXT    NULL
            )
            """;
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<Checkpoint?> ReadCheckpointAsync(string projection, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await ReadCheckpointAsync(connection, null, projection, "", cancellationToken);
    }

    public async Task<bool> TableExistsAsync(string table, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = TableExistsSql;
        ViewTransaction.Add(cmd, "@table", table);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    protected abstract Task<DbTransaction> BeginLockedAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>Appended to the checkpoint read inside a write transaction.</summary>
    protected abstract string LockRowSuffix { get; }

    /// <summary>Counts tables named @table in this store.</summary>
    protected abstract string TableExistsSql { get; }

    public abstract ValueTask DisposeAsync();

    private static async Task<Checkpoint?> ReadCheckpointAsync(DbConnection connection, DbTransaction? tx, string projection, string suffix, CancellationToken cancellationToken)
    {
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = $"SELECT version, position, generation, build_token, build_position, rebuilt_at FROM {CheckpointTable} WHERE name = @name{suffix}";
        ViewTransaction.Add(cmd, "@name", projection);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
            return null;
        return new Checkpoint(projection, Convert.ToInt32(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture), reader.GetInt64(1),
            Convert.ToInt32(reader.GetValue(2), System.Globalization.CultureInfo.InvariantCulture),
            reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetInt64(4),
            reader.IsDBNull(5) ? null : DateTimeOffset.Parse(reader.GetString(5), System.Globalization.CultureInfo.InvariantCulture));
    }

    private sealed class SqliteViews(string connectionString) : ViewDatabase
    {
        public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
        {
            var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            // Pages read through a memory map, not copied in by a system call each: a page of claims reads
            // a hundred rows scattered over a file of gigabytes.
            await using (var map = new SqliteCommand("PRAGMA mmap_size = 4294967296", connection))
                await map.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }

        // BEGIN IMMEDIATE takes the file's write lock at once: one writer at a time, across processes too.
        protected override Task<DbTransaction> BeginLockedAsync(DbConnection connection, CancellationToken cancellationToken) =>
            Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));

        protected override string LockRowSuffix => "";

        protected override string TableExistsSql => "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = @table";

        public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private sealed class PostgresViews(NpgsqlDataSource dataSource) : ViewDatabase
    {
        public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) => await dataSource.OpenConnectionAsync(cancellationToken);

        protected override async Task<DbTransaction> BeginLockedAsync(DbConnection connection, CancellationToken cancellationToken) =>
            await connection.BeginTransactionAsync(cancellationToken);

        // The row lock on the projection's checkpoint serializes its writers across processes.
        protected override string LockRowSuffix => " FOR UPDATE";

        protected override string TableExistsSql => "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = @table";

        // The data source belongs to the event store.
        public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

/// <summary>One write transaction on the projection tables, with the checkpoint it started from.</summary>
public sealed class ViewTransaction(DbConnection connection, DbTransaction transaction) : IAsyncDisposable
{
    public DbConnection Connection { get; } = connection;
    public DbTransaction Transaction { get; } = transaction;
    public Checkpoint Checkpoint { get; internal set; } = null!;

    /// <summary>Told of an event a fold skipped because its payload could not be read: its position and why.</summary>
    internal Action<long, string>? Skipped { get; set; }

    /// <summary>A fold skips an event it cannot read, rather than stop every view at it.</summary>
    public void Skip(long position, string problem) => Skipped?.Invoke(position, problem);

    public DbCommand Command(string sql)
    {
        var cmd = Connection.CreateCommand();
        cmd.Transaction = Transaction;
        cmd.CommandText = sql;
        return cmd;
    }

    public async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var cmd = Command(sql);
        foreach (var (name, value) in parameters)
            Add(cmd, name, value);
        return await cmd.ExecuteNonQueryAsync(cancellationToken);
    }

    public Task SaveCheckpointAsync(Checkpoint checkpoint, CancellationToken cancellationToken) =>
        ExecuteAsync($"""
            UPDATE {ViewDatabase.CheckpointTable}
            SET version = @version, position = @position, generation = @generation, build_token = @token, build_position = @build, rebuilt_at = @rebuilt
            WHERE name = @name
            """, cancellationToken,
            ("@version", checkpoint.Version), ("@position", checkpoint.Position), ("@generation", checkpoint.Generation),
            ("@token", checkpoint.BuildToken), ("@build", checkpoint.BuildPosition),
            ("@rebuilt", checkpoint.RebuiltAt?.ToString("O", System.Globalization.CultureInfo.InvariantCulture)), ("@name", checkpoint.Name));

    public Task CommitAsync(CancellationToken cancellationToken) => Transaction.CommitAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await Transaction.DisposeAsync();
        await Connection.DisposeAsync();
    }

    /// <summary>Adds a parameter; null goes in as SQL NULL.</summary>
    public static DbParameter Add(DbCommand cmd, string name, object? value)
    {
        var parameter = cmd.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        cmd.Parameters.Add(parameter);
        return parameter;
    }
}
