using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;
using SQLitePCL;

namespace RaqqaLedger.Views;

/// <summary>
/// An INSERT or UPDATE prepared once and run for many rows of a batch. Parameters keep their values
/// from one run to the next, as a command's do. On SQLite it is the engine's own statement, bound by
/// index and stepped directly: the driver's command costs several microseconds a row in readers,
/// parameter lookups and tasks, which is most of a rebuild's write time.
/// </summary>
internal abstract partial class RowStatement : IAsyncDisposable
{
    public static RowStatement Prepare(ViewTransaction tx, string sql, params string[] names) =>
        tx.Connection is SqliteConnection sqlite ? new SqliteRowStatement(sqlite, sql, names) : new CommandRowStatement(tx, sql, names);

    /// <summary>
    /// An INSERT, as <see cref="Prepare"/> has it, unless it is of parameters only into a fresh table nothing
    /// reads before <see cref="FlushAsync"/> (<paramref name="intoFreshTable"/>, a rebuild's): then on
    /// PostgreSQL the rows wait in memory and go in by one binary COPY, instead of a round trip each, and
    /// each run counts as one row added. SQLite steps its own statement either way.
    /// </summary>
    public static async Task<RowStatement> PrepareInsertAsync(ViewTransaction tx, string sql, string[] names, bool intoFreshTable, CancellationToken cancellationToken) =>
        intoFreshTable && tx.Connection is NpgsqlConnection postgres
            ? await CopyRowStatement.PrepareAsync(postgres, sql, names, cancellationToken)
            : Prepare(tx, sql, names);

    /// <summary>Writes the rows held back, if this statement holds any back.</summary>
    public virtual Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Sets a parameter; null goes in as SQL NULL. Values are strings, integers or null.</summary>
    public abstract RowStatement Set(string name, object? value);

    /// <returns>The rows changed.</returns>
    public abstract ValueTask<int> ExecuteAsync(CancellationToken cancellationToken);

    public abstract ValueTask DisposeAsync();

    private sealed class CommandRowStatement(ViewTransaction tx, string sql, string[] names) : RowStatement
    {
        private readonly Statement statement = new(tx, sql, names);

        public override RowStatement Set(string name, object? value)
        {
            statement.Set(name, value);
            return this;
        }

        public override async ValueTask<int> ExecuteAsync(CancellationToken cancellationToken) => await statement.ExecuteAsync(cancellationToken);

        public override ValueTask DisposeAsync() => statement.DisposeAsync();
    }

    private sealed class SqliteRowStatement : RowStatement
    {
        private readonly sqlite3 db;
        private readonly sqlite3_stmt statement;
        private readonly Dictionary<string, int> indexes = new(StringComparer.Ordinal);

        public SqliteRowStatement(SqliteConnection connection, string sql, string[] names)
        {
            db = connection.Handle ?? throw new InvalidOperationException("the connection is not open");
            Check(raw.sqlite3_prepare_v2(db, sql, out statement));
            foreach (var name in names)
            {
                var index = raw.sqlite3_bind_parameter_index(statement, name);
                if (index == 0)
                    throw new ArgumentException($"no parameter {name} in: {sql}", nameof(names));
                indexes[name] = index;
            }
        }

        public override RowStatement Set(string name, object? value)
        {
            var index = indexes[name];
            Check(value switch
            {
                null => raw.sqlite3_bind_null(statement, index),
                string s => raw.sqlite3_bind_text(statement, index, s),
                long l => raw.sqlite3_bind_int64(statement, index, l),
                int i => raw.sqlite3_bind_int64(statement, index, i),
                _ => throw new ArgumentException($"{name}: a {value.GetType().Name} has no column type here", nameof(value)),
            });
            return this;
        }

        public override ValueTask<int> ExecuteAsync(CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var rc = raw.sqlite3_step(statement);
            raw.sqlite3_reset(statement);
            if (rc != raw.SQLITE_DONE)
                Check(rc);
            return ValueTask.FromResult(raw.sqlite3_changes(db));
        }

        public override ValueTask DisposeAsync()
        {
            statement.Dispose();
            return ValueTask.CompletedTask;
        }

        private void Check(int rc)
        {
            if (rc is not raw.SQLITE_OK and not raw.SQLITE_DONE and not raw.SQLITE_ROW)
                throw new SqliteException(raw.sqlite3_errmsg(db).utf8_to_string(), rc, raw.sqlite3_extended_errcode(db));
        }
    }

