using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace RaqqaLedger.Storage.Projections;

/// <summary>
/// An INSERT or UPDATE prepared once and run for many rows of a batch. Parameters keep their values
/// from one run to the next, as a command's do. On SQLite it is the engine's own statement, bound by
/// index and stepped directly: the driver's command costs several microseconds a row in readers,
/// parameter lookups and tasks, which is most of a rebuild's write time.
/// </summary>
internal abstract class RowStatement : IAsyncDisposable
{
    public static RowStatement Prepare(ViewTransaction tx, string sql, params string[] names) =>
        tx.Connection is SqliteConnection sqlite ? new SqliteRowStatement(sqlite, sql, names) : new CommandRowStatement(tx, sql, names);

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
}
