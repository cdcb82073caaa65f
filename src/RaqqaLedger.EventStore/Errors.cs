namespace RaqqaLedger.EventStore;

/// <summary>An append whose expected version no longer holds. Nothing of it was written.</summary>
public sealed class WrongExpectedVersionException(string streamId, ExpectedVersion expected, long? actual)
    : Exception($"concurrency conflict on stream '{streamId}': expected {expected}, but the stream is at {(actual is null ? "no stream" : $"version {actual}")}")
{
    public string StreamId { get; } = streamId;
    public ExpectedVersion Expected { get; } = expected;
    public long? ActualVersion { get; } = actual;
}

/// <summary>An append refused before it reached the database (bad stream id, type name or JSON).</summary>
public sealed class InvalidAppendException(string message) : Exception(message);

/// <summary>
/// A stored row the log cannot read as an event: a field holds what no writer wrote (an id that is not a
/// UUID, a commit time in another form, a hash that is not 32 bytes). Names the position and the field.
/// </summary>
public sealed class DamagedEventException(long position, string field, string problem)
    : Exception($"position {position}: {field} is damaged: {problem}")
{
    public long Position { get; } = position;
    public string Field { get; } = field;
}

/// <summary>The store cannot be reached or written just now (a server down, a full disk); a later try may succeed.</summary>
public sealed class StoreUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
