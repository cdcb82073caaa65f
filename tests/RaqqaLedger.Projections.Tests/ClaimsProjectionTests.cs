using RaqqaLedger.Domain.Articles;
using RaqqaLedger.Domain.Claims;
using RaqqaLedger.Domain.Events;

namespace RaqqaLedger.Projections.Tests;

public class ClaimsProjectionTests
{
    private static readonly DateTimeOffset At = new(2024, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private const string Topic = "foreign_fighters_left";

    private static ClaimFacts Facts(ClaimValue value, string? speaker, int start) =>
        new(value, speaker, speaker, $"sentence at {start}", new TextSpan(start, 40), new EventDate(new(2017, 10, 14), new(2017, 10, 14), "on Saturday"), "ffl.said");

    [Fact]
    public void ClaimExtracted_OpensOneExtractedVersion_AtItsPosition()
    {
        var e = new ClaimExtracted("c1", "a1", Topic, ClaimValue.Yes(true), "Omar Alloush", "Alloush", "Alloush said they left.",
            new TextSpan(120, 23), null, "ffl.said", 3);

        var changes = ClaimsProjection.Changes(42, At, e);

        var opened = Assert.IsType<VersionOpened>(Assert.Single(changes));
        Assert.Equal(
            new ClaimVersion("c1", "a1", Topic, ClaimChange.Extracted,
                new ClaimFacts(ClaimValue.Yes(true), "Omar Alloush", "Alloush", "Alloush said they left.", new TextSpan(120, 23), null, "ffl.said"),
                null, 3, 42, At),
            opened.Version);
    }

    [Fact]
    public void ClaimRevised_ClosesTheOpenVersion_ThenOpensARevisedOne_RememberingTheValueBefore()
    {
        var before = Facts(ClaimValue.Exact(250), "Mostafa Bali", 10);
        var after = Facts(ClaimValue.Approx(275), "Mostafa Bali", 12);
        var e = new ClaimRevised("c2", "a2", "fighters_evacuated", before, after, ["value", "span"], 4);

        var changes = ClaimsProjection.Changes(57, At, e);

        Assert.Collection(changes,
            c => Assert.Equal(new VersionClosed("c2", 57, At), c),
            c => Assert.Equal(
                new VersionOpened(new ClaimVersion("c2", "a2", "fighters_evacuated", ClaimChange.Revised, after, ClaimValue.Exact(250), 4, 57, At)),
                c));
    }

    [Fact]
    public void ClaimRetracted_ClosesTheOpenVersion_AndOpensATombstoneCarryingTheLastFacts()
    {
        var last = Facts(ClaimValue.Yes(false), null, 300);
        var e = new ClaimRetracted("c3", "a3", Topic, "no rule finds it", last, 5);

        var changes = ClaimsProjection.Changes(60, At, e);

        Assert.Collection(changes,
            c => Assert.Equal(new VersionClosed("c3", 60, At), c),
            c =>
            {
                var version = Assert.IsType<VersionOpened>(c).Version;
                Assert.Equal(ClaimChange.Retracted, version.Change);
                Assert.Same(last, version.Facts);
                Assert.Null(version.PreviousValue);
                Assert.Equal(new ClaimVersion("c3", "a3", Topic, ClaimChange.Retracted, last, null, 5, 60, At), version);
            });
    }

    [Fact]
    public void ArticleIngested_DatesTheArticle_WithItsDateBasisAndPosition()
    {
        var e = Article("a9", new PublicationDate(new DateOnly(2017, 10, 15), DateBasis.Inferred, "Sunday 15 October", "weekday and day"));

        var changes = ClaimsProjection.Changes(7, At, e);

        Assert.Equal(new ArticleDated("a9", new DateOnly(2017, 10, 15), DateBasis.Inferred, 7), Assert.Single(changes));
    }

    [Fact]
    public void ArticleIngested_OfUnknownDate_IsDatedNull()
    {
        var changes = ClaimsProjection.Changes(8, At, Article("a10", PublicationDate.Unknown("no date in the text")));

        Assert.Equal(new ArticleDated("a10", null, DateBasis.Unknown, 8), Assert.Single(changes));
    }

    [Fact]
    public void RuleSetPublished_ChangesTheStatusRule_ToTheOneItCarries()
    {
        var e = new RuleSetPublished(1, "raqqa-claims", "sha", "content is not read", "rules.yaml", new StatusRule(2, 10m));

        var changes = ClaimsProjection.Changes(3, At, e);

        var changed = Assert.IsType<StatusRuleChanged>(Assert.Single(changes));
        Assert.Equal(2, changed.Rule.ConfirmedMinSources);
        Assert.Equal(10m, changed.Rule.NumbersAgreeWithinPercent);
        Assert.Equal(new StatusRuleChanged(3, 1, "raqqa-claims", new StatusRule(2, 10m), At), changed);
    }

    [Fact]
    public void AnUnknownEvent_ChangesNothing()
    {
        Assert.Empty(ClaimsProjection.Changes(1, At, new object()));
        Assert.Empty(ClaimsProjection.Changes(2, At, "claim-extracted.v1"));
    }

    private static ArticleIngested Article(string id, PublicationDate published) =>
        new(id, $"{id}.txt", "RAQQA – text", "Title", published, null, [], [], null, null, [], "en");
}
