namespace RaqqaLedger.EventStore;

/// <summary>
/// An event to append. <paramref name="Data"/> and <paramref name="Metadata"/> are JSON objects; SQLite stores their
/// text byte for byte, PostgreSQL (Marten's jsonb) the same JSON in its own layout. Either way the chain covers what is stored.
/// </summary>
/// <param name="EventId">Unique id of this event (EventStoreDB's event id).</param>
/// <param name="Type">Stable versioned type name, e.g. "article-ingested.v1".</param>
public sealed record NewEvent(Guid EventId, string Type, string Data, string Metadata);

/// <summary>All events to append to one stream, checked against one expected version.</summary>
public sealed record StreamAppend(string StreamId, ExpectedVersion Expected, IReadOnlyList<NewEvent> Events);

/// <summary>An event as the log holds it.</summary>
/// <param name="Position">Place in the whole log: 1, 2, 3 … in commit order, without gaps.</param>
/// <param name="StreamVersion">Place in its stream, from 0.</param>
/// <param name="RecordedAt">When the ledger committed it (UTC, microsecond precision).</param>
/// <param name="Hash">SHA-256 over the previous event's hash and this event's canonical bytes.</param>
public sealed record RecordedEvent(
    long Position,
    string StreamId,
    long StreamVersion,
    Guid EventId,
    string Type,
    string Data,
    string Metadata,
    DateTimeOffset RecordedAt,
    byte[] Hash)
{
    public string HashHex => Convert.ToHexStringLower(Hash);
}

/// <summary>
/// What a projection reads of an event: its place, type, payload and commit time, without the
/// stream, ids, metadata and hash it never looks at.
/// </summary>
/// <param name="Data">The payload's JSON as UTF-8 bytes, as stored: what a JSON reader takes without converting it first.</param>
public sealed record EventPayload(long Position, string Type, byte[] Data, DateTimeOffset RecordedAt);

/// <summary>Where an append landed.</summary>
/// <param name="NextExpectedVersion">The stream's last version after the append (per stream for a multi-stream append).</param>
/// <param name="FirstPosition">Position of the first event appended; 0 when nothing was appended.</param>
/// <param name="LastPosition">Position of the last event appended; 0 when nothing was appended.</param>
public sealed record AppendResult(IReadOnlyDictionary<string, long> NextExpectedVersion, long FirstPosition, long LastPosition)
{
    public int Count => LastPosition == 0 ? 0 : (int)(LastPosition - FirstPosition + 1);
}

/// <summary>The last event of the log: position 0 and the genesis hash when the log is empty.</summary>
public sealed record LogHead(long Position, byte[] Hash)
{
    public string HashHex => Convert.ToHexStringLower(Hash);
}
