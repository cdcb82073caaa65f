namespace RaqqaLedger.EventStore.GroupCommit;

/// <summary>Counters that show group commit at work: many appends, fewer transactions.</summary>
public sealed class StoreStatistics
{
    private long appends, transactions, events;

    public long Appends => Interlocked.Read(ref appends);
    public long Transactions => Interlocked.Read(ref transactions);
    public long Events => Interlocked.Read(ref events);

    internal void Committed(int appendCount, int eventCount)
    {
        Interlocked.Add(ref appends, appendCount);
        Interlocked.Increment(ref transactions);
        Interlocked.Add(ref events, eventCount);
    }
}
