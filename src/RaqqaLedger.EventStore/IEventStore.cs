namespace RaqqaLedger.EventStore;

/// <summary>
/// The append-only event log. Shaped after EventStoreDB's client (streams, expected revisions, one
/// position across the whole log, read forward, subscribe to all) so a KurrentDB backend can implement
/// it one to one; the multi-stream append is the one addition, atomic here and a single-stream loop there.
/// </summary>
public interface IEventStore : IAsyncDisposable
{
    /// <summary>A short description of where the log lives, for messages (never includes passwords).</summary>
    string Describe { get; }

    /// <summary>Appends to several streams in one transaction: every check passes and all is written, or nothing is.</summary>
    /// <exception cref="WrongExpectedVersionException">A stream's version did not match.</exception>
    Task<AppendResult> AppendAsync(IReadOnlyList<StreamAppend> appends, CancellationToken cancellationToken = default);

    /// <summary>Events of one stream from a version on, oldest first.</summary>
    IAsyncEnumerable<RecordedEvent> ReadStreamAsync(string streamId, long fromVersion = 0, CancellationToken cancellationToken = default);

    /// <summary>One page of the whole log: up to <paramref name="maxCount"/> events with position ≥ <paramref name="fromPosition"/>.</summary>
    Task<IReadOnlyList<RecordedEvent>> ReadAllAsync(long fromPosition, int maxCount, CancellationToken cancellationToken = default);

    /// <summary>
    /// One page of the events of the given types with positions from <paramref name="fromPosition"/> to
    /// <paramref name="toPosition"/>, oldest first: a filtered read, as EventStoreDB's, so a projection
    /// reads only what it folds.
    /// </summary>
    Task<IReadOnlyList<RecordedEvent>> ReadAllOfTypesAsync(long fromPosition, long toPosition, IReadOnlyCollection<string> types, int maxCount,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// The same page as <see cref="ReadAllOfTypesAsync"/>, narrowed to what a projection folds: position,
    /// type, payload bytes and commit time.
    /// </summary>
    Task<IReadOnlyList<EventPayload>> ReadPayloadsOfTypesAsync(long fromPosition, long toPosition, IReadOnlyCollection<string> types, int maxCount,
        CancellationToken cancellationToken = default);

    /// <summary>The last version of a stream, or null when it has no events.</summary>
    Task<long?> GetStreamVersionAsync(string streamId, CancellationToken cancellationToken = default);

    Task<LogHead> ReadHeadAsync(CancellationToken cancellationToken = default);

    /// <summary>Every event after <paramref name="afterPosition"/>, then each new one as it is committed, until cancelled.</summary>
    IAsyncEnumerable<RecordedEvent> SubscribeToAllAsync(long afterPosition, CancellationToken cancellationToken = default);
}

public static class EventStoreExtensions
{
    public static Task<AppendResult> AppendAsync(
        this IEventStore store, string streamId, ExpectedVersion expected, IReadOnlyList<NewEvent> events,
        CancellationToken cancellationToken = default) =>
        store.AppendAsync([new StreamAppend(streamId, expected, events)], cancellationToken);

    /// <summary>The whole log from a position on, page by page.</summary>
    public static async IAsyncEnumerable<RecordedEvent> ReadAllForwardAsync(
        this IEventStore store, long fromPosition = 1, int pageSize = 1000,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var next = Math.Max(1, fromPosition);
        while (true)
        {
            var page = await store.ReadAllAsync(next, pageSize, cancellationToken);
            foreach (var e in page)
                yield return e;
            if (page.Count < pageSize)
                yield break;
            next = page[^1].Position + 1;
        }
    }
}
