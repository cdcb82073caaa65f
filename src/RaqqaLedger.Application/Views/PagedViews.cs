using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using RaqqaLedger.Domain.Claims;
using RaqqaLedger.Extraction.Rules;
using RaqqaLedger.Projections;
using RaqqaLedger.Projections.Views;
using RaqqaLedger.Views;

namespace RaqqaLedger.Application.Views;

/// <summary>
/// The board and the timeline a page at a time, for readers of a long story. Each topic's claims held at
/// a log position are indexed once (<see cref="TopicIndex"/>: places, values, sources, shifts, the
/// status at every day) and kept; a page then reads only its own rows in full. The indexes of the
/// views' head are brought forward by what each commit changed (<see cref="HeadIndexes"/>), so a read
/// after a write costs about what one without does; an index of an earlier position is never stale
/// (what the ledger held at a position never changes) and is kept among a few.
/// </summary>
public sealed class PagedViews(ViewDatabase views, ViewQueries queries)
{
    /// <summary>A limit that puts every item of every listing on one page: the views read whole (the CLI, the report).</summary>
    public const int Everything = int.MaxValue;

    /// <summary>Indexes of earlier positions kept, over every position and topic; past this, all are dropped and rebuilt on demand.</summary>
    private const int KeptIndexes = 32;

    private readonly HeadIndexes head = new(queries);

    /// <summary>What the kept indexes hold: the head's, brought forward, and those of earlier positions.</summary>
    public KeptIndexMemory Memory => head.Memory with
    {
        EarlierIndexes = indexes.Count,
        EarlierReports = indexes.Values.Sum(i => i.IsValueCreated && i.Value.IsCompletedSuccessfully ? i.Value.Result.Reports.Count : 0),
        KeptRows = head.Rows.Count,
    };

    private readonly ConcurrentDictionary<(Snapshot, string), Lazy<Task<TopicIndex>>> indexes = new();
    private readonly ConcurrentDictionary<Snapshot, Lazy<Task<IReadOnlyList<string>>>> topicLists = new();

    /// <summary>Brings the head's kept indexes to the views' head: called after a write, so the readers that follow find them there.</summary>
    public async Task KeepUpAsync(CancellationToken cancellationToken = default)
    {
        var (snapshot, rule, _) = await SnapshotAsync(null, cancellationToken);
        await head.KeepUpAsync(snapshot, rule, cancellationToken);
    }

    /// <summary>The board: per topic, the live claims published by a day and the topic's status then. With a cursor, only the listing it continues.</summary>
    public async Task<BoardDocument> BoardAsync(
        DateOnly? asOf, long? recordedAsOf, string? topic, string? speaker, ViewCursor? after, int limit, CancellationToken cancellationToken = default)
    {
        var continuesUndated = after?.List == ViewCursor.Undated;
        var (snapshot, rule, indexes, claimsHead) = await ReadAsync(after?.Position ?? recordedAsOf, continuesUndated ? topic : after?.List ?? topic, cancellationToken);
        Func<IndexedClaim, bool>? bySpeaker = speaker is null ? null : c => string.Equals(c.Speaker, speaker, StringComparison.OrdinalIgnoreCase);

        var topics = new List<(TopicIndex Index, ClaimStatus Status, Page Page)>();
        foreach (var index in continuesUndated ? [] : indexes)
        {
            if (index.StatusAsOf(asOf) is not { } status)
                continue;
            var page = index.Slice(index.Board(asOf), after?.After, limit, bySpeaker);
            if (speaker is null || page.Total > 0)
                topics.Add((index, status, page));
        }
        // The undated claims fill the room the topics' pages leave, so a page holds no more than a timeline's.
        var room = limit - topics.Sum(t => t.Page.Items.Count);
        var undated = asOf is not null && (after is null || continuesUndated) ? UndatedPage(indexes, after?.After, room, bySpeaker) : ([], 0, null);
        var undatedNext = undated.Total == 0 ? null
            : undated.Items.Count == 0 && after is null ? new ViewCursor(snapshot.Position, ViewCursor.Undated, null).Encode()
            : Cursor(snapshot, ViewCursor.Undated, undated.Next);

        var records = await head.Rows.ReadAsync([.. topics.SelectMany(t => t.Page.Items.Select(i => t.Index.Reports[i].Version)).Concat(undated.Items.Select(c => c.Version))],
            snapshot, claimsHead, cancellationToken);
        return new BoardDocument(
            asOf, after?.Position ?? recordedAsOf, new StatusRuleDocument(rule.ConfirmedMinSources, rule.NumbersAgreeWithinPercent),
            [.. topics.Select(t => new BoardTopicDocument(t.Index.Topic, t.Status, [.. t.Page.Items.Select(i => ViewJson.Claim(records[t.Index.Reports[i].Version]))],
                t.Page.Total, Cursor(snapshot, t.Index.Topic, t.Page.Next)))],
            [.. undated.Items.Select(c => ViewJson.Claim(records[c.Version]))], undated.Total, undatedNext);
    }

