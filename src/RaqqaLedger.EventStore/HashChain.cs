using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace RaqqaLedger.EventStore;

/// <summary>
/// The tamper-evident chain: hash(n) = SHA-256(hash(n-1) ‖ canonical bytes of event n), starting from
/// 32 zero bytes. The canonical bytes cover every stored column, so editing, deleting, inserting or
/// reordering any event changes every hash from that position on.
/// </summary>
public static class HashChain
{
    public const int HashSize = 32;
    private const string Domain = "raqqa-ledger/event/v1";

    public static byte[] Genesis => new byte[HashSize];

    /// <summary>Microsecond precision, the finest both SQLite text and PostgreSQL timestamptz keep exactly.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset time)
    {
        var utc = time.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - utc.Ticks % 10, TimeSpan.Zero);
    }

    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    public static string FormatTime(DateTimeOffset time) => Truncate(time).UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);

    public static byte[] Compute(ReadOnlySpan<byte> previousHash, long position, string streamId, long streamVersion,
        Guid eventId, string type, string data, string metadata, DateTimeOffset recordedAt)
    {
        // The canonical bytes: "domain\nposition\nversion\nevent-id\nrecorded-at\n" then stream, type, data and
        // metadata, each prefixed by its length in UTF-16 units and a colon so no two events share them.
        // Written straight into one pooled buffer: this runs for every event appended and verified.
        var utf8 = Encoding.UTF8;
        var capacity = HashSize + 160 + utf8.GetMaxByteCount(streamId.Length + type.Length + data.Length + metadata.Length);
        var buffer = ArrayPool<byte>.Shared.Rent(capacity);
        try
        {
            previousHash.CopyTo(buffer);
            var at = HashSize;
            at += utf8.GetBytes(Domain, buffer.AsSpan(at));
            Number(position);
            Number(streamVersion);
            buffer[at++] = (byte)'\n';
            eventId.TryFormat(buffer.AsSpan(at), out var written, "D");
            at += written;
            buffer[at++] = (byte)'\n';
            Truncate(recordedAt).UtcDateTime.TryFormat(buffer.AsSpan(at), out written, TimeFormat, CultureInfo.InvariantCulture);
            at += written;
            Text(streamId);
            Text(type);
            Text(data);
            Text(metadata);
            return SHA256.HashData(buffer.AsSpan(0, at));

            void Number(long n)
            {
                buffer[at++] = (byte)'\n';
                n.TryFormat(buffer.AsSpan(at), out var w, provider: CultureInfo.InvariantCulture);
                at += w;
            }

            void Text(string text)
            {
                buffer[at++] = (byte)'\n';
                text.Length.TryFormat(buffer.AsSpan(at), out var w, provider: CultureInfo.InvariantCulture);
                at += w;
                buffer[at++] = (byte)':';
                at += utf8.GetBytes(text, buffer.AsSpan(at));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public static byte[] Compute(ReadOnlySpan<byte> previousHash, RecordedEvent e) =>
        Compute(previousHash, e.Position, e.StreamId, e.StreamVersion, e.EventId, e.Type, e.Data, e.Metadata, e.RecordedAt);

    /// <summary>The events chained one after another from <paramref name="previousHash"/>, in the order given.</summary>
    public static RecordedEvent[] Link(ReadOnlySpan<byte> previousHash, IReadOnlyList<GroupCommit.PendingEvent> events)
    {
        var linked = new RecordedEvent[events.Count];
        var previous = previousHash.ToArray();
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            previous = Compute(previous, e.Position, e.StreamId, e.StreamVersion, e.EventId, e.Type, e.Data, e.Metadata, e.RecordedAt);
            linked[i] = new RecordedEvent(e.Position, e.StreamId, e.StreamVersion, e.EventId, e.Type, e.Data, e.Metadata, e.RecordedAt, previous);
        }
        return linked;
    }
}

/// <summary>The outcome of walking the chain.</summary>
/// <param name="FirstBadPosition">
/// The first position where the log disagrees with its chain, null when it holds. Also null when the chain
/// holds but disagrees with a digest kept from earlier: the log's own hashes cannot say where it was rewritten.
/// </param>
public sealed record VerifyResult(bool Ok, long HeadPosition, string HeadHash, long EventsChecked, long? FirstBadPosition, string? Problem);

public static class ChainVerifier
{
    /// <summary>
    /// Recomputes every hash from position 1 and checks positions run 1..N without gaps, stream versions
    /// run 0..n per stream, and the stored head matches the last event.
    /// </summary>
    public static Task<VerifyResult> VerifyAsync(IEventStore store, CancellationToken cancellationToken = default) =>
        WalkAsync(store, null, cancellationToken);

    /// <summary>
    /// As <see cref="VerifyAsync(IEventStore, CancellationToken)"/>, and the chain hash at the digest's position
    /// must be the digest's: then every event up to it is the one the digest was taken over, and the log has
    /// only grown since. A whole chain recomputed after an edit, or a log cut back with its head rewound, passes
    /// the plain walk but not this.
    /// </summary>
    public static Task<VerifyResult> VerifyAsync(IEventStore store, LogDigest digest, CancellationToken cancellationToken = default) =>
        WalkAsync(store, digest, cancellationToken);

    private static Task<VerifyResult> WalkAsync(IEventStore store, LogDigest? digest, CancellationToken cancellationToken) =>
        WalkFromAsync(store, new ChainWalk(), digest, cancellationToken);

    /// <summary>Walks on from where <paramref name="walk"/> stands, moving it along every event that checks out.</summary>
    internal static async Task<VerifyResult> WalkFromAsync(IEventStore store, ChainWalk walk, LogDigest? digest, CancellationToken cancellationToken)
    {
        var previous = walk.Hash;
        long expectedPosition = walk.Position + 1, checkedCount = walk.Checked;
        var streamVersions = walk.Streams;
        // The chain hash at the digest's position once the walk reaches it (position 0 is the genesis).
        var atDigest = digest?.Position == 0 ? Convert.ToHexStringLower(previous) : null;

        // A failed walk is not kept (IncrementalVerifier keeps only whole ones), so the walk is not moved here.
        VerifyResult Bad(long position, string problem) =>
            new(false, expectedPosition - 1, Convert.ToHexStringLower(previous), checkedCount, position, problem);

        string? Check(RecordedEvent e)
        {
            if (e.Position != expectedPosition)
                return e.Position > expectedPosition
                    ? $"position {expectedPosition} is missing (next stored event is at {e.Position})"
                    : $"position {e.Position} appears out of order after {expectedPosition - 1}";
            var recomputed = HashChain.Compute(previous, e);
            if (!recomputed.AsSpan().SequenceEqual(e.Hash))
                return "stored hash does not match the event's content and its predecessor";
            var expectedVersion = streamVersions.TryGetValue(e.StreamId, out var last) ? last + 1 : 0;
            if (e.StreamVersion != expectedVersion)
                return $"stream '{e.StreamId}' jumps to version {e.StreamVersion}, expected {expectedVersion}";
            streamVersions[e.StreamId] = e.StreamVersion;
            previous = recomputed;
            if (e.Position == digest?.Position)
                atDigest = Convert.ToHexStringLower(recomputed);
            expectedPosition++;
            checkedCount++;
            return null;
        }

        const int pageSize = 2000;
        while (true)
        {
            IReadOnlyList<RecordedEvent> page;
            try
            {
                page = await store.ReadAllAsync(expectedPosition, pageSize, cancellationToken);
            }
            catch (DamagedEventException damaged)
            {
                // A row that cannot be read: the rows before it in the page are checked one by one first,
                // so the first bad position is still the first.
                while (expectedPosition < damaged.Position)
                {
                    RecordedEvent one;
                    try
                    {
                        one = (await store.ReadAllAsync(expectedPosition, 1, cancellationToken))[0];
                    }
                    catch (DamagedEventException)
                    {
                        break; // the damaged row itself, after a gap
                    }
                    if (Check(one) is { } earlier)
                        return Bad(expectedPosition, earlier);
                }
                return expectedPosition < damaged.Position
                    ? Bad(expectedPosition, $"position {expectedPosition} is missing (next stored event is at {damaged.Position})")
                    : Bad(damaged.Position, damaged.Message);
            }
            foreach (var e in page)
            {
                if (Check(e) is { } problem)
                    return Bad(expectedPosition, problem);
            }
            if (page.Count < pageSize)
                break;
        }

        // Read after the walk: whatever the writer committed meanwhile is already under it, so a row
        // beyond it was put there by someone else.
        var head = await store.ReadHeadAsync(cancellationToken);
        if (expectedPosition - 1 > head.Position)
            return new VerifyResult(false, head.Position, head.HashHex, checkedCount, head.Position + 1,
                $"position {head.Position + 1} is past the recorded head (position {head.Position}): the ledger's writer did not write it");
        if (head.Position != expectedPosition - 1 || !head.Hash.AsSpan().SequenceEqual(previous))
            return Bad(Math.Min(head.Position, expectedPosition),
                $"the recorded head (position {head.Position}) does not match the last event (position {expectedPosition - 1})");
        walk.MoveTo(expectedPosition - 1, previous, checkedCount);
        var intact = new VerifyResult(true, head.Position, head.HashHex, checkedCount, null, null);
        if (digest is null)
            return intact;
        if (atDigest is null)
            return intact with
            {
                Ok = false,
                Problem = $"digest {digest} is past the head (position {head.Position}): the log is shorter than when the digest was taken, or the digest is of another log",
            };
        if (!string.Equals(atDigest, digest.Hash, StringComparison.OrdinalIgnoreCase))
            return intact with
            {
                Ok = false,
                Problem = $"digest {digest} does not match: the chain hash at position {digest.Position} is {atDigest}, so the log up to that position is not the one the digest was taken over",
            };
        return intact;
    }
}

/// <summary>Where a walk of the chain stands: the last position checked, its chain hash, each stream's last version.</summary>
internal sealed class ChainWalk
{
    public long Position { get; private set; }
    public byte[] Hash { get; private set; } = HashChain.Genesis;
    public long Checked { get; private set; }
    public Dictionary<string, long> Streams { get; private init; } = new(StringComparer.Ordinal);

    public void MoveTo(long position, byte[] hash, long checkedCount) => (Position, Hash, Checked) = (position, hash, checkedCount);

    public ChainWalk Copy() => new() { Position = Position, Hash = Hash, Checked = Checked, Streams = new(Streams, StringComparer.Ordinal) };
}

/// <summary>
/// Verifies a log as it grows, for a server asked again and again: a head already found whole is
/// answered from memory, and a longer log is walked only from where the last whole walk ended. What
/// was verified stays verified: an edit before that point is found by a full walk (`verify`), not here.
/// </summary>
public sealed class IncrementalVerifier(IEventStore store)
{
    private readonly SemaphoreSlim oneWalk = new(1, 1);
    private ChainWalk verified = new();
    private VerifyResult? whole;

    public async Task<VerifyResult> VerifyAsync(CancellationToken cancellationToken = default)
    {
        // One walk at a time: callers arriving meanwhile get its answer from memory.
        await oneWalk.WaitAsync(cancellationToken);
        try
        {
            var head = await store.ReadHeadAsync(cancellationToken);
            if (whole is not null && whole.HeadPosition == head.Position && whole.HeadHash == head.HashHex)
                return whole;
            var walk = verified.Copy();
            var result = await ChainVerifier.WalkFromAsync(store, walk, null, cancellationToken);
            if (result.Ok)
                (verified, whole) = (walk, result);
            return result;
        }
        finally
        {
            oneWalk.Release();
        }
    }
}
