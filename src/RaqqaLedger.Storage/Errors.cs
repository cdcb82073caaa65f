namespace RaqqaLedger.Storage;

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