    /// <summary>The reporting timeline: per topic and day, each report with how it moved the story. With a cursor, only the topic it continues.</summary>
    public async Task<IReadOnlyList<TopicTimelineDocument>> TimelineAsync(
        string? topic, DateOnly from, DateOnly to, long? recordedAsOf, ViewCursor? after, int limit, CancellationToken cancellationToken = default)
    {
        LedgerViews.CheckRange(from, to);
        var (snapshot, _, indexes, claimsHead) = await ReadAsync(after?.Position ?? recordedAsOf, after?.List ?? topic, cancellationToken);
        var pages = indexes
            .Select(index => (Index: index, Listing: index.Timeline(from, to)))
            .Where(t => t.Listing.Count > 0)
            .Select(t => (t.Index, Page: t.Index.Slice(t.Listing, after?.After, limit)))
            .ToList();
        var records = await head.Rows.ReadAsync([.. pages.SelectMany(t => t.Page.Items.Select(i => t.Index.Reports[i].Version))], snapshot, claimsHead, cancellationToken);

        return [.. pages.Select(t =>
        {
            TimelineEntryDocument Entry(int i)
            {
                var judgement = t.Index.Judgements[i];
                string? Id(int? report) => report is { } r ? t.Index.Reports[r].Key.ClaimId : null;
                return new TimelineEntryDocument(ViewJson.Claim(records[t.Index.Reports[i].Version]), judgement.Shifts, Id(judgement.Contradicts), Id(judgement.Repeats));
            }
            var dated = t.Page.Items.Where(i => t.Index.Reports[i].Key.Published is not null);
            var days = dated.GroupBy(i => t.Index.Reports[i].Key.Published!.Value).Select(d => new TimelineDayDocument(d.Key, [.. d.Select(Entry)]));
            var undated = t.Page.Items.Where(i => t.Index.Reports[i].Key.Published is null).Select(Entry);
            return new TopicTimelineDocument(t.Index.Topic, [.. days], [.. undated], t.Page.Total, Cursor(snapshot, t.Index.Topic, t.Page.Next));
        })];
    }

