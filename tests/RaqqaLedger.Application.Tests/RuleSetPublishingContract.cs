using RaqqaLedger.Application.Articles;
using RaqqaLedger.Application.Claims;
using RaqqaLedger.Domain.Articles;
using RaqqaLedger.Domain.Claims;
using RaqqaLedger.Domain.Events;
using RaqqaLedger.Extraction.Rules;
using RaqqaLedger.EventStore;
using RaqqaLedger.Testing;

namespace RaqqaLedger.Application.Tests;

/// <summary>Publishing rule sets and re-extracting, against a real store; run once per backend.</summary>
public abstract class RuleSetPublishingContract : IAsyncLifetime
{
    private static readonly EventMetadata Metadata = new("test", null, "test");
    private IEventStore? store;

    protected IEventStore Store => store!;

    protected abstract Task<IEventStore> OpenAsync();

    public async ValueTask InitializeAsync() => store = await OpenAsync();

    public async ValueTask DisposeAsync()
    {
        if (store is not null)
            await store.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>
    /// The bundled rules changed three ways: the Mayadeen "the town" rule removed, "around" no longer
    /// a hedge, and a new topic for convoys leaving (the README's example of adding a topic).
    /// </summary>
    private static string ChangedRules()
    {
        var content = DefaultRules.Content;
        string Replace(string from, string to)
        {
            Assert.Contains(from, content);
            return content = content.Replace(from, to);
        }
        content = RuleSetText.NextVersion(content);
        Replace("approx: [around, about,", "approx: [about,");
        content = RuleSetText.Without(content, "mc.control-of-the-town");
        content += """

          - id: convoy.left
            kind: yesno
            description: whether a convoy left Raqqa under the deal
            cue: 'convoy'
            rules:
              - id: cl.convoy-left
                value: true
                pattern: '(?<neg>\bno\s+)?\bconvoys?\s+(?:has\s+|had\s+)?(?:left|departed)\b'

        """;
        return content;
    }

    private static readonly int BundledVersion = RuleSetCompiler.Compile(DefaultRules.Content, DefaultRules.Source).Version;

    private async Task IngestSeedsAsync()
    {
        var submissions = Directory.GetFiles(RepoPaths.Seeds).Order(StringComparer.Ordinal)
            .Select(f => ArticleInput.FromText(Path.GetFileName(f), File.ReadAllBytes(f))).ToList();
        await new ArticleIngestion(Store, ArticleReadingOptions.Default).IngestAsync(submissions, Metadata);
    }

    private async Task<List<(RecordedEvent Recorded, object Event)>> EventsAfterAsync(long position)
    {
        var list = new List<(RecordedEvent, object)>();
        await foreach (var e in Store.ReadAllForwardAsync(position + 1))
            list.Add((e, EventJson.Deserialize(e.Type, e.Data)!));
        return list;
    }

    [Fact]
    public async Task Ingest_OnAnEmptyLog_PublishesTheBundledRulesFirst()
    {
        await IngestSeedsAsync();

        var first = (await EventsAfterAsync(0))[0];
        var published = Assert.IsType<RuleSetPublished>(first.Event);
        Assert.Equal(BundledVersion, published.Version);
        Assert.Equal(DefaultRules.Content, published.Content);
        Assert.Equal(RuleSetCompiler.Sha256Of(DefaultRules.Content), published.Sha256);
    }

    [Fact]
    public async Task PublishingTheSameContentAgain_AppendsNothing()
    {
        await IngestSeedsAsync();
        var head = await Store.ReadHeadAsync();

        var outcome = await RuleSetPublishing.PublishAsync(Store, DefaultRules.Content, "again.yaml", Metadata);

        Assert.Equal(PublishStatus.Unchanged, outcome.Status);
        Assert.Equal(head.Position, (await Store.ReadHeadAsync()).Position);
    }

    [Fact]
    public async Task PublishingAChangedRuleSet_AppendsExactlyTheRevisedRetractedAndNewClaims()
    {
        await IngestSeedsAsync();
        var before = (await LedgerSnapshot.LoadAsync(Store)).ToDictionary(s => s.Article.Source[..3]);
        var head = (await Store.ReadHeadAsync()).Position;

        var outcome = await RuleSetPublishing.PublishAsync(Store, ChangedRules(), "v2.yaml", Metadata);
        var appended = await EventsAfterAsync(head);

        Assert.Equal(PublishStatus.Published, outcome.Status);
        Assert.Equal((head + 1, head + appended.Count), (outcome.FirstPosition, outcome.LastPosition));
        Assert.IsType<RuleSetPublished>(appended[0].Event);
        Assert.Equal(BundledVersion + 1, ((RuleSetPublished)appended[0].Event).Version);

        // Retracted: the claim of the removed rule, which no other rule reads.
        var retracted = appended.Select(a => a.Event).OfType<ClaimRetracted>().ToList();
        var ramiClaim = Assert.Single(before["001"].Claims.Live.Values, c => c.Facts.RuleId == "mc.control-of-the-town");
        var retraction = Assert.Single(retracted);
        Assert.Equal((ramiClaim.ClaimId, "mayadeen.captured", "Rami Abdurrahman", BundledVersion + 1), (retraction.ClaimId, retraction.Topic, retraction.Last.Speaker, retraction.RuleSetVersion));
        Assert.Equal($"no rule of rule set v{BundledVersion + 1} finds it", retraction.Reason);

        // Revised: "around N" is now read as exactly N (the frames take "around" for a word before the
        // quantity); the same claims, only the value changed.
        var revised = appended.Select(a => a.Event).OfType<ClaimRevised>()
            .Select(r => (r.Topic, Before: r.Before.Value.ToJson(), After: r.After.Value.ToJson(), Changed: string.Join(',', r.Changed), r.After.Speaker))
            .OrderBy(r => r.Topic).ThenBy(r => r.Speaker).ToList();
        Assert.Equal(
        [
            ("city.sdf_control.percent", """{"approx":90}""", """{"exact":90}""", "value", (string?)null),
            ("city.sdf_control.percent", """{"approx":90}""", """{"exact":90}""", "value", null),
            ("city.sdf_control.percent", """{"approx":90}""", """{"exact":90}""", "value", null),
            ("fighters.departed.count", """{"approx":275}""", """{"exact":275}""", "value", "SDF"),
            ("fighters.surrendered.count", """{"approx":100}""", """{"exact":100}""", "value", "US-led coalition"),
        ], revised);
        Assert.All(appended.Select(a => a.Event).OfType<ClaimRevised>(), r => Assert.Contains(before.Values, s => s.Claims.Live.ContainsKey(r.ClaimId)));

        // New topic: one new claim, in 001.
        var extracted = Assert.Single(appended.Select(a => a.Event).OfType<ClaimExtracted>());
        Assert.Equal(("convoy.left", ClaimValue.Yes(true), before["001"].Article.ArticleId, BundledVersion + 1), (extracted.Topic, extracted.Value, extracted.ArticleId, extracted.RuleSetVersion));
        Assert.StartsWith("A convoy left Raqqa", extracted.Quote);

        Assert.Equal(1 + 1 + 5 + 1, appended.Count);
        Assert.All(appended.Skip(1), a => Assert.StartsWith("claims-", a.Recorded.StreamId));
        Assert.True((await ChainVerifier.VerifyAsync(Store)).Ok);
    }

    [Fact]
    public async Task PublishingTheChangedRuleSetTwice_AppendsNothingTheSecondTime()
    {
        await IngestSeedsAsync();
        await RuleSetPublishing.PublishAsync(Store, ChangedRules(), "v2.yaml", Metadata);
        var head = (await Store.ReadHeadAsync()).Position;

        var again = await RuleSetPublishing.PublishAsync(Store, ChangedRules(), "v2.yaml", Metadata);

        Assert.Equal(PublishStatus.Unchanged, again.Status);
        Assert.Equal(head, (await Store.ReadHeadAsync()).Position);
    }

    [Fact]
    public async Task PublishingAnOlderVersion_IsRefusedAndWritesNothing()
    {
        await IngestSeedsAsync();
        await RuleSetPublishing.PublishAsync(Store, ChangedRules(), "v2.yaml", Metadata);
        var head = (await Store.ReadHeadAsync()).Position;

        var error = await Assert.ThrowsAsync<InvalidRuleSetException>(() =>
            RuleSetPublishing.PublishAsync(Store, DefaultRules.Content.Replace("description: Claims", "description: Other claims"), "old.yaml", Metadata));

        Assert.Contains($"must be greater than {BundledVersion + 1}", error.Message);
        Assert.Equal(head, (await Store.ReadHeadAsync()).Position);
    }

    [Fact]
    public async Task ArticlesIngestedAfterAPublish_AreExtractedUnderTheNewRules()
    {
        await RuleSetPublishing.PublishAsync(Store, ChangedRules(), "v2.yaml", Metadata);

        await IngestSeedsAsync();

        var claims = (await LedgerSnapshot.LoadAsync(Store)).SelectMany(s => s.Claims.Live.Values).ToList();
        Assert.Contains(claims, c => c.Topic == "convoy.left");
        Assert.DoesNotContain(claims, c => c.Facts.RuleId == "mc.control-of-the-town");
    }

    [Fact]
    public async Task IngestingTheSameArticlesIntoTwoLogs_GivesTheSameClaimEvents()
    {
        await IngestSeedsAsync();
        await using var other = await OpenAsync();
        await new ArticleIngestion(other, ArticleReadingOptions.Default).IngestAsync(
            [.. Directory.GetFiles(RepoPaths.Seeds).Order(StringComparer.Ordinal).Select(f => ArticleInput.FromText(Path.GetFileName(f), File.ReadAllBytes(f)))],
            Metadata);

        static async Task<List<(string, string, Guid)>> Claims(IEventStore s)
        {
            var list = new List<(string, string, Guid)>();
            await foreach (var e in s.ReadAllForwardAsync())
                list.Add((e.Type, e.Data, e.EventId));
            return list;
        }
        Assert.Equal(await Claims(Store), await Claims(other));
    }
}

public sealed class SqliteRuleSetPublishingTests : RuleSetPublishingContract
{
    protected override async Task<IEventStore> OpenAsync() =>
        await RaqqaLedger.EventStore.Sqlite.SqliteEventStore.OpenAsync(Path.Combine(Path.GetTempPath(), "raqqa-app-tests", $"{Guid.NewGuid():N}.db"));
}

public sealed class PostgresRuleSetPublishingTests(PostgresCluster cluster) : RuleSetPublishingContract
{
    protected override async Task<IEventStore> OpenAsync() =>
        await RaqqaLedger.EventStore.Marten.MartenEventStore.OpenAsync(cluster.ConnectionString, PostgresCluster.NewSchema());
}
