using System.Buffers;
using System.Text;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading.Channels;

namespace RaqqaLedger.EventStore.GroupCommit;

/// <summary>
/// The single writer shared by every backend. Appends queue up; one loop takes all that are waiting,
/// checks their expected versions against the locked head and has the backend chain and commit them
/// in one transaction. Positions are assigned under that lock, so they are gapless and in commit order.
/// </summary>
public abstract class GroupCommitEventStore : IEventStore
{
    private const int MaxEventsPerBatch = 5_000;
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    private readonly Channel<PendingAppend> queue =
        Channel.CreateUnbounded<PendingAppend>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CommitSignal committed = new();
    private readonly TimeProvider clock;

    // The writer's memory of stream versions, valid while the head is where it left it (only the writer loop touches these).
    private const int MaxKnownStreams = 100_000;
    private readonly Dictionary<string, long> knownVersions = new(StringComparer.Ordinal);
    private long knownHead = -1;
    private Task? writer;

    protected GroupCommitEventStore(TimeProvider? clock) => this.clock = clock ?? TimeProvider.System;

    public StoreStatistics Statistics { get; } = new();

    public abstract string Describe { get; }

    /// <summary>Starts the writer loop; backends call it once their schema is in place.</summary>
    protected void StartWriter() => writer = Task.Run(RunWriterAsync);

    protected abstract Task<IWriteBatch> BeginWriteAsync(CancellationToken cancellationToken);

    public abstract IAsyncEnumerable<RecordedEvent> ReadStreamAsync(string streamId, long fromVersion = 0, CancellationToken cancellationToken = default);

    // The page reads check their arguments here, once for every backend; the backends only read.

