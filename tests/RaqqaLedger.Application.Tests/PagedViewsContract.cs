using System.Text.Json;
using System.Text.Json.Nodes;
using RaqqaLedger.Application.Views;
using RaqqaLedger.Domain.Claims;
using RaqqaLedger.Projections.Views;
using RaqqaLedger.Testing;
using RaqqaLedger.Views;
using RaqqaLedger.Testing.Folds;

namespace RaqqaLedger.Application.Tests;

/// <summary>
/// Issue 15: the head's indexes are brought forward by each commit, not read again, and what they serve
/// is exactly what the reference folds and a whole read give, at the head and at earlier positions.
/// </summary>
public abstract class PagedViewsContract : IAsyncLifetime
{
    private static readonly string[] Topics = ["fighters.departed.count", "foreign_fighters.departed", "deal.brokered_by", "no.such.topic"];
    private LedgerStorage? storage;

    protected LedgerStorage Storage => storage ?? throw new InvalidOperationException("not opened");

    protected abstract Task<LedgerStorage> OpenAsync();

    public async ValueTask InitializeAsync() => storage = await OpenAsync();

    public async ValueTask DisposeAsync()
    {
        if (storage is not null)
            await storage.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    public static TheoryData<int> Seeds => [.. Enumerable.Range(1, 6)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task AfterAnyCommits_TheKeptIndexesServe_WhatTheFoldsAndAWholeReadGive(int seed)
    {
        var random = new Random(seed);
        var ledger = new RandomLedger(seed);
        var kept = new LedgerViews(Storage.Store, Storage.Views);
        var positions = new List<long>();
        for (var round = random.Next(6, 14); round > 0; round--)
        {
            positions.Add(await AppendAsync(ledger, 1));
            await kept.Runner.CatchUpAsync();

            // A whole read: a fresh set of views, nothing kept.
            var whole = new LedgerViews(Storage.Store, Storage.Views);
            await AssertSameAsync(kept, whole, recordedAsOf: null, random);
            await AssertSameAsync(kept, whole, positions[random.Next(positions.Count)], random);
        }

        Assert.True(kept.Paged.Memory.BroughtForward > 0);
        Assert.True(kept.Paged.Memory.HeadReports > 0);
    }

    [Fact]
    public async Task AReadAfterAWrite_ReadsNoTopicWholeAgain()
    {
        var ledger = new RandomLedger(11);
        var queries = new ViewQueries(Storage.Views);
        var paged = new PagedViews(Storage.Views, queries);
        var runner = new ProjectionRunner(Storage.Store, Storage.Views);
        await AppendAsync(ledger, 3);
        await runner.CatchUpAsync();
        await paged.BoardAsync(null, null, null, null, null, 1000);
        var readsBefore = queries.TopicReads;
        Assert.True(readsBefore > 0);

        for (var round = 0; round < 5; round++)
        {
            await AppendAsync(ledger, 1);
            await runner.CatchUpAsync();

            var board = await paged.BoardAsync(null, null, null, null, null, 1000);
            var timeline = await paged.TimelineAsync(null, new DateOnly(2017, 10, 14), new DateOnly(2017, 11, 14), null, null, 1000);

            Assert.Equal(readsBefore, queries.TopicReads);
            var whole = Fresh();
            Assert.Equal(Json(await whole.BoardAsync(null, null, null, null, null, 1000)), Json(board));
            Assert.Equal(Json(await whole.TimelineAsync(null, new DateOnly(2017, 10, 14), new DateOnly(2017, 11, 14), null, null, 1000)), Json(timeline));
        }
        Assert.Equal(5, paged.Memory.BroughtForward);
    }

    /// <summary>
    /// The rows a page showed are kept: shown again, none is read from the database. A write that ends one of
    /// their versions is learnt by the head's move, and a page at an earlier position shows where it ended, as
    /// a whole read does; before the head has moved, the rows it cannot vouch for are read again.
    /// </summary>
    [Fact]
    public async Task RowsAPageShowed_AreNotReadAgain_AndLearnWhereTheirVersionsEnded()
    {
        var ledger = new RandomLedger(13);
        var queries = new ViewQueries(Storage.Views);
        var paged = new PagedViews(Storage.Views, queries);
        var runner = new ProjectionRunner(Storage.Store, Storage.Views);
        var early = await AppendAsync(ledger, 3);
        await runner.CatchUpAsync();
        var first = await paged.BoardAsync(null, null, null, null, null, 1000);
        var read = queries.VersionReads;
        Assert.True(read > 0);
        Assert.Equal(Json(first), Json(await paged.BoardAsync(null, null, null, null, null, 1000)));
        Assert.Equal(read, queries.VersionReads);
        Assert.True(paged.Memory.KeptRows > 0);

        var ended = 0;
        for (var round = 0; round < 30 && ended == 0; round++)
        {
            await AppendAsync(ledger, 1);
            await runner.CatchUpAsync();
            // Before any head read: the write's ends are not known to the kept rows yet.
            Assert.Equal(Json(await Fresh().BoardAsync(null, early, null, null, null, 1000)), Json(await paged.BoardAsync(null, early, null, null, null, 1000)));
            await paged.BoardAsync(null, null, null, null, null, 1000);
            var atEarly = await paged.BoardAsync(null, early, null, null, null, 1000);
            Assert.Equal(Json(await Fresh().BoardAsync(null, early, null, null, null, 1000)), Json(atEarly));
            ended = atEarly.Topics.SelectMany(t => t.Claims).Concat(atEarly.Undated).Count(c => c.RecordedTo is not null);
        }
        Assert.True(ended > 0);
    }

    /// <summary>
    /// A row read as not ended while a commit ended its version, the end learnt before the read returns, is not
    /// kept as not ended: a later read shows where the version ended, as the database does.
    /// </summary>
    [Fact]
    public async Task ARowReadWhileACommitEndsItsVersion_IsNotKeptAsNotEnded()
    {
        var ledger = new RandomLedger(13);
        var queries = new ViewQueries(Storage.Views);
        var runner = new ProjectionRunner(Storage.Store, Storage.Views);
        var early = await AppendAsync(ledger, 3);
        await runner.CatchUpAsync();
        var held = new List<IndexedVersion>();
        foreach (var topic in await queries.TopicsAsync(early))
            held.AddRange(await queries.IndexedVersionsAsync(topic, early));
        var versions = held.Select(v => v.Claim.Version).ToList();

        var readDone = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        var rows = new ClaimRows(async (asked, position, cancellationToken) =>
        {
            var found = await queries.ClaimVersionsAsync(asked, position, cancellationToken);
            readDone.TrySetResult();
            await release.Task;
            return found;
        });
        var atEarly = new PagedViews.Snapshot(early, early, 0, early, 0, AtHead: true);
        rows.StartedAt(atEarly);
        var reading = rows.ReadAsync(versions, atEarly, early, CancellationToken.None);
        await readDone.Task;
        Assert.All(held, v => Assert.Null(v.RecordedTo));

        // Commits until one of the rows being read has ended; the head's move tells the rows.
        var head = early;
        IReadOnlyList<IndexedVersion> changes = [];
        for (var round = 0; round < 30 && !changes.Any(c => c.RecordedTo is not null); round++)
        {
            head = await AppendAsync(ledger, 1);
            await runner.CatchUpAsync();
            changes = await queries.IndexedChangesAsync(early, head);
        }
        Assert.Contains(changes, c => c.RecordedTo is not null);
        rows.Ended(atEarly, atEarly with { Position = head, ClaimsUpTo = head, ArticlesUpTo = head }, changes);
        release.SetResult();
        Assert.All((await reading).Values, row => Assert.Null(row.RecordedTo));

        var again = await rows.ReadAsync(versions, atEarly, head, CancellationToken.None);
        var database = await queries.ClaimVersionsAsync(versions, early);
        Assert.Equal(database.ToDictionary(r => r.Key, r => r.Value.RecordedTo), again.ToDictionary(r => r.Key, r => r.Value.RecordedTo));
        Assert.Contains(again.Values, row => row.RecordedTo is not null);
    }

    /// <summary>The API keeps up after each write, so the reads that follow find the indexes at the head already.</summary>
    [Fact]
    public async Task KeepingUpAfterAWrite_BringsTheIndexesForward_BeforeAnyRead()
    {
        var ledger = new RandomLedger(9);
        var paged = Fresh();
        var runner = new ProjectionRunner(Storage.Store, Storage.Views);
        await AppendAsync(ledger, 2);
        await runner.CatchUpAsync();
        await paged.KeepUpAsync();
        Assert.Equal(0, paged.Memory.HeadPosition); // nothing kept before a read: keeping up starts nothing
        await paged.BoardAsync(null, null, null, null, null, 1000);

        var head = await AppendAsync(ledger, 1);
        await runner.CatchUpAsync();
        await paged.KeepUpAsync();

        Assert.Equal(head, paged.Memory.HeadPosition);
        Assert.Equal(1, paged.Memory.BroughtForward);
        var board = await paged.BoardAsync(null, null, null, null, null, 1000);
        Assert.Equal(1, paged.Memory.BroughtForward);
        Assert.Equal(Json(await Fresh().BoardAsync(null, null, null, null, null, 1000)), Json(board));
    }

    /// <summary>A reader of an earlier position does not set the head's indexes back: the next head read would replay all since.</summary>
    [Fact]
    public async Task AReadAtAnEarlierPosition_IsNotKeptAsTheHead()
    {
        var ledger = new RandomLedger(7);
        var paged = Fresh();
        var runner = new ProjectionRunner(Storage.Store, Storage.Views);
        var early = await AppendAsync(ledger, 2);
        var head = await AppendAsync(ledger, 4);
        await runner.CatchUpAsync();

        await paged.BoardAsync(null, early, null, null, null, 100);
        await paged.BoardAsync(null, null, null, null, null, 100);

        Assert.Equal(head, paged.Memory.HeadPosition);
        Assert.Equal(0, paged.Memory.BroughtForward);
    }

    [Fact]
    public async Task ANewStatusRule_ReachesTheKeptIndexesOfTopicsNoCommitTouched()
    {
        var ledger = new RandomLedger(5);
        var views = new LedgerViews(Storage.Store, Storage.Views);
        await AppendAsync(ledger, 6);
        await Storage.Store.AppendAsync([ledger.RuleSetWith(new StatusRule(2, 100))]);
        await views.Runner.CatchUpAsync();
        var lenient = await views.Paged.BoardAsync(null, null, null, null, null, 1000);

        // Nine sources to confirm and no tolerance: what was confirmed is not, and nothing else changed.
        await Storage.Store.AppendAsync([ledger.RuleSetWith(new StatusRule(9, 0))]);
        await views.Runner.CatchUpAsync();
        var strict = await views.Paged.BoardAsync(null, null, null, null, null, 1000);

        Assert.Contains(lenient.Topics, t => t.Status == ClaimStatus.Confirmed);
        Assert.Equal(Json(await Fresh().BoardAsync(null, null, null, null, null, 1000)), Json(strict));
        Assert.NotEqual(Json(lenient.Topics.Select(t => t.Status)), Json(strict.Topics.Select(t => t.Status)));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task TheReport_ReadThroughThePagedViews_IsTheOneTheFoldsGive(int seed)
    {
        var random = new Random(seed);
        var ledger = new RandomLedger(seed);
        var views = new LedgerViews(Storage.Store, Storage.Views);
        for (var round = 0; round < 3; round++)
        {
            await AppendAsync(ledger, random.Next(1, 4));
            await views.Runner.CatchUpAsync();
            var (from, to) = (new DateOnly(2017, 10, 14).AddDays(random.Next(10)), new DateOnly(2017, 11, 14).AddDays(-random.Next(10)));
            // The same report rendered from the folds' answers: the report reads every view it needs, whole.
            var folds = new Folds(Storage.Views);
            var (timeline, board, speakers) = (await folds.TimelineAsync(null, from, to), await folds.BoardAsync(to, null, null), await folds.SpeakersAsync());
            foreach (var format in new[] { ReportFormat.Md, ReportFormat.Csv })
            {
                Assert.Equal(
                    StoryReport.Render(from, to, format, TimelineDocuments(timeline), BoardDocument(board, to), SpeakerDocuments(speakers)),
                    await StoryReport.BuildAsync(views, from, to, format));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task ABoardPage_HoldsAtMostTheLimit_AndItsCursorsLeadThroughEveryClaim(int seed)
    {
        var random = new Random(seed);
        var ledger = new RandomLedger(seed);
        var views = new LedgerViews(Storage.Store, Storage.Views);
        await AppendAsync(ledger, 8);
        await views.Runner.CatchUpAsync();
        var asOf = new DateOnly(2017, 10, 14).AddDays(random.Next(32));
        var topic = Topics[random.Next(Topics.Length - 1)];
        var limit = random.Next(1, 6);

        // The undated claims fill what room the topic's page leaves; their cursor starts them when it leaves none.
        var first = await views.Paged.BoardAsync(asOf, null, topic, null, null, limit);
        var (dated, undated) = (new List<string>(), new List<string>());
        Assert.True(first.Topics.Sum(t => t.Claims.Count) + first.Undated.Count <= limit);
        dated.AddRange(first.Topics.SelectMany(t => t.Claims.Select(c => c.ClaimId)));
        undated.AddRange(first.Undated.Select(c => c.ClaimId));
        for (var next = first.Topics.SingleOrDefault()?.Next; next is not null;)
        {
            var page = await views.Paged.BoardAsync(asOf, null, topic, null, ViewCursor.Parse(next), limit);
            dated.AddRange(page.Topics.Single().Claims.Select(c => c.ClaimId));
            next = page.Topics.Single().Next;
        }
        for (var next = first.UndatedNext; next is not null;)
        {
            var page = await views.Paged.BoardAsync(asOf, null, topic, null, ViewCursor.Parse(next), limit);
            Assert.True(page.Undated.Count is > 0 and var n && n <= limit);
            undated.AddRange(page.Undated.Select(c => c.ClaimId));
            next = page.UndatedNext;
        }

        var fold = await new Folds(Storage.Views).BoardAsync(asOf, null, topic);
        Assert.Equal(fold.Topics.SelectMany(t => t.Claims.Select(c => c.ClaimId)), dated);
        Assert.Equal(fold.Undated.Select(c => c.ClaimId), undated);
        Assert.Equal(fold.Undated.Count, first.UndatedCount);
    }

    /// <summary>Appends the ledger's next chunks, each append on its own; returns the head.</summary>
    private async Task<long> AppendAsync(RandomLedger ledger, int chunks)
    {
        for (var i = 0; i < chunks; i++)
        {
            foreach (var append in ledger.NextChunk())
                await Storage.Store.AppendAsync([append]);
        }
        return (await Storage.Store.ReadHeadAsync()).Position;
    }

    /// <summary>Paged views with nothing kept: the whole read every kept index must equal.</summary>
    private PagedViews Fresh() => new(Storage.Views, new ViewQueries(Storage.Views));

    private async Task AssertSameAsync(LedgerViews kept, LedgerViews whole, long? recordedAsOf, Random random)
    {
        var asOf = random.Next(3) == 0 ? (DateOnly?)null : new DateOnly(2017, 10, 14).AddDays(random.Next(32));
        var topic = random.Next(3) == 0 ? null : Topics[random.Next(Topics.Length)];
        var limit = random.Next(1, 4) == 1 ? 1000 : random.Next(1, 6);

        var page = await kept.Paged.BoardAsync(asOf, recordedAsOf, topic, null, null, limit);
        Assert.Equal(Json(await whole.Paged.BoardAsync(asOf, recordedAsOf, topic, null, null, limit)), Json(page));

        // The reference fold: every claim of the board, in order, with each topic's status.
        var folds = new Folds(Storage.Views);
        var fold = await folds.BoardAsync(asOf, recordedAsOf, topic);
        var all = await kept.Paged.BoardAsync(asOf, recordedAsOf, topic, null, null, 100_000);
        Assert.Equal(Statuses(fold), [.. all.Topics.Select(t => (t.Topic, t.Status, Versions(t.Claims)))]);
        Assert.Equal(Versions(fold.Undated), Versions(all.Undated));

        var (from, to) = (new DateOnly(2017, 10, 14).AddDays(random.Next(10)), new DateOnly(2017, 11, 14).AddDays(-random.Next(10)));
        Assert.Equal(
            Json(await whole.Paged.TimelineAsync(topic, from, to, recordedAsOf, null, limit)),
            Json(await kept.Paged.TimelineAsync(topic, from, to, recordedAsOf, null, limit)));
        var timeline = await folds.TimelineAsync(topic, from, to, recordedAsOf);
        Assert.Equal(
            timeline.Select(t => Versions(t.Days.SelectMany(d => d.Entries).Concat(t.Undated).Select(e => e.Claim))),
            (await kept.Paged.TimelineAsync(topic, from, to, recordedAsOf, null, 100_000)).Select(t => Versions(t.Days.SelectMany(d => d.Entries).Concat(t.Undated))));

        // Who said what: every speaker's pages, joined up through their cursors, are the fold's document.
        var speakers = SpeakerDocuments(await folds.SpeakersAsync(recordedAsOf));
        Assert.Equal(Json(speakers), Json(await SpeakerPagesAsync(kept.Paged, recordedAsOf, null, limit)));
        if (speakers.Count > 0)
        {
            var one = speakers[random.Next(speakers.Count)];
            Assert.Equal(Json(new[] { one }), Json(await SpeakerPagesAsync(whole.Paged, recordedAsOf, one.Speaker.ToUpperInvariant(), limit)));
        }
    }

    /// <summary>The fold's board as the document the paged view gives when read whole.</summary>
    private static BoardDocument BoardDocument(Board board, DateOnly? asOf) => new(
        asOf, null, new StatusRuleDocument(board.Rule.ConfirmedMinSources, board.Rule.NumbersAgreeWithinPercent),
        [.. board.Topics.Select(t => new BoardTopicDocument(t.Topic, t.Status, [.. t.Claims.Select(ViewJson.Claim)], t.Claims.Count))],
        [.. board.Undated.Select(ViewJson.Claim)], board.Undated.Count);

    /// <summary>The fold's timeline as the documents the paged view gives when read whole.</summary>
    private static List<TopicTimelineDocument> TimelineDocuments(IReadOnlyList<TopicTimeline> timeline)
    {
        static TimelineEntryDocument Entry(TimelineEntry e) => new(ViewJson.Claim(e.Claim), e.Shifts, e.Contradicts?.ClaimId, e.Repeats?.ClaimId);
        return [.. timeline.Select(t => new TopicTimelineDocument(t.Topic, [.. t.Days.Select(d => new TimelineDayDocument(d.Day, [.. d.Entries.Select(Entry)]))],
            [.. t.Undated.Select(Entry)], t.Days.Sum(d => d.Entries.Count) + t.Undated.Count))];
    }

    /// <summary>The fold's who said what as the documents the paged view gives.</summary>
    private static List<SpeakerDocument> SpeakerDocuments(IReadOnlyList<SpeakerRecord> speakers)
    {
        static JsonNode? Value(ClaimRecord c) => ViewJson.Node(c.Version.Facts.Value);
        return [.. speakers.Select(s => new SpeakerDocument(s.Speaker, [.. s.Topics.Select(t => new SpeakerTopicDocument(t.Topic,
            [.. t.Statements.Select(ViewJson.Statement)],
            [.. t.Changes.Select(p => new PositionChangeDocument(Value(p.Before), p.Before.Published, Value(p.After), p.After.Published, [p.Before.ClaimId, p.After.ClaimId]))],
            t.Statements.Count))]))];
    }

    /// <summary>Who said what, every page of every listing followed and joined into one document.</summary>
    private static async Task<List<SpeakerDocument>> SpeakerPagesAsync(PagedViews paged, long? recordedAsOf, string? speaker, int limit)
    {
        var joined = new List<SpeakerDocument>();
        foreach (var first in await paged.SpeakersAsync(recordedAsOf, speaker, null, null, limit))
        {
            var topics = new List<SpeakerTopicDocument>();
            foreach (var listing in first.Topics)
            {
                var (statements, changes) = (listing.Statements.ToList(), listing.PositionChanges.ToList());
                Assert.True(statements.Count <= limit);
                for (var next = listing.Next; next is not null;)
                {
                    var page = Assert.Single(Assert.Single(await paged.SpeakersAsync(recordedAsOf, null, null, ViewCursor.Parse(next), limit)).Topics);
                    Assert.Equal(listing.Count, page.Count);
                    statements.AddRange(page.Statements);
                    changes.AddRange(page.PositionChanges);
                    next = page.Next;
                }
                topics.Add(new SpeakerTopicDocument(listing.Topic, statements, changes, listing.Count, null));
            }
            joined.Add(new SpeakerDocument(first.Speaker, topics));
        }
        return joined;
    }

    private static List<(string, ClaimStatus, string)> Statuses(Board board) =>
        [.. board.Topics.Select(t => (t.Topic, t.Status, Versions(t.Claims)))];

    /// <summary>Each claim's id, change and value: which version of it is shown, not only which claim.</summary>
    private static string Versions(IEnumerable<ClaimRecord> claims) =>
        string.Join(",", claims.Select(c => $"{c.ClaimId}:{c.Version.Change}:{c.Version.Facts.Value.ToJson()}"));

    private static string Versions(IEnumerable<ClaimDocument> claims) =>
        string.Join(",", claims.Select(c => $"{c.ClaimId}:{c.Change}:{c.Value?.ToJsonString()}"));

    private static string Json<T>(T value) => JsonSerializer.Serialize(value);
}

public sealed class SqlitePagedViewsTests : PagedViewsContract
{
    protected override Task<LedgerStorage> OpenAsync() =>
        StorageOpener.Default.OpenAsync($"sqlite:{Path.Combine(Path.GetTempPath(), "raqqa-app-tests", $"{Guid.NewGuid():N}.db")}");
}

public sealed class MartenPagedViewsTests(PostgresCluster cluster) : PagedViewsContract
{
    protected override Task<LedgerStorage> OpenAsync() =>
        StorageOpener.Default.OpenAsync($"{cluster.ConnectionString};Schema={PostgresCluster.NewSchema()}");
}
