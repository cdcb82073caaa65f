namespace RaqqaLedger.EventStore.GroupCommit;

/// <summary>
/// One write transaction of a backend, opened with the log head locked: while it is open no other
/// writer, in this process or another, can append.
/// </summary>
public interface IWriteBatch : IAsyncDisposable
{
    LogHead Head { get; }

    /// <summary>The last version of each named stream that has events; absent streams are left out.</summary>
    Task<IReadOnlyDictionary<string, long>> GetStreamVersionsAsync(IReadOnlyCollection<string> streamIds, CancellationToken cancellationToken);

    /// <summary>
    /// Inserts the events, chains them after <see cref="Head"/> (see <see cref="HashChain.Link"/>), moves
    /// the head to the last of them, and commits. The backend chains them because the chain covers the
    /// text as stored, which only the backend knows.
    /// </summary>
    Task CommitAsync(IReadOnlyList<PendingEvent> events, CancellationToken cancellationToken);
}

/// <summary>An event placed in the log by the writer (position, version, commit time) and not yet chained.</summary>
public sealed record PendingEvent(
    long Position, string StreamId, long StreamVersion, Guid EventId, string Type, string Data, string Metadata, DateTimeOffset RecordedAt);
