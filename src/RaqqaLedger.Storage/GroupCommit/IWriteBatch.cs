namespace RaqqaLedger.Storage.GroupCommit;

/// <summary>
/// One write transaction of a backend, opened with the log head locked: while it is open no other
/// writer, in this process or another, can append.
/// </summary>
public interface IWriteBatch : IAsyncDisposable
{
    LogHead Head { get; }

    /// <summary>The last version of each named stream that has events; absent streams are left out.</summary>
    Task<IReadOnlyDictionary<string, long>> GetStreamVersionsAsync(IReadOnlyCollection<string> streamIds, CancellationToken cancellationToken);

    /// <summary>Inserts the events, moves the head to the last of them, and commits.</summary>
    Task CommitAsync(IReadOnlyList<RecordedEvent> events, CancellationToken cancellationToken);
}
