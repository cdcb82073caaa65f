using System.Globalization;

namespace RaqqaLedger.EventStore;

/// <summary>
/// The log's head as something to publish and keep: a position and the chain hash there. That hash
/// covers every event up to the position, so whoever kept a digest can later check that the log up
/// to it is unchanged and has only grown since (<see cref="ChainVerifier.VerifyAsync(IEventStore, LogDigest, CancellationToken)"/>).
/// Its text form is <c>POSITION:HASH</c>: the position in decimal, a colon, the SHA-256 in 64 hex
/// digits (written lowercase, read in either case), e.g. <c>148:3f9a…e01c</c>. The commit time is
/// shown beside it but is not part of it: the hash already covers it.
/// </summary>
/// <param name="RecordedAt">When the event at the position was committed; null for the empty log's digest (position 0).</param>
public sealed record LogDigest(long Position, string Hash, DateTimeOffset? RecordedAt = null)
{
    public override string ToString() => $"{Position.ToString(CultureInfo.InvariantCulture)}:{Hash}";

    /// <summary>The digest of the log's head now.</summary>
    public static async Task<LogDigest> OfHeadAsync(IEventStore store, CancellationToken cancellationToken = default)
    {
        var head = await store.ReadHeadAsync(cancellationToken);
        if (head.Position == 0)
            return new LogDigest(0, head.HashHex);
        var last = await store.ReadAllAsync(head.Position, 1, cancellationToken);
        return new LogDigest(head.Position, head.HashHex, last.Count == 1 && last[0].Position == head.Position ? last[0].RecordedAt : null);
    }

    /// <summary>Reads the text form; null with the reason when it is not one.</summary>
    public static LogDigest? TryParse(string? text, out string? problem)
    {
        problem = null;
        var trimmed = text?.Trim() ?? "";
        var colon = trimmed.IndexOf(':');
        if (colon < 0)
        {
            problem = "expected POSITION:HASH, e.g. 148:3f9a… (64 hex digits)";
            return null;
        }
        var position = trimmed[..colon];
        var hash = trimmed[(colon + 1)..];
        if (!long.TryParse(position, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            problem = $"the position '{position}' is not a whole number, 0 or more";
        else if (hash.Length != HashChain.HashSize * 2 || !hash.All(char.IsAsciiHexDigit))
            problem = hash.Length == HashChain.HashSize * 2
                ? "the hash has a character that is not a hex digit"
                : $"the hash must be {HashChain.HashSize * 2} hex digits, not {hash.Length} characters";
        return problem is null ? new LogDigest(n, hash.ToLowerInvariant()) : null;
    }

    /// <exception cref="FormatException">The text is not a digest.</exception>
    public static LogDigest Parse(string text) =>
        TryParse(text, out var problem) ?? throw new FormatException($"malformed digest '{text.Trim()}': {problem}");
}