    /// <summary>
    /// Who said what: each named speaker's live claims by topic, and where the speaker changed position. Each speaker's statements on each topic come a page at a time,
    /// with the changes of position that end on the page; with a cursor, only the listing it continues.
    /// </summary>
    /// <param name="speaker">Only this speaker (any case); null for all.</param>
    public async Task<IReadOnlyList<SpeakerDocument>> SpeakersAsync(
        long? recordedAsOf, string? speaker, string? topic, ViewCursor? after, int limit, CancellationToken cancellationToken = default)
    {
        var continues = after?.Speaker;
        var (snapshot, _, indexes, claimsHead) = await ReadAsync(after?.Position ?? recordedAsOf, continues?.Topic ?? topic, cancellationToken);
        bool Asked(string name) => continues is { } c ? name == c.Speaker : speaker is null || string.Equals(name, speaker, StringComparison.OrdinalIgnoreCase);
        var listings = indexes
            .SelectMany(index => index.Speakers.Where(s => Asked(s.Speaker)).Select(s => (Index: index, Listing: s, Page: index.Slice(s.Statements, after?.After, limit))))
            .ToList();
        var records = await head.Rows.ReadAsync([.. listings.SelectMany(l => l.Page.Items.Select(i => l.Index.Reports[i].Version))], snapshot, claimsHead, cancellationToken);

        SpeakerTopicDocument Document((TopicIndex Index, SpeakerListing Listing, Page Page) l)
        {
            var onPage = l.Page.Items.ToHashSet();
            JsonNode? Value(int i) => ViewJson.Node(l.Index.Reports[i].Value);
            return new SpeakerTopicDocument(l.Index.Topic,
                [.. l.Page.Items.Select(i => ViewJson.Statement(records[l.Index.Reports[i].Version]))],
                [.. l.Listing.Changes.Where(c => onPage.Contains(c.After)).Select(c => new PositionChangeDocument(
                    Value(c.Before), l.Index.Reports[c.Before].Key.Published, Value(c.After), l.Index.Reports[c.After].Key.Published,
                    [l.Index.Reports[c.Before].Key.ClaimId, l.Index.Reports[c.After].Key.ClaimId]))],
                l.Page.Total, Cursor(snapshot, ViewCursor.SpeakerList(l.Index.Topic, l.Listing.Speaker), l.Page.Next));
        }
        return [.. listings
            .GroupBy(l => l.Listing.Speaker, StringComparer.Ordinal)
            .OrderByDescending(s => s.Sum(l => l.Listing.Statements.Count))
            .ThenBy(s => s.Key, StringComparer.Ordinal)
            .Select(s => new SpeakerDocument(s.Key, [.. s.OrderBy(l => l.Index.Topic, StringComparer.Ordinal).Select(Document)]))];
    }

    /// <summary>The board's undated claims over every topic asked for, merged in reporting order.</summary>
    private static (IReadOnlyList<IndexedClaim> Items, int Total, ReportKey? Next) UndatedPage(
        IReadOnlyList<TopicIndex> indexes, ReportKey? after, int limit, Func<IndexedClaim, bool>? where)
    {
        if (limit <= 0)
            return ([], indexes.Sum(index => index.Slice(index.Undated, null, 0, where).Total), null);
        var slices = indexes.Select(index => (Index: index, Page: index.Slice(index.Undated, after, limit, where))).ToList();
        var candidates = slices.SelectMany(s => s.Page.Items.Select(i => s.Index.Reports[i])).OrderBy(c => c.Key).ToList();
        var items = candidates.Take(limit).ToList();
        // Each topic gave up to a page: more follow if the merge left some over, or if any topic had more than a page.
        var more = candidates.Count > limit || slices.Any(s => s.Page.Next is not null);
        return (items, slices.Sum(s => s.Page.Total), more && items.Count > 0 ? items[^1].Key : null);
    }

    private static string? Cursor(Snapshot snapshot, string list, ReportKey? next) =>
        next is { } key ? new ViewCursor(snapshot.Position, list, key).Encode() : null;

    /// <summary>
    /// What an index is read from: a position, and how far each projection had got (and in which
    /// generation of its tables) when it was read, so an index read while a projection lagged is not kept
    /// as the final word on that position.
    /// </summary>
    /// <param name="AtHead">Asked at the views' head (no earlier recorded position): the snapshot the head's indexes serve.</param>
    internal sealed record Snapshot(long Position, long ClaimsUpTo, int ClaimsGeneration, long ArticlesUpTo, int ArticlesGeneration, bool AtHead)
    {
        /// <summary>Every claim's article is in the articles view too, so each claim's cluster is final.</summary>
        public bool Settled => ArticlesUpTo >= ClaimsUpTo;

