using RaqqaLedger.Application.Articles;
using RaqqaLedger.Application.Claims;
using RaqqaLedger.Domain.Articles;
using RaqqaLedger.Domain.Claims;
using RaqqaLedger.Domain.Events;
using RaqqaLedger.Extraction.Rules;
using RaqqaLedger.Storage;
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
        Replace("version: 1\n", "version: 2\n");
        Replace("approx: [around, about,", "approx: [about,");
        var rule = content[content.IndexOf("      - id: mc.control-of-the-town", StringComparison.Ordinal)..];
        Replace(rule, "");
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
        Assert.Equal(1, published.Version);
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
        Assert.Equal(2, ((RuleSetPublished)appended[0].Event).Version);

        // Retracted: the claim of the removed rule, and the three "hold(s) around 90 percent" claims,
        // which the percent rules no longer match once "around" is not a hedge.
        var retracted = appended.Select(a => a.Event).OfType<ClaimRetracted>().OrderBy(r => r.Topic).ThenBy(r => r.Last.Quote).ToList();
        var ramiClaim = Assert.Single(before["001"].Claims.Live.Values, c => c.Facts.RuleId == "mc.control-of-the-town");
        Assert.Equal(
            ["city.sdf_control.percent", "city.sdf_control.percent", "city.sdf_control.percent", "mayadeen.captured"],
            retracted.Select(r => r.Topic));
        Assert.All(retracted.Take(3), r => Assert.Contains("around 90 percent", r.Last.Quote));
        Assert.Equal((ramiClaim.ClaimId, "Rami Abdurrahman", 2), (retracted[3].ClaimId, retracted[3].Last.Speaker, retracted[3].RuleSetVersion));
        Assert.All(retracted, r => Assert.Equal("no rule of rule set v2 finds it", r.Reason));

        // Revised: "around N fighters" is now read as exactly N; the same claims, only the value changed.
        var revised = appended.Select(a => a.Event).OfType<ClaimRevised>()
            .Select(r => (r.Topic, Before: r.Before.Value.ToJson(), After: r.After.Value.ToJson(), Changed: string.Join(',', r.Changed), r.After.Speaker))
            .OrderBy(r => r.Topic).ToList();
        Assert.Equal(
        [
            ("fighters.departed.count", """{"approx":275}""", """{"exact":275}""", "value", (string?)"SDF"),
            ("fighters.surrendered.count", """{"approx":100}""", """{"exact":100}""", "value", "US-led coalition"),
        ], revised);
        Assert.All(appended.Select(a => a.Event).OfType<ClaimRevised>(), r => Assert.Contains(before.Values, s => s.Claims.Live.ContainsKey(r.ClaimId)));

        // New topic: one new claim, in 001.
        var extracted = Assert.Single(appended.Select(a => a.Event).OfType<ClaimExtracted>());
        Assert.Equal(("convoy.left", ClaimValue.Yes(true), before["001"].Article.ArticleId, 2), (extracted.Topic, extracted.Value, extracted.ArticleId, extracted.RuleSetVersion));
        Assert.StartsWith("A convoy left Raqqa", extracted.Quote);

        Assert.Equal(1 + 4 + 2 + 1, appended.Count);
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

        Assert.Contains("must be greater than 2", error.Message);
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
        await Storage.Sqlite.SqliteEventStore.OpenAsync(Path.Combine(Path.GetTempPath(), "raqqa-app-tests", $"{Guid.NewGuid():N}.db"));
}

public sealed class PostgresRuleSetPublishingTests(PostgresCluster cluster) : RuleSetPublishingContract
{
    protected override async Task<IEventStore> OpenAsync() =>
        await Storage.Postgres.PostgresEventStore.OpenAsync(cluster.ConnectionString, PostgresCluster.NewSchema());
}