    public async Task<IReadOnlyList<RecordedEvent>> ReadAllAsync(long fromPosition, int maxCount, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCount);
        return await ReadAllCoreAsync(fromPosition, maxCount, cancellationToken);
    }

    public async Task<IReadOnlyList<RecordedEvent>> ReadAllOfTypesAsync(long fromPosition, long toPosition, IReadOnlyCollection<string> types, int maxCount,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCount);
        return types.Count == 0 ? [] : await ReadAllOfTypesCoreAsync(fromPosition, toPosition, types, maxCount, cancellationToken);
    }

    public async Task<IReadOnlyList<EventPayload>> ReadPayloadsOfTypesAsync(long fromPosition, long toPosition, IReadOnlyCollection<string> types, int maxCount,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCount);
        return types.Count == 0 ? [] : await ReadPayloadsOfTypesCoreAsync(fromPosition, toPosition, types, maxCount, cancellationToken);
    }

    /// <summary>Up to <paramref name="maxCount"/> (at least 1) events from a position, in order.</summary>
    protected abstract Task<IReadOnlyList<RecordedEvent>> ReadAllCoreAsync(long fromPosition, int maxCount, CancellationToken cancellationToken);

    /// <summary>The same, of some types (at least one) and up to a position.</summary>
    protected abstract Task<IReadOnlyList<RecordedEvent>> ReadAllOfTypesCoreAsync(long fromPosition, long toPosition, IReadOnlyCollection<string> types, int maxCount,
        CancellationToken cancellationToken);

    /// <summary>The same page narrowed to what a projection folds (see <see cref="IEventStore.ReadPayloadsOfTypesAsync"/>).</summary>
    protected abstract Task<IReadOnlyList<EventPayload>> ReadPayloadsOfTypesCoreAsync(long fromPosition, long toPosition, IReadOnlyCollection<string> types, int maxCount,
        CancellationToken cancellationToken);

    /// <summary>A page of events from a command's rows, each read by the backend's own reader.</summary>
    protected static async Task<IReadOnlyList<RecordedEvent>> ReadPageAsync<TReader>(System.Data.Common.DbCommand cmd, int maxCount, Func<TReader, RecordedEvent> read,
        CancellationToken cancellationToken) where TReader : System.Data.Common.DbDataReader
    {
        await using var reader = (TReader)await cmd.ExecuteReaderAsync(cancellationToken);
        var events = new List<RecordedEvent>(Math.Min(maxCount, 1024));
        while (await reader.ReadAsync(cancellationToken))
            events.Add(read(reader));
        return events;
    }

    public abstract Task<long?> GetStreamVersionAsync(string streamId, CancellationToken cancellationToken = default);

    public abstract Task<LogHead> ReadHeadAsync(CancellationToken cancellationToken = default);

    public Task<AppendResult> AppendAsync(IReadOnlyList<StreamAppend> appends, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        AppendValidation.Validate(appends);
        if (writer is null)
            throw new InvalidOperationException("the store has not been opened");
        var pending = new PendingAppend(appends);
        if (!queue.Writer.TryWrite(pending))
            throw new ObjectDisposedException(GetType().Name);
        // Once queued the append is not withdrawn: cancelling only stops the caller from waiting.
        return pending.Completion.Task.WaitAsync(cancellationToken);
    }

    public async IAsyncEnumerable<RecordedEvent> SubscribeToAllAsync(long afterPosition,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        const int pageSize = 1000;
        var next = Math.Max(0, afterPosition) + 1;
        while (!cancellationToken.IsCancellationRequested)
        {
            var nextCommit = committed.NextCommit;
            // Only what the writer committed, up to the recorded head: a row past it is not the log's
            // (verify names it), and handing it out would wake the subscriber again and again.
            var head = (await ReadHeadAsync(cancellationToken)).Position;
            IReadOnlyList<RecordedEvent> page = head < next ? [] : await ReadAllAsync(next, (int)Math.Min(pageSize, head - next + 1), cancellationToken);
            foreach (var e in page)
                yield return e;
            if (page.Count > 0)
                next = page[^1].Position + 1;
            if (page.Count > 0 && page[^1].Position < head)
                continue;
            // Caught up: wake on a commit here, or poll for commits made by other processes.
            try
            {
                await Task.WhenAny(nextCommit, Task.Delay(PollInterval, cancellationToken));
            }
            catch (OperationCanceledException)
            {
                yield break;
            }
        }
    }

    private async Task RunWriterAsync()
    {
        var batch = new List<PendingAppend>();
        while (await queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            var events = 0;
            while (events < MaxEventsPerBatch && queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
                events += pending.EventCount;
            }
            await WriteAsync(batch);
        }
    }

    private async Task WriteAsync(List<PendingAppend> batch)
    {
        try
        {
            await CommitBatchAsync(batch);
        }
        catch (Exception) when (batch.Count > 1)
        {
            // Something in the batch broke the transaction; retry each alone so one bad append
            // cannot take the others down with it.
            foreach (var pending in batch)
            {
                try { await CommitBatchAsync([pending]); }
                catch (Exception e) { pending.Completion.TrySetException(e); }
            }
        }
        catch (Exception e)
        {
            batch[0].Completion.TrySetException(e);
        }
    }

    private async Task CommitBatchAsync(IReadOnlyList<PendingAppend> batch)
    {
        await using var write = await BeginWriteAsync(CancellationToken.None);
        var streamIds = batch.SelectMany(p => p.Appends).Select(a => a.StreamId).ToHashSet(StringComparer.Ordinal);
        // When the head is where this writer left it, nobody else has written since: the stream
        // versions it remembers still hold, and only streams it has not seen are looked up.
        if (write.Head.Position != knownHead || knownVersions.Count > MaxKnownStreams)
            knownVersions.Clear();
        knownHead = -1; // until this batch commits
        var versions = new Dictionary<string, long>(
            await write.GetStreamVersionsAsync([.. streamIds.Where(id => !knownVersions.ContainsKey(id))], CancellationToken.None), StringComparer.Ordinal);
        foreach (var id in streamIds)
        {
            if (knownVersions.TryGetValue(id, out var known))
                versions[id] = known;
        }
        var recordedAt = HashChain.Truncate(clock.GetUtcNow());
        var position = write.Head.Position;
        var rows = new List<PendingEvent>();
        var outcomes = new List<(PendingAppend Pending, AppendResult? Result, Exception? Error)>(batch.Count);

        foreach (var pending in batch)
        {
            // Check every stream of this append before writing any of it: all or nothing.
            var local = new Dictionary<string, long>(StringComparer.Ordinal);
            long? Current(string id) => local.TryGetValue(id, out var v) ? v : versions.TryGetValue(id, out var w) ? w : null;
            WrongExpectedVersionException? conflict = null;
            foreach (var append in pending.Appends)
            {
                var current = Current(append.StreamId);
                if (!append.Expected.IsSatisfiedBy(current))
                {
                    conflict = new WrongExpectedVersionException(append.StreamId, append.Expected, current);
                    break;
                }
                if (append.Events.Count > 0)
                    local[append.StreamId] = (current ?? -1) + append.Events.Count;
            }
            if (conflict is not null)
            {
                outcomes.Add((pending, null, conflict));
                continue;
            }

            var first = position + 1;
            foreach (var append in pending.Appends)
            {
                var version = versions.TryGetValue(append.StreamId, out var v) ? v : -1;
                foreach (var e in append.Events)
                {
                    position++;
                    version++;
                    rows.Add(new PendingEvent(position, append.StreamId, version, e.EventId, e.Type, e.Data, e.Metadata, recordedAt));
                }
                versions[append.StreamId] = version;
            }
            var next = pending.Appends
                .GroupBy(a => a.StreamId, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => versions.TryGetValue(g.Key, out var v) ? v : -1L, StringComparer.Ordinal);
            outcomes.Add((pending, new AppendResult(next, position > first - 1 ? first : 0, position > first - 1 ? position : 0), null));
        }

        if (rows.Count > 0)
        {
            await write.CommitAsync(rows, CancellationToken.None);
            Statistics.Committed(outcomes.Count(o => o.Result is not null), rows.Count);
            committed.Pulse();
        }
        foreach (var (id, version) in versions)
            knownVersions[id] = version;
        knownHead = position;
        foreach (var (pending, result, error) in outcomes)
        {
            if (error is not null)
                pending.Completion.TrySetException(error);
            else
                pending.Completion.TrySetResult(result!);
        }
    }

    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        if (writer is not null)
            await writer;
        await DisposeCoreAsync();
        GC.SuppressFinalize(this);
    }

    protected abstract ValueTask DisposeCoreAsync();

    private sealed class PendingAppend(IReadOnlyList<StreamAppend> appends)
    {
        public IReadOnlyList<StreamAppend> Appends { get; } = appends;
        public int EventCount { get; } = appends.Sum(a => a.Events.Count);
        public TaskCompletionSource<AppendResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

/// <summary>
/// The checks every append passes before it is queued: stream ids, type names, and data and metadata
/// that are each one JSON object. Public so they can be measured alone; throws <see cref="InvalidAppendException"/>.
/// </summary>
public static class AppendValidation
{
    public const int MaxStreamIdLength = 200;

    public static void Validate(IReadOnlyList<StreamAppend> appends)
    {
        if (appends.Count == 0)
            throw new InvalidAppendException("an append names at least one stream");
        foreach (var append in appends)
        {
            if (string.IsNullOrWhiteSpace(append.StreamId) || append.StreamId.Length > MaxStreamIdLength || append.StreamId.Any(char.IsControl))
                throw new InvalidAppendException($"invalid stream id '{append.StreamId}': 1 to {MaxStreamIdLength} characters, no control characters");
            foreach (var e in append.Events)
            {
                if (!EventTypeName.IsValid(e.Type))
                    throw new InvalidAppendException($"invalid event type '{e.Type}': expected a stable versioned name like 'article-ingested.v1'");
                RequireJsonObject(e.Data, "data", e.Type);
                RequireJsonObject(e.Metadata, "metadata", e.Type);
            }
        }
    }

    /// <summary>The keys of the objects open at this point of a check: depth, where the raw name lies, and the name if it was escaped.</summary>
    [ThreadStatic]
    private static List<(int Depth, int Start, int Length, string? Unescaped)>? openKeys;

    /// <summary>Records a key of the object being read; refuses it if that object already has it. Compares raw bytes, allocating only for escaped names.</summary>
    /// <param name="escaped">The key unescaped, when it was written with escapes; else null.</param>
    private static void AddKey(List<(int Depth, int Start, int Length, string? Unescaped)> keys, byte[] buffer, ref Utf8JsonReader reader, string? escaped,
        string what, string type)
    {
        var depth = reader.CurrentDepth;
        var start = (int)reader.TokenStartIndex + 1;
        var length = reader.ValueSpan.Length;
        // The open object's keys are the last ones at its depth: a nested object's were removed when it closed.
        for (var i = keys.Count - 1; i >= 0 && keys[i].Depth == depth; i--)
        {
            var other = keys[i];
            var same = escaped is null && other.Unescaped is null
                ? buffer.AsSpan(start, length).SequenceEqual(buffer.AsSpan(other.Start, other.Length))
                : (escaped ?? Encoding.UTF8.GetString(buffer, start, length)) == (other.Unescaped ?? Encoding.UTF8.GetString(buffer, other.Start, other.Length));
            if (same)
                throw new InvalidAppendException($"{what} of a '{type}' event has the key '{escaped ?? Encoding.UTF8.GetString(buffer, start, length)}' twice in one object");
        }
        keys.Add((depth, start, length, escaped));
    }

    /// <summary>A JSON object and nothing else, checked by reading it once without building a document.</summary>
    private static void RequireJsonObject(string json, string what, string type)
    {
        if (json.Contains('\0'))
            throw new InvalidAppendException($"{what} of a '{type}' event contains a NUL character");
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(json.Length));
        try
        {
            var reader = new Utf8JsonReader(buffer.AsSpan(0, Encoding.UTF8.GetBytes(json, buffer)));
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                throw new InvalidAppendException($"{what} of a '{type}' event must be a JSON object");
            // Read to the object's end, refusing what PostgreSQL's jsonb would not keep as written, for every
            // engine alike: an escaped NUL ("\u0000", which jsonb refuses) and a key twice in one object (jsonb keeps the last).
            var keys = openKeys ??= [];
            keys.Clear();
            while (reader.Read() && !(reader.CurrentDepth == 0 && reader.TokenType == JsonTokenType.EndObject))
            {
                // An escaped string or key, unescaped once for both checks.
                var unescaped = reader.ValueIsEscaped && reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName ? reader.GetString()! : null;
                if (unescaped?.Contains('\0') == true)
                    throw new InvalidAppendException($"{what} of a '{type}' event contains an escaped NUL character (\\u0000)");
                if (reader.TokenType == JsonTokenType.EndObject)
                {
                    var closed = reader.CurrentDepth + 1; // the depth of the keys of the object just closed
                    while (keys.Count > 0 && keys[^1].Depth >= closed)
                        keys.RemoveAt(keys.Count - 1);
                }
                else if (reader.TokenType == JsonTokenType.PropertyName)
                    AddKey(keys, buffer, ref reader, unescaped, what, type);
            }
            if (reader.Read()) // throws on anything but whitespace after the object
                throw new InvalidAppendException($"{what} of a '{type}' event must be one JSON object");
        }
        catch (JsonException e)
        {
            throw new InvalidAppendException($"{what} of a '{type}' event is not valid JSON: {e.Message}");
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}

public static partial class EventTypeName
{
    public static bool IsValid(string? name) => name is not null && name.Length <= 100 && Pattern().IsMatch(name);

    [System.Text.RegularExpressions.GeneratedRegex(@"^[a-z][a-z0-9]*(-[a-z0-9]+)*\.v[1-9][0-9]*$")]
    private static partial System.Text.RegularExpressions.Regex Pattern();
}
