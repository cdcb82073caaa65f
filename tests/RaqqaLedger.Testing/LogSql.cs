using RaqqaLedger.EventStore;

namespace RaqqaLedger.Testing;

/// <summary>
/// The SQL a saboteur with database access would run against one engine's log, so the contract suites
/// tamper the same way on each: SQLite keeps the log in one table, Marten in mt_events with the ledger's
/// chain beside it.
/// </summary>
public abstract class LogSql
{
    public static readonly LogSql Sqlite = new SqliteLogSql();
    public static readonly LogSql Marten = new MartenLogSql();

    /// <summary>Drops the append-only guards.</summary>
    public abstract string RemoveGuards { get; }

    /// <summary>A byte string as a literal of this engine.</summary>
    public abstract string Bytes(byte[] bytes);

    public string Bytes(string hex) => Bytes(Convert.FromHexString(hex));

    public abstract string SetData(long position, string json);

    public abstract string SetType(long position, string type);

    public abstract string Delete(long position);

    public abstract string DeleteAfter(long position);

    /// <summary>Moves the event at one position to another, whole: content and stored hash go with it.</summary>
    public abstract string Move(long from, long to);

    /// <summary>Moves every event from a position on by <paramref name="by"/> places.</summary>
    public abstract string Shift(long from, long by);

    public abstract string SetHash(long position, byte[] hash);

    public string SetHead(long position, byte[] hash) => $"UPDATE ledger_head SET position = {position}, hash = {Bytes(hash)} WHERE id = 1;";

    /// <summary>A whole event inserted at a position, past the writer.</summary>
    public abstract string Insert(long position, string streamId, long version, Guid eventId, string type, string data, string metadata,
        DateTimeOffset recordedAt, byte[] hash);

    /// <summary>The position of the first event whose type starts with the given text.</summary>
    public abstract string FirstPositionOfType(string typePrefix);

    private sealed class SqliteLogSql : LogSql
    {
        public override string RemoveGuards => LogGuards.RemoveSqlite;

        public override string Bytes(byte[] bytes) => $"X'{Convert.ToHexString(bytes)}'";

        public override string SetData(long position, string json) => $"UPDATE events SET data = '{json}' WHERE position = {position};";

        public override string SetType(long position, string type) => $"UPDATE events SET type = '{type}' WHERE position = {position};";

        public override string Delete(long position) => $"DELETE FROM events WHERE position = {position};";

        public override string DeleteAfter(long position) => $"DELETE FROM events WHERE position > {position};";

        public override string Move(long from, long to) => $"UPDATE events SET position = {to} WHERE position = {from};";

        public override string Shift(long from, long by) => $"UPDATE events SET position = position + {by} WHERE position >= {from};";

        public override string SetHash(long position, byte[] hash) => $"UPDATE events SET hash = {Bytes(hash)} WHERE position = {position};";

        public override string Insert(long position, string streamId, long version, Guid eventId, string type, string data, string metadata,
            DateTimeOffset recordedAt, byte[] hash) =>
            "INSERT INTO events (position, stream_id, stream_version, event_id, type, data, metadata, recorded_at, hash) "
            + $"VALUES ({position}, '{streamId}', {version}, '{eventId:D}', '{type}', '{data}', '{metadata}', '{HashChain.FormatTime(recordedAt)}', {Bytes(hash)});";

        public override string FirstPositionOfType(string typePrefix) => $"SELECT MIN(position) FROM events WHERE type LIKE '{typePrefix}%'";
    }

    private sealed class MartenLogSql : LogSql
    {
        public override string RemoveGuards => LogGuards.RemoveMarten;

        public override string Bytes(byte[] bytes) => $"decode('{Convert.ToHexString(bytes)}', 'hex')";

        private static string SeqAt(long position) => $"(SELECT seq_id FROM ledger_chain WHERE position = {position})";

        public override string SetData(long position, string json) => $"UPDATE mt_events SET data = '{json}' WHERE seq_id = {SeqAt(position)};";

        public override string SetType(long position, string type) => $"UPDATE mt_events SET type = '{type}' WHERE seq_id = {SeqAt(position)};";

        public override string Delete(long position) =>
            $"WITH gone AS (DELETE FROM ledger_chain WHERE position = {position} RETURNING seq_id) DELETE FROM mt_events WHERE seq_id IN (SELECT seq_id FROM gone);";

        public override string DeleteAfter(long position) =>
            $"WITH gone AS (DELETE FROM ledger_chain WHERE position > {position} RETURNING seq_id) DELETE FROM mt_events WHERE seq_id IN (SELECT seq_id FROM gone);";

        public override string Move(long from, long to) => $"UPDATE ledger_chain SET position = {to} WHERE position = {from};";

        public override string Shift(long from, long by) => $"UPDATE ledger_chain SET position = position + {by} WHERE position >= {from};";

        public override string SetHash(long position, byte[] hash) => $"UPDATE ledger_chain SET hash = {Bytes(hash)} WHERE position = {position};";

        public override string Insert(long position, string streamId, long version, Guid eventId, string type, string data, string metadata,
            DateTimeOffset recordedAt, byte[] hash) =>
            $"INSERT INTO mt_streams (id, type, version, timestamp, created, tenant_id) VALUES ('{streamId}', null, {version + 1}, now(), now(), '*DEFAULT*') ON CONFLICT DO NOTHING; "
            + "WITH e AS (INSERT INTO mt_events (seq_id, id, stream_id, version, data, type, timestamp, tenant_id, headers) "
            + $"VALUES (nextval('mt_events_sequence'), '{eventId:D}', '{streamId}', {version + 1}, '{data}', '{type}', '{HashChain.FormatTime(recordedAt)}', '*DEFAULT*', '{metadata}') RETURNING seq_id) "
            + $"INSERT INTO ledger_chain (position, seq_id, hash) SELECT {position}, seq_id, {Bytes(hash)} FROM e;";

        public override string FirstPositionOfType(string typePrefix) =>
            $"SELECT MIN(c.position) FROM ledger_chain c JOIN mt_events e ON e.seq_id = c.seq_id WHERE e.type LIKE '{typePrefix}%'";
    }
}
