using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using RaqqaLedger.EventStore;
using RaqqaLedger.EventStore.GroupCommit;
using RaqqaLedger.Testing;

namespace RaqqaLedger.EventStore.Tests;

/// <summary>
/// What every event log backend must do. Each backend subclasses this in a few lines; every test
/// gets its own database file or schema, so the suite runs in parallel.
/// </summary>
public abstract class EventStoreContract : IAsyncLifetime
{
    protected readonly FixedClock Clock = new(new DateTimeOffset(2017, 10, 15, 2, 27, 0, TimeSpan.Zero).AddTicks(1234567));
    private GroupCommitEventStore? store;

    protected GroupCommitEventStore Store => store ?? throw new InvalidOperationException("not opened");

    /// <summary>Opens this test's own store; a second call opens another handle on the same log.</summary>
    protected abstract Task<GroupCommitEventStore> OpenAsync();

    /// <summary>Runs raw SQL against this test's log, as a saboteur with database access would.</summary>
    protected abstract Task ExecuteSqlAsync(string sql);

    /// <summary>The tampering SQL of this engine.</summary>
    protected abstract LogSql Sql { get; }

    /// <summary>Whether the engine keeps data and metadata byte for byte; Marten's jsonb keeps the same JSON in its own layout.</summary>
    protected virtual bool KeepsJsonText => true;

    private string RemoveGuardsSql => Sql.RemoveGuards;

    public async ValueTask InitializeAsync() => store = await OpenAsync();