        /// <summary>Which tables the snapshot was read from: a rebuild of either view starts a new generation.</summary>
        public (int Claims, int Articles) Tables => (ClaimsGeneration, ArticlesGeneration);

        /// <summary>Whether this follows <paramref name="earlier"/> in the same tables: what it holds is that and what was written since.</summary>
        public bool Follows(Snapshot earlier) =>
            Tables == earlier.Tables
            && Position >= earlier.Position && ClaimsUpTo >= earlier.ClaimsUpTo && ArticlesUpTo >= earlier.ArticlesUpTo;
    }

    /// <summary>The snapshot of a position (the head when null), its status rule, and where the claims view stood.</summary>
    private async Task<(Snapshot, StatusRule, long ClaimsHead)> SnapshotAsync(long? position, CancellationToken cancellationToken)
    {
        var claims = await views.ReadCheckpointAsync(ClaimsProjection.Name, cancellationToken);
        var articles = await views.ReadCheckpointAsync(ArticlesProjection.Name, cancellationToken);
        var at = position ?? claims?.Position ?? 0;
        var snapshot = new Snapshot(at, Math.Min(at, claims?.Position ?? 0), claims?.Generation ?? 0, Math.Min(at, articles?.Position ?? 0), articles?.Generation ?? 0,
            AtHead: at >= (claims?.Position ?? 0));
        return (snapshot, await queries.StatusRuleAsync(at, cancellationToken), claims?.Position ?? 0);
    }

    /// <summary>
    /// The indexes of a topic (every topic when null) at a position, or at the head when none is asked for, where
    /// they were read, and where the claims view stood when the read began (for the rows, see <see cref="ClaimRows"/>).
    /// </summary>
    private async Task<(Snapshot At, StatusRule Rule, IReadOnlyList<TopicIndex> Indexes, long ClaimsHead)> ReadAsync(long? position, string? topic, CancellationToken cancellationToken)
    {
        var (snapshot, rule, claimsHead) = await SnapshotAsync(position, cancellationToken);
        // Asked for the head, a read may be answered at a later one: a write that commits meanwhile is as
        // much the head, and the kept indexes already stand there.
        if (await head.IndexesAsync(snapshot, rule, topic, orLater: position is null, cancellationToken) is { } atHead)
            return (atHead.At, atHead.Rule, atHead.Indexes, claimsHead);
        return (snapshot, rule, await IndexesAsync(snapshot, rule, topic, cancellationToken), claimsHead);
    }

    private async Task<IReadOnlyList<TopicIndex>> IndexesAsync(Snapshot snapshot, StatusRule rule, string? topic, CancellationToken cancellationToken)
    {
        var topics = topic is not null ? [topic] : await Kept(topicLists, snapshot, () => queries.TopicsAsync(snapshot.Position, CancellationToken.None));
        var list = new List<TopicIndex>();
        foreach (var name in topics)
        {
            list.Add(await Kept(indexes, (snapshot, name), async () =>
                TopicIndex.Build(name, await queries.IndexedClaimsAsync(name, snapshot.Position, CancellationToken.None), rule)).WaitAsync(cancellationToken));
        }
        return list;
    }

    /// <summary>Built once per key, by whichever request asks first; a failed build is not kept.</summary>
    private static async Task<T> Kept<TKey, T>(ConcurrentDictionary<TKey, Lazy<Task<T>>> kept, TKey key, Func<Task<T>> build) where TKey : notnull
    {
        if (kept.Count >= KeptIndexes && !kept.ContainsKey(key))
            kept.Clear();
        var lazy = kept.GetOrAdd(key, _ => new Lazy<Task<T>>(build));
        try
        {
            return await lazy.Value;
        }
        catch
        {
            kept.TryRemove(new KeyValuePair<TKey, Lazy<Task<T>>>(key, lazy));
            throw;
        }
    }
}
