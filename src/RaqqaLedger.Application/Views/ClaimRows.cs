using RaqqaLedger.Projections.Views;
using RaqqaLedger.Views;

namespace RaqqaLedger.Application.Views;

/// <summary>
/// The full rows of the claim versions pages have shown, kept for the next page that shows them. Reading a
/// page's hundred rows was most of a read's time, and after every write each database connection finds its
/// cached pages stale and reads them in again. A version's row never changes but for one field: where the
/// version ends. The head's indexes say which versions each commit ended (<see cref="Ended"/>), so a kept
/// row that has not ended is trusted only while every end up to the views' head is known; otherwise it is
/// read again. Rows whose article the articles view does not hold yet are not kept (their source and
/// cluster are still to come). Bounded: when full, it is emptied and fills again with what is read.
/// </summary>
/// <param name="read">Reads versions held at a position in full from the database (<see cref="ViewQueries.ClaimVersionsAsync"/>).</param>
internal sealed class ClaimRows(Func<IReadOnlyCollection<(string ClaimId, long RecordedFrom)>, long, CancellationToken, Task<IReadOnlyDictionary<(string ClaimId, long RecordedFrom), ClaimRecord>>> read)
{
    /// <summary>About 1.5 KB a row with its quote and strings: at most about 30 MB.</summary>
    public const int Capacity = 20_000;

    private readonly Lock gate = new();
    private readonly Dictionary<(string ClaimId, long RecordedFrom), ClaimRecord> rows = [];
    private (int Claims, int Articles) generations;

    /// <summary>Every version ended at or before this claims position is known here: a kept row not ended did not end by then. -1: none known.</summary>
    private long endsKnownThrough = -1;

    public int Count
    {
        get
        {
            lock (gate)
                return rows.Count;
        }
    }

    /// <summary>The rows of <paramref name="versions"/> held at the snapshot, kept ones first, the rest from the database.</summary>
    /// <param name="claimsHead">Where the claims view stood when the read began: a kept row is current only if every end up to here is known.</param>
    public async Task<IReadOnlyDictionary<(string ClaimId, long RecordedFrom), ClaimRecord>> ReadAsync(
        IReadOnlyCollection<(string ClaimId, long RecordedFrom)> versions, PagedViews.Snapshot at, long claimsHead, CancellationToken cancellationToken)
    {
        var found = new Dictionary<(string ClaimId, long RecordedFrom), ClaimRecord>(versions.Count);
        var missing = new List<(string ClaimId, long RecordedFrom)>();
        long knownBefore;
        lock (gate)
        {
            if (generations != at.Tables)
                Reset(at.Tables, -1);
            var current = endsKnownThrough >= claimsHead;
            foreach (var version in versions)
            {
                if (rows.TryGetValue(version, out var row) && (row.RecordedTo is not null || current))
                    found[version] = row;
                else
                    missing.Add(version);
            }
            knownBefore = endsKnownThrough;
        }
        if (missing.Count == 0)
            return found;

        var fetched = await read(missing, at.Position, cancellationToken);
        lock (gate)
        {
            // A row read as not ended is kept only if no ends were learnt while it was read: one of them may be its own.
            var keepLive = knownBefore >= 0 && knownBefore == endsKnownThrough && generations == at.Tables;
            if (rows.Count + fetched.Count > Capacity)
                rows.Clear();
            foreach (var (version, row) in fetched)
            {
                found[version] = row;
                if (rows.Count < Capacity && row.Source.Length > 0 && (row.RecordedTo is not null || keepLive))
                    rows[version] = row;
            }
        }
        return found;
    }

    /// <summary>
    /// The head's indexes moved from one claims position to a later one and saw these versions end between:
    /// the kept rows learn where they ended. Moved from anywhere but where the last move ended, nothing
    /// kept can be vouched for, and all is dropped.
    /// </summary>
    public void Ended(PagedViews.Snapshot from, PagedViews.Snapshot to, IEnumerable<IndexedVersion> changes)
    {
        lock (gate)
        {
            if (generations != to.Tables || endsKnownThrough != from.ClaimsUpTo)
            {
                Reset(to.Tables, to.ClaimsUpTo);
                return;
            }
            foreach (var change in changes)
            {
                if (change.RecordedTo is { } end && end > from.ClaimsUpTo && end <= to.ClaimsUpTo
                    && rows.TryGetValue(change.Claim.Version, out var row) && row.RecordedTo is null)
                    rows[change.Claim.Version] = row with { RecordedTo = end };
            }
            endsKnownThrough = to.ClaimsUpTo;
        }
    }

    /// <summary>The head's indexes started afresh here: what ended before is not known, so nothing kept is kept.</summary>
    public void StartedAt(PagedViews.Snapshot at)
    {
        lock (gate)
            Reset(at.Tables, at.ClaimsUpTo);
    }

    private void Reset((int Claims, int Articles) tables, long knownThrough)
    {
        rows.Clear();
        generations = tables;
        endsKnownThrough = knownThrough;
    }
}
