namespace RaqqaLedger.EventStore.GroupCommit;

/// <summary>Wakes subscribers when this process commits, so they need not wait for their next poll.</summary>
internal sealed class CommitSignal
{
    private TaskCompletionSource next = NewSource();

    /// <summary>A task that completes at the next commit. Take it before reading, so no commit slips between.</summary>
    public Task NextCommit => Volatile.Read(ref next).Task;

    public void Pulse() => Interlocked.Exchange(ref next, NewSource()).TrySetResult();

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