    public async ValueTask DisposeAsync()
    {
        if (store is not null)
            await store.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    protected static NewEvent Event(string type = "thing-happened.v1", object? data = null) =>
        new(Guid.NewGuid(), type, JsonSerializer.Serialize(data ?? new { n = 1 }), """{"actor":"test"}""");

    protected static NewEvent[] Events(int count) =>
        Enumerable.Range(0, count).Select(i => Event(data: new { i })).ToArray();

    [Fact]
    public async Task Append_ToNewStream_NumbersVersionsFromZeroAndPositionsFromOne()
    {
        var result = await Store.AppendAsync("a", ExpectedVersion.NoStream, Events(3));

        Assert.Equal((1, 3), (result.FirstPosition, result.LastPosition));
        Assert.Equal(2, result.NextExpectedVersion["a"]);
        var stored = await Store.ReadStreamAsync("a").ToListAsync();
        Assert.Equal([0L, 1L, 2L], stored.Select(e => e.StreamVersion));
        Assert.Equal([1L, 2L, 3L], stored.Select(e => e.Position));
    }

    [Fact]
    public async Task ReadAllOfTypes_ReturnsOnlyThoseTypes_InOrder_WithinTheRange_UpToTheLimit()
    {
        await Store.AppendAsync("a", ExpectedVersion.Any, [Event("x-happened.v1"), Event("y-happened.v1"), Event("x-happened.v1"), Event("z-happened.v1"), Event("x-happened.v1")]);

        var xs = await Store.ReadAllOfTypesAsync(1, 5, ["x-happened.v1"], 10);
        var xOrZ = await Store.ReadAllOfTypesAsync(2, 4, ["x-happened.v1", "z-happened.v1"], 10);
        var limited = await Store.ReadAllOfTypesAsync(1, 5, ["x-happened.v1"], 2);

        Assert.Equal([1L, 3L, 5L], xs.Select(e => e.Position));
        Assert.Equal([3L, 4L], xOrZ.Select(e => e.Position));
        Assert.Equal([1L, 3L], limited.Select(e => e.Position));
        Assert.Empty(await Store.ReadAllOfTypesAsync(1, 5, [], 10));
    }

    [Fact]
    public async Task Append_WithExactVersion_AppendsAfterIt()
    {
        await Store.AppendAsync("a", ExpectedVersion.NoStream, Events(2));

        var result = await Store.AppendAsync("a", ExpectedVersion.Exactly(1), Events(1));

        Assert.Equal(2, result.NextExpectedVersion["a"]);
        Assert.Equal(2, await Store.GetStreamVersionAsync("a"));
    }

    [Fact]
    public async Task Append_WithStaleExpectedVersion_IsRejectedAndWritesNothing()
    {
        await Store.AppendAsync("a", ExpectedVersion.NoStream, Events(2));
        var headBefore = await Store.ReadHeadAsync();

        var error = await Assert.ThrowsAsync<WrongExpectedVersionException>(
            () => Store.AppendAsync("a", ExpectedVersion.Exactly(0), Events(1)));

        Assert.Equal(1, error.ActualVersion);
        Assert.Contains("expected version 0", error.Message);
        Assert.Equal(headBefore, await Store.ReadHeadAsync(), LogHeadComparer.Instance);
        Assert.Equal(2, (await Store.ReadStreamAsync("a").ToListAsync()).Count);
    }

    [Fact]
    public async Task Append_WithNoStream_WhenTheStreamExists_IsRejected()
    {
        await Store.AppendAsync("a", ExpectedVersion.NoStream, Events(1));

        await Assert.ThrowsAsync<WrongExpectedVersionException>(() => Store.AppendAsync("a", ExpectedVersion.NoStream, Events(1)));
    }

    [Fact]
    public async Task Append_WithStreamExists_WhenTheStreamIsMissing_IsRejected()
    {
        var error = await Assert.ThrowsAsync<WrongExpectedVersionException>(
            () => Store.AppendAsync("missing", ExpectedVersion.StreamExists, Events(1)));

        Assert.Null(error.ActualVersion);
    }

    [Fact]
    public async Task Append_WithAny_AppendsWhateverTheStreamHolds()
    {
        await Store.AppendAsync("a", ExpectedVersion.Any, Events(1));
        var result = await Store.AppendAsync("a", ExpectedVersion.Any, Events(1));

        Assert.Equal(1, result.NextExpectedVersion["a"]);
    }

    [Fact]
    public async Task Append_ToSeveralStreams_IsAllOrNothing()
    {
        await Store.AppendAsync("b", ExpectedVersion.NoStream, Events(1));

        await Assert.ThrowsAsync<WrongExpectedVersionException>(() => Store.AppendAsync(
        [
            new StreamAppend("a", ExpectedVersion.NoStream, Events(2)),
            new StreamAppend("b", ExpectedVersion.NoStream, Events(1)),
        ]));
        Assert.Null(await Store.GetStreamVersionAsync("a"));

        var result = await Store.AppendAsync(
        [
            new StreamAppend("a", ExpectedVersion.NoStream, Events(2)),
            new StreamAppend("b", ExpectedVersion.Exactly(0), Events(1)),
        ]);
        Assert.Equal((2L, 4L), (result.FirstPosition, result.LastPosition));
        Assert.Equal(1, result.NextExpectedVersion["a"]);
        Assert.Equal(1, result.NextExpectedVersion["b"]);
    }

    [Theory]
    [InlineData("ThingHappened", """{"a":1}""")]
    [InlineData("thing-happened", """{"a":1}""")]
    [InlineData("thing-happened.v1", """{"a":""")]
    [InlineData("thing-happened.v1", "[1,2]")]
    [InlineData("thing-happened.v1", "")]
    // A NUL written as an escape: PostgreSQL's jsonb cannot hold it, so no engine takes it.
    [InlineData("thing-happened.v1", """{"a":"x\u0000y"}""")]
    [InlineData("thing-happened.v1", """{"a\u0000":1}""")]
    // A key twice in one object: jsonb would keep only the last.
    [InlineData("thing-happened.v1", """{"a":1,"a":2}""")]
    [InlineData("thing-happened.v1", """{"o":[{"a":1,"b":{"c":1},"a":2}]}""")]
    [InlineData("thing-happened.v1", """{"a":1,"\u0061":2}""")]
    public async Task Append_WithBadTypeNameOrPayload_IsRefusedAndWritesNothing(string type, string data)
    {
        await Assert.ThrowsAsync<InvalidAppendException>(() =>
            Store.AppendAsync("a", ExpectedVersion.Any, [new NewEvent(Guid.NewGuid(), type, data, "{}")]));

        Assert.Equal(0, (await Store.ReadHeadAsync()).Position);
    }

    /// <summary>The store does not police event ids: two events with one id are two events, each in its place.</summary>
    [Fact]
    public async Task TwoEventsWithOneId_AreBothStored_EachInItsPlace()
    {
        var id = Guid.NewGuid();

        await Store.AppendAsync([
            new StreamAppend("a", ExpectedVersion.Any, [new NewEvent(id, "thing-happened.v1", """{"n":1}""", "{}")]),
            new StreamAppend("b", ExpectedVersion.Any, [new NewEvent(id, "thing-happened.v1", """{"n":2}""", "{}")]),
        ]);

        var stored = await Store.ReadAllAsync(1, 10);
        Assert.Equal([("a", 1), ("b", 2)], stored.Select(e => (e.StreamId, JsonDocument.Parse(e.Data).RootElement.GetProperty("n").GetInt32())));
        Assert.True((await ChainVerifier.VerifyAsync(Store)).Ok);
    }

    /// <summary>What the two refusals above must not catch: an escaped backslash before "u0000", and one key in sibling objects.</summary>
    [Fact]
    public async Task Append_WithAnEscapedBackslashBeforeU0000_AndAKeyInSiblingObjects_IsKept()
    {
        await Store.AppendAsync("a", ExpectedVersion.Any,
            [new NewEvent(Guid.NewGuid(), "thing-happened.v1", """{"path":"C:\\u0000","x":{"a":1},"y":[{"a":2},{"a":3}],"a":4}""", "{}")]);

        var stored = JsonDocument.Parse(Assert.Single(await Store.ReadAllAsync(1, 10)).Data).RootElement;
        Assert.Equal("C:\\u0000", stored.GetProperty("path").GetString());
        Assert.Equal(3, stored.GetProperty("y")[1].GetProperty("a").GetInt32());
    }

    [Theory]
    [InlineData("")]
    [InlineData("line\nbreak")]
    public async Task Append_WithBadStreamId_IsRefused(string streamId)
    {
        await Assert.ThrowsAsync<InvalidAppendException>(() => Store.AppendAsync(streamId, ExpectedVersion.Any, Events(1)));
    }

    [Fact]
    public async Task StoredEvents_KeepTheirBytesTypeIdsAndUtcRecordedTime()
    {
        var e = new NewEvent(Guid.NewGuid(), "article-ingested.v1", """{"text":"Raqqa \"quoted\" ½ — ok","n":[1, 2]}""", """{"correlationId":"c-1","actor":"cli:test"}""");
        await Store.AppendAsync("article-x", ExpectedVersion.NoStream, [e]);

        var stored = Assert.Single(await Store.ReadAllAsync(1, 10));
        Assert.Equal((e.EventId, e.Type), (stored.EventId, stored.Type));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(e.Data), JsonNode.Parse(stored.Data)), stored.Data);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(e.Metadata), JsonNode.Parse(stored.Metadata)), stored.Metadata);
        if (KeepsJsonText)
            Assert.Equal((e.Data, e.Metadata), (stored.Data, stored.Metadata));
        Assert.Equal(HashChain.Truncate(Clock.GetUtcNow()), stored.RecordedAt);
        Assert.Equal(TimeSpan.Zero, stored.RecordedAt.Offset);
    }

    [Fact]
    public async Task ReadStream_FromAVersion_ReturnsOnlyThatStreamInOrder()
    {
        await Store.AppendAsync("a", ExpectedVersion.NoStream, Events(2));
        await Store.AppendAsync("b", ExpectedVersion.NoStream, Events(1));
        await Store.AppendAsync("a", ExpectedVersion.Exactly(1), Events(2));

        var fromOne = await Store.ReadStreamAsync("a", fromVersion: 1).ToListAsync();

        Assert.Equal([1L, 2L, 3L], fromOne.Select(e => e.StreamVersion));
        Assert.All(fromOne, e => Assert.Equal("a", e.StreamId));
        Assert.Empty(await Store.ReadStreamAsync("nothing").ToListAsync());
    }

    [Fact]
    public async Task ReadAll_IsPagedByPosition()
    {
        await Store.AppendAsync("a", ExpectedVersion.Any, Events(7));

        var page = await Store.ReadAllAsync(3, 2);
        var all = await Store.ReadAllForwardAsync(1, pageSize: 3).ToListAsync();

        Assert.Equal([3L, 4L], page.Select(e => e.Position));
        Assert.Equal(Enumerable.Range(1, 7).Select(i => (long)i), all.Select(e => e.Position));
        Assert.Empty(await Store.ReadAllAsync(8, 10));
    }

    [Fact]
    public async Task Subscribe_CatchesUpFromAPositionThenFollowsNewEvents()
    {
        await Store.AppendAsync("a", ExpectedVersion.Any, Events(3));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var seen = new List<long>();

        var following = Task.Run(async () =>
        {
            await foreach (var e in Store.SubscribeToAllAsync(afterPosition: 1, timeout.Token))
            {
                seen.Add(e.Position);
                if (e.Position == 5)
                    break;
            }
        });
        await Store.AppendAsync("b", ExpectedVersion.Any, Events(2));
        await following;

        Assert.Equal([2L, 3L, 4L, 5L], seen);
    }

    [Fact]
    public async Task Verify_OnAnIntactLog_PassesAndReportsTheHead()
    {
        await Store.AppendAsync("a", ExpectedVersion.Any, Events(5));

        var result = await ChainVerifier.VerifyAsync(Store);

        Assert.True(result.Ok, result.Problem);
        Assert.Equal(5, result.HeadPosition);
        Assert.Equal((await Store.ReadHeadAsync()).HashHex, result.HeadHash);
        Assert.Equal((await Store.ReadAllAsync(5, 1))[0].HashHex, result.HeadHash);
    }

    [Fact]
    public async Task TheDatabase_RefusesUpdateAndDeleteOnTheLog()
    {
        await Store.AppendAsync("a", ExpectedVersion.Any, Events(2));

        var update = await Assert.ThrowsAnyAsync<Exception>(() => ExecuteSqlAsync(Sql.SetType(1, "edited.v1")));
        var delete = await Assert.ThrowsAnyAsync<Exception>(() => ExecuteSqlAsync(Sql.Delete(2)));

        Assert.Contains("append-only", update.Message);
        Assert.Contains("append-only", delete.Message);
        Assert.True((await ChainVerifier.VerifyAsync(Store)).Ok);
        Assert.Equal("thing-happened.v1", (await Store.ReadAllAsync(1, 1))[0].Type);
    }

    /// <summary>A row as an intruder with database access would INSERT it, past the writer: here with a chained hash after <paramref name="previous"/>.</summary>
    private string IntruderRowSql(long position, byte[] previous)
    {
        var id = Guid.NewGuid();
        var at = HashChain.Truncate(Clock.GetUtcNow());
        var hash = HashChain.Compute(previous, position, "intruder", 0, id, "thing-happened.v1", "{}", "{}", at);
        return Sql.Insert(position, "intruder", 0, id, "thing-happened.v1", "{}", "{}", at, hash);
    }

    [Fact]
    public async Task TheDatabase_RefusesARowInsertedPastTheHeadByAnyoneButTheWriter()
    {
        await Store.AppendAsync("a", ExpectedVersion.Any, Events(2));
        var head = await Store.ReadHeadAsync();

        var insert = await Assert.ThrowsAnyAsync<Exception>(() => ExecuteSqlAsync(IntruderRowSql(3, head.Hash)));

        Assert.Contains("append-only", insert.Message);
        Assert.Equal(2, (await Store.ReadAllAsync(1, 10)).Count);
        await Store.AppendAsync("a", ExpectedVersion.Any, Events(1)); // the writer itself still appends
        Assert.True((await ChainVerifier.VerifyAsync(Store)).Ok);
    }

    [Fact]
    public async Task ARowPastTheHead_WithTheGuardsRemoved_IsNotDeliveredToSubscribers_AndVerifyNamesIt()
    {
        await Store.AppendAsync("a", ExpectedVersion.Any, Events(2));
        await ExecuteSqlAsync(RemoveGuardsSql);
        await ExecuteSqlAsync(IntruderRowSql(3, (await Store.ReadHeadAsync()).Hash));

        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        var delivered = new List<long>();
        try
        {
            await foreach (var e in Store.SubscribeToAllAsync(afterPosition: 2, wait.Token))
                delivered.Add(e.Position);
        }
        catch (OperationCanceledException)
        {
        }
        var result = await ChainVerifier.VerifyAsync(Store);

        Assert.Empty(delivered); // not the writer's: a subscriber waits for the next commit instead
        Assert.False(result.Ok);
        Assert.Equal(3, result.FirstBadPosition);
        Assert.Equal(2, result.HeadPosition);
        Assert.Contains("past the recorded head", result.Problem);
    }

    /// <summary>
    /// Issue 13.9: asked again, the server's verifier walks only what was appended since its last whole walk.
    /// Shown by an edit before that point, which it no longer reads (a full walk finds it), while an edit
    /// in the new part is found.
    /// </summary>
    [Fact]
    public async Task IncrementalVerify_WalksOnlyWhatWasAppendedSinceTheLastWholeWalk()
    {
        var verifier = new IncrementalVerifier(Store);
        await Store.AppendAsync("a", ExpectedVersion.Any, Events(5));
        var first = await verifier.VerifyAsync();
        await ExecuteSqlAsync(RemoveGuardsSql);
        await ExecuteSqlAsync(Sql.SetData(2, """{"i": 99}"""));
        await Store.AppendAsync("b", ExpectedVersion.Any, Events(3));

        var grown = await verifier.VerifyAsync();
        var again = await verifier.VerifyAsync();

        Assert.True(first.Ok, first.Problem);
        Assert.True(grown.Ok, grown.Problem);
        Assert.Equal(8, grown.HeadPosition);
        Assert.Same(grown, again); // the same head: answered from memory
        Assert.Equal(2, (await ChainVerifier.VerifyAsync(Store)).FirstBadPosition);

        await Store.AppendAsync("b", ExpectedVersion.Any, Events(3));
        await ExecuteSqlAsync(Sql.SetData(10, """{"i": 99}"""));
        var tampered = await verifier.VerifyAsync();
        Assert.False(tampered.Ok);
        Assert.Equal(10, tampered.FirstBadPosition);
    }

    [Fact]
    public async Task Verify_AfterAPayloadIsEditedWithTheGuardsRemoved_NamesThatPosition()
    {
        await Store.AppendAsync("a", ExpectedVersion.Any, Events(5));
        await ExecuteSqlAsync(RemoveGuardsSql);
        await ExecuteSqlAsync(Sql.SetData(3, """{"i": 99}"""));

        var result = await ChainVerifier.VerifyAsync(Store);

        Assert.False(result.Ok);
        Assert.Equal(3, result.FirstBadPosition);
        Assert.Equal(2, result.HeadPosition);
    }

    [Fact]
    public async Task Verify_AfterAnEventIsDeletedWithTheGuardsRemoved_NamesTheMissingPosition()
    {
        await Store.AppendAsync("a", ExpectedVersion.Any, Events(5));
        await ExecuteSqlAsync(RemoveGuardsSql);
        await ExecuteSqlAsync(Sql.Delete(4));

        var result = await ChainVerifier.VerifyAsync(Store);

        Assert.Equal(4, result.FirstBadPosition);
        Assert.Contains("missing", result.Problem);
    }

    [Fact]
    public async Task Verify_AfterTheLastEventIsDeleted_NoticesTheHeadDisagrees()
    {
        await Store.AppendAsync("a", ExpectedVersion.Any, Events(3));
        await ExecuteSqlAsync(RemoveGuardsSql);
        await ExecuteSqlAsync(Sql.Delete(3));

        var result = await ChainVerifier.VerifyAsync(Store);

        Assert.Equal(3, result.FirstBadPosition);
    }

    [Fact]
    public async Task Verify_AfterTwoEventsAreSwappedWithTheGuardsRemoved_NamesTheFirstOfThem()
    {
        await Store.AppendAsync("a", ExpectedVersion.Any, Events(3));
        await Store.AppendAsync("b", ExpectedVersion.Any, Events(2));
        await ExecuteSqlAsync(RemoveGuardsSql);
        // Rows moved whole: each keeps its content and stored hash, only their places change.
        await ExecuteSqlAsync(Sql.Move(2, 1000) + Sql.Move(4, 2) + Sql.Move(1000, 4));

        var result = await ChainVerifier.VerifyAsync(Store);

        Assert.False(result.Ok);
        Assert.Equal(2, result.FirstBadPosition);
        Assert.Equal(1, result.HeadPosition);
        Assert.Equal([1L, 2L, 3L, 4L, 5L], (await Store.ReadAllAsync(1, 10)).Select(e => e.Position));
    }

    [Theory]
    [InlineData(false, 3)]
    [InlineData(true, 4)]
    public async Task Verify_AfterAnEventIsInsertedWithTheGuardsRemoved_NamesTheFirstPositionThatNoLongerChains(bool chainedHash, long firstBad)
    {
        // An intruder at position 3, the events from 3 on moved up by one. With a made-up hash it fails where
        // it stands; a forger who chains its hash correctly only moves the break to the next event, whose
        // stored hash was made for position 3 after event 2.
        await Store.AppendAsync("a", ExpectedVersion.Any, Events(5));
        var second = (await Store.ReadAllAsync(2, 1)).Single();
        var id = Guid.NewGuid();
        var at = HashChain.Truncate(Clock.GetUtcNow());
        // Written as PostgreSQL's jsonb prints it, so the forger's hash covers the text as every engine stores it.
        const string data = """{"forged": true}""", metadata = "{}";
        var hash = chainedHash
            ? HashChain.Compute(second.Hash, 3, "intruder", 0, id, "thing-happened.v1", data, metadata, at)
            : second.Hash;
        await ExecuteSqlAsync(RemoveGuardsSql);
        await ExecuteSqlAsync(Sql.Shift(3, 1000) + Sql.Shift(1003, -999) + Sql.Insert(3, "intruder", 0, id, "thing-happened.v1", data, metadata, at, hash));

        var result = await ChainVerifier.VerifyAsync(Store);

        Assert.False(result.Ok);
        Assert.Equal(firstBad, result.FirstBadPosition);
        Assert.Equal(firstBad - 1, result.HeadPosition);
        Assert.Equal(6, (await Store.ReadAllAsync(1, 10)).Count);
    }

    [Fact]
    public async Task Digest_OfTheHead_IsTheLastEventsPositionHashAndCommitTime()
    {
        var empty = await LogDigest.OfHeadAsync(Store);
        await Store.AppendAsync("a", ExpectedVersion.Any, Events(3));

        var digest = await LogDigest.OfHeadAsync(Store);

        Assert.Equal(new LogDigest(0, new string('0', 64)), empty);
        var last = (await Store.ReadAllAsync(3, 1)).Single();
        Assert.Equal(new LogDigest(3, last.HashHex, last.RecordedAt), digest);
        Assert.Equal($"3:{last.HashHex}", digest.ToString());
        Assert.Equal(digest with { RecordedAt = null }, LogDigest.Parse(digest.ToString()));
    }

    [Fact]
    public async Task VerifyWithADigest_TakenEarlier_PassesAfterTheLogGrew()
    {
        var ofEmpty = await LogDigest.OfHeadAsync(Store);
        await Store.AppendAsync("a", ExpectedVersion.Any, Events(3));
        var earlier = await LogDigest.OfHeadAsync(Store);
        await Store.AppendAsync("b", ExpectedVersion.Any, Events(4));

        var sinceEmpty = await ChainVerifier.VerifyAsync(Store, ofEmpty);
        var sinceEarlier = await ChainVerifier.VerifyAsync(Store, LogDigest.Parse(earlier.ToString().ToUpperInvariant()));
        var atHead = await ChainVerifier.VerifyAsync(Store, await LogDigest.OfHeadAsync(Store));

        Assert.True(sinceEmpty.Ok, sinceEmpty.Problem);
        Assert.True(sinceEarlier.Ok, sinceEarlier.Problem);
        Assert.True(atHead.Ok, atHead.Problem);
        Assert.Equal(7, sinceEarlier.HeadPosition);
    }

    [Fact]
    public async Task VerifyWithADigest_WhoseHashIsNotTheLogsAtItsPosition_Fails()
    {
        await Store.AppendAsync("a", ExpectedVersion.Any, Events(4));
        var third = (await Store.ReadAllAsync(3, 1)).Single();

        var result = await ChainVerifier.VerifyAsync(Store, new LogDigest(2, third.HashHex));

        Assert.False(result.Ok);
        Assert.Null(result.FirstBadPosition);
        Assert.Contains("does not match", result.Problem);
        Assert.Contains("position 2", result.Problem);
    }

    [Fact]
    public async Task VerifyWithADigest_PastTheHead_Fails()
    {
        await Store.AppendAsync("a", ExpectedVersion.Any, Events(2));
        var head = await LogDigest.OfHeadAsync(Store);

        var result = await ChainVerifier.VerifyAsync(Store, head with { Position = 3 });

        Assert.False(result.Ok);
        Assert.Contains("past the head (position 2)", result.Problem);
    }

    [Fact]
    public async Task VerifyWithADigest_AfterAnEditBeforeIt_NamesTheEditedPosition()
    {
        await Store.AppendAsync("a", ExpectedVersion.Any, Events(5));
        var digest = await LogDigest.OfHeadAsync(Store);
        await ExecuteSqlAsync(RemoveGuardsSql);
        await ExecuteSqlAsync(Sql.SetData(2, """{"i": 99}"""));

        var result = await ChainVerifier.VerifyAsync(Store, digest);

        Assert.False(result.Ok);
        Assert.Equal(2, result.FirstBadPosition);
    }

    [Fact]
    public async Task VerifyWithADigest_AfterAnEditAndTheWholeChainRecomputed_Fails_ThoughThePlainVerifyPasses()
    {
        await Store.AppendAsync("a", ExpectedVersion.Any, Events(4));
        var digest = await LogDigest.OfHeadAsync(Store);
        await Store.AppendAsync("a", ExpectedVersion.Any, Events(2));
        await ExecuteSqlAsync(RemoveGuardsSql);
        await ExecuteSqlAsync(Sql.SetData(2, """{"i": 99}"""));
        await RechainAsync();

        var plain = await ChainVerifier.VerifyAsync(Store);
        var withDigest = await ChainVerifier.VerifyAsync(Store, digest);

        Assert.True(plain.Ok, plain.Problem);
        Assert.False(withDigest.Ok);
        Assert.Contains($"digest {digest} does not match", withDigest.Problem);
    }

    [Fact]
    public async Task VerifyWithADigest_AfterTheTailIsCutAndTheHeadRewound_Fails_ThoughThePlainVerifyPasses()
    {
        await Store.AppendAsync("a", ExpectedVersion.Any, Events(5));
        var digest = await LogDigest.OfHeadAsync(Store);
        var third = (await Store.ReadAllAsync(3, 1)).Single();
        await ExecuteSqlAsync(RemoveGuardsSql);
        await ExecuteSqlAsync(Sql.DeleteAfter(3) + Sql.SetHead(3, third.Hash));

        var plain = await ChainVerifier.VerifyAsync(Store);
        var withDigest = await ChainVerifier.VerifyAsync(Store, digest);

        Assert.True(plain.Ok, plain.Problem);
        Assert.False(withDigest.Ok);
        Assert.Contains("past the head (position 3)", withDigest.Problem);
    }

    /// <summary>What a forger with database access and this code would do after an edit: recompute every hash and the head.</summary>
    private async Task RechainAsync()
    {
        var previous = HashChain.Genesis;
        var sql = new System.Text.StringBuilder();
        long position = 0;
        await foreach (var e in Store.ReadAllForwardAsync())
        {
            previous = HashChain.Compute(previous, e);
            position = e.Position;
            sql.Append(Sql.SetHash(position, previous));
        }
        sql.Append(Sql.SetHead(position, previous));
        await ExecuteSqlAsync(sql.ToString());
    }

    [Fact]
    public async Task Reopening_KeepsTheLogAndContinuesTheChain()
    {
        await Store.AppendAsync("a", ExpectedVersion.NoStream, Events(2));
        await Store.DisposeAsync();

        await using var reopened = await OpenAsync();
        await reopened.AppendAsync("a", ExpectedVersion.Exactly(1), Events(1));

        Assert.Equal(3, (await reopened.ReadHeadAsync()).Position);
        Assert.True((await ChainVerifier.VerifyAsync(reopened)).Ok);
    }

    [Fact]
    public async Task ConcurrentWriters_8x1000_LoseNothingDuplicateNothingAndKeepTheChain()
    {
        const int writers = 8, appendsEach = 1000;

        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < appendsEach; i++)
                await Store.AppendAsync($"writer-{w}", i == 0 ? ExpectedVersion.NoStream : ExpectedVersion.Exactly(i - 1),
                    [Event(data: new { w, i })]);
        })));

        var all = await Store.ReadAllForwardAsync().ToListAsync();
        Assert.Equal(Enumerable.Range(1, writers * appendsEach).Select(i => (long)i), all.Select(e => e.Position));
        Assert.Equal(writers * appendsEach, all.Select(e => e.EventId).Distinct().Count());
        foreach (var stream in all.GroupBy(e => e.StreamId))
        {
            Assert.Equal(Enumerable.Range(0, appendsEach).Select(i => (long)i), stream.Select(e => e.StreamVersion));
            // Within a stream, events keep the order their writer appended them in.
            Assert.Equal(Enumerable.Range(0, appendsEach), stream.Select(e => JsonDocument.Parse(e.Data).RootElement.GetProperty("i").GetInt32()));
        }
        Assert.True((await ChainVerifier.VerifyAsync(Store)).Ok);
        // Group commit: concurrent appends shared transactions.
        Assert.True(Store.Statistics.Transactions < Store.Statistics.Appends,
            $"{Store.Statistics.Transactions} transactions for {Store.Statistics.Appends} appends");
    }

    [Fact]
    public async Task ConcurrentWriters_RacingOnOneStream_AreRefusedNeverMerged()
    {
        await Store.AppendAsync("contested", ExpectedVersion.NoStream, Events(1));
        var outcomes = new ConcurrentBag<bool>();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < 50; i++)
            {
                var version = await Store.GetStreamVersionAsync("contested");
                try
                {
                    await Store.AppendAsync("contested", ExpectedVersion.Exactly(version!.Value), Events(2));
                    outcomes.Add(true);
                }
                catch (WrongExpectedVersionException)
                {
                    outcomes.Add(false);
                }
            }
        })));

        var stream = await Store.ReadStreamAsync("contested").ToListAsync();
        Assert.Equal(1 + 2 * outcomes.Count(o => o), stream.Count);
        Assert.Equal(Enumerable.Range(0, stream.Count).Select(i => (long)i), stream.Select(e => e.StreamVersion));
        // Each successful append's two events sit side by side: nothing interleaved.
        for (var i = 1; i < stream.Count; i += 2)
            Assert.Equal(stream[i].Position + 1, stream[i + 1].Position);
        Assert.True((await ChainVerifier.VerifyAsync(Store)).Ok);
    }

    [Fact]
    public async Task ConcurrentAppends_WithTheSameExpectedVersion_ExactlyOneWins_TheOthersAreRefusedWhole()
    {
        // Two handles on one log, as two processes would have: each round, eight appends released together,
        // all expecting the version the stream is at; one lands, seven are refused, none is merged.
        await using var second = await OpenAsync();
        await Store.AppendAsync("contested", ExpectedVersion.NoStream, Events(1));
        const int rounds = 20, racers = 8;
        for (var round = 0; round < rounds; round++)
        {
            var expected = ExpectedVersion.Exactly(2L * round);
            using var start = new Barrier(racers);
            var attempts = Enumerable.Range(0, racers).Select(r => Task.Run(async () =>
            {
                start.SignalAndWait();
                try
                {
                    await (r % 2 == 0 ? Store : second).AppendAsync("contested", expected, [Event(data: new { round, r, part = 1 }), Event(data: new { round, r, part = 2 })]);
                    return r;
                }
                catch (WrongExpectedVersionException e)
                {
                    Assert.Equal(2L * round + 2, e.ActualVersion);
                    return -1;
                }
            })).ToList();
            var winners = (await Task.WhenAll(attempts)).Where(r => r >= 0).ToList();

            var winner = Assert.Single(winners);
            var tail = (await Store.ReadStreamAsync("contested", fromVersion: 2L * round + 1).ToListAsync())
                .Select(e => JsonDocument.Parse(e.Data).RootElement).ToList();
            Assert.Equal([(winner, 1), (winner, 2)], tail.Select(d => (d.GetProperty("r").GetInt32(), d.GetProperty("part").GetInt32())));
        }
        Assert.Equal(1 + 2 * rounds, (await Store.ReadAllForwardAsync().ToListAsync()).Count);
        Assert.True((await ChainVerifier.VerifyAsync(Store)).Ok);
    }

    [Fact]
    public async Task TwoStoresOnOneLog_AppendingAtOnce_StayGaplessAndChained()
    {
        await using var second = await OpenAsync();

        await Task.WhenAll(
            Task.Run(async () => { for (var i = 0; i < 300; i++) await Store.AppendAsync("one", ExpectedVersion.Any, Events(1)); }),
            Task.Run(async () => { for (var i = 0; i < 300; i++) await second.AppendAsync("two", ExpectedVersion.Any, Events(2)); }));

        var all = await Store.ReadAllForwardAsync().ToListAsync();
        Assert.Equal(Enumerable.Range(1, 900).Select(i => (long)i), all.Select(e => e.Position));
        Assert.True((await ChainVerifier.VerifyAsync(second)).Ok);
    }
}

public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

internal sealed class LogHeadComparer : IEqualityComparer<LogHead>
{
    public static readonly LogHeadComparer Instance = new();
    public bool Equals(LogHead? x, LogHead? y) => x?.Position == y?.Position && x?.HashHex == y?.HashHex;
    public int GetHashCode(LogHead obj) => obj.Position.GetHashCode();
}