    private sealed partial class CopyRowStatement : RowStatement
    {
        private readonly NpgsqlConnection connection;
        private readonly string copy;
        private readonly NpgsqlDbType[] types;
        private readonly Dictionary<string, int> columnOf;
        private readonly object?[] current;
        private readonly List<object?[]> rows = [];

        private CopyRowStatement(NpgsqlConnection connection, string copy, NpgsqlDbType[] types, Dictionary<string, int> columnOf)
        {
            (this.connection, this.copy, this.types, this.columnOf) = (connection, copy, types, columnOf);
            current = new object?[types.Length];
        }

        public static async Task<RowStatement> PrepareAsync(NpgsqlConnection connection, string sql, string[] names, CancellationToken cancellationToken)
        {
            var insert = PlainInsert().Match(sql);
            if (!insert.Success)
                throw new ArgumentException($"not an INSERT of parameters only: {sql}", nameof(sql));
            var table = insert.Groups["table"].Value;
            var columns = insert.Groups["columns"].Value.Split(',', StringSplitOptions.TrimEntries);
            var parameters = insert.Groups["values"].Value.Split(',', StringSplitOptions.TrimEntries);
            if (columns.Length != parameters.Length || parameters.Except(names).Any())
                throw new ArgumentException($"columns and parameters do not pair up: {sql}", nameof(sql));
            // Binary COPY takes each value in its column's exact type.
            var typeOf = new Dictionary<string, string>(StringComparer.Ordinal);
            await using (var cmd = new NpgsqlCommand(
                "SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1", connection))
            {
                cmd.Parameters.AddWithValue(table);
                await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                    typeOf[reader.GetString(0)] = reader.GetString(1);
            }
            var types = columns.Select(c => typeOf.GetValueOrDefault(c) switch
            {
                "text" => NpgsqlDbType.Text,
                "integer" => NpgsqlDbType.Integer,
                "bigint" => NpgsqlDbType.Bigint,
                var other => throw new ArgumentException($"{table}.{c}: no COPY for column type '{other}'"),
            }).ToArray();
            return new CopyRowStatement(connection, $"COPY {table} ({string.Join(", ", columns)}) FROM STDIN (FORMAT BINARY)", types,
                parameters.Select((p, i) => (p, i)).ToDictionary(x => x.p, x => x.i, StringComparer.Ordinal));
        }

        public override RowStatement Set(string name, object? value)
        {
            current[columnOf[name]] = value;
            return this;
        }

        public override ValueTask<int> ExecuteAsync(CancellationToken cancellationToken)
        {
            rows.Add((object?[])current.Clone());
            return ValueTask.FromResult(1);
        }

        public override async Task FlushAsync(CancellationToken cancellationToken)
        {
            if (rows.Count == 0)
                return;
            await using (var import = await connection.BeginBinaryImportAsync(copy, cancellationToken))
            {
                foreach (var row in rows)
                {
                    await import.StartRowAsync(cancellationToken);
                    for (var i = 0; i < row.Length; i++)
                    {
                        switch (row[i], types[i])
                        {
                            case (null, _):
                                await import.WriteNullAsync(cancellationToken);
                                break;
                            case (var value, NpgsqlDbType.Integer):
                                await import.WriteAsync(Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture), NpgsqlDbType.Integer, cancellationToken);
                                break;
                            case (var value, NpgsqlDbType.Bigint):
                                await import.WriteAsync(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture), NpgsqlDbType.Bigint, cancellationToken);
                                break;
                            case (var value, _):
                                await import.WriteAsync((string)value, NpgsqlDbType.Text, cancellationToken);
                                break;
                        }
                    }
                }
                await import.CompleteAsync(cancellationToken);
            }
            rows.Clear();
        }

        // Rows not flushed belong to a batch that failed: its transaction rolls back without them.
        public override ValueTask DisposeAsync() => ValueTask.CompletedTask;

        [GeneratedRegex(@"^\s*INSERT INTO (?<table>\w+) \((?<columns>[^)]*)\)\s*VALUES \((?<values>[^)]*)\)\s*$", RegexOptions.Singleline)]
        private static partial Regex PlainInsert();
    }
}
