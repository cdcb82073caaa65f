using Microsoft.Data.Sqlite;

namespace RaqqaLedger.Testing;

/// <summary>The log's database guards, for tests that drop them to tamper with the log as an intruder could.</summary>
public static class LogGuards
{
    public const string RemoveSqlite = "DROP TRIGGER events_refuse_update; DROP TRIGGER events_refuse_delete; DROP TRIGGER events_refuse_insert;";

    public const string RemoveMarten =
        "DROP TRIGGER ledger_chain_refuse_change ON ledger_chain; DROP TRIGGER ledger_chain_refuse_truncate ON ledger_chain; "
        + "DROP TRIGGER ledger_chain_refuse_insert ON ledger_chain; DROP TRIGGER mt_events_refuse_change ON mt_events; "
        + "DROP TRIGGER mt_events_refuse_truncate ON mt_events;";

    /// <summary>Runs SQL on a SQLite log file directly, past the store, on a connection of its own.</summary>
    public static async Task ExecuteSqliteAsync(string path, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=false");
        await connection.OpenAsync();
        await using var cmd = new SqliteCommand(sql, connection);
        await cmd.ExecuteNonQueryAsync();
    }
}
