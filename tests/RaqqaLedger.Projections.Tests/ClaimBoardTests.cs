using RaqqaLedger.Domain.Claims;
using RaqqaLedger.Projections.Views;
using static RaqqaLedger.Projections.Tests.ClaimRecords;
using RaqqaLedger.Testing.Folds;

namespace RaqqaLedger.Projections.Tests;

public class ClaimBoardTests
{
    private static readonly StatusRule Rule = new(2, 10m);

    private const string Left = "foreign_fighters_left", Evacuated = "fighters_evacuated";

    private static BoardTopic OnlyTopic(Board board) => Assert.Single(board.Topics);

    private static string[] Ids(IEnumerable<ClaimRecord> claims) => [.. claims.Select(c => c.ClaimId)];

    [Fact]
    public void AsOf_KeepsClaimsPublishedByTheEndOfThatDay_AndDropsLaterOnes()
    {
        var before = Claim(Evacuated, ClaimValue.Exact(275), Oct(14), "SDF", article: 1, id: "before");
        var onTheDay = Claim(Evacuated, ClaimValue.Approx(275), Oct(15), "Omar Alloush", article: 2, id: "on");
        var after = Claim(Evacuated, ClaimValue.Exact(4000), Oct(16), "BBC", article: 3, id: "after");

        var board = ClaimBoard.Build([after, onTheDay, before], Rule, Oct(15));

        var topic = OnlyTopic(board);
        Assert.Equal(["before", "on"], Ids(topic.Claims));
        // The later, conflicting 4000 weighs in no status as of the 15th.
        Assert.Equal(ClaimStatus.Confirmed, topic.Status);
        Assert.Equal(ClaimStatus.Disputed, OnlyTopic(ClaimBoard.Build([after, onTheDay, before], Rule, Oct(16))).Status);
    }

    [Fact]
    public void WithACutOff_UndatedClaimsAreListedApart_AndWeighInNoStatus()
    {
        var dated = Claim(Left, ClaimValue.Yes(true), Oct(15), "Omar Alloush", article: 1, id: "dated");
        var undated = Claim(Left, ClaimValue.Yes(false), null, "Mostafa Bali", article: 2, id: "undated");
        var undatedElsewhere = Claim(Evacuated, ClaimValue.Exact(275), null, "SDF", article: 3, id: "undated-elsewhere");

        var board = ClaimBoard.Build([undated, dated, undatedElsewhere], Rule, Oct(20));

        Assert.Equal(["undated", "undated-elsewhere"], Ids(board.Undated));
        var topic = OnlyTopic(board);
        Assert.Equal(Left, topic.Topic);
        Assert.Equal(["dated"], Ids(topic.Claims));
        Assert.Equal(ClaimStatus.SingleSource, topic.Status);
    }

    [Fact]
    public void WithoutACutOff_UndatedClaimsStandInTheirTopics_Last()
    {
        var dated = Claim(Left, ClaimValue.Yes(true), Oct(15), "Omar Alloush", article: 5, id: "dated");
        var undated = Claim(Left, ClaimValue.Yes(false), null, "Mostafa Bali", article: 2, id: "undated");

        var board = ClaimBoard.Build([undated, dated], Rule, null);

        Assert.Empty(board.Undated);
        var topic = OnlyTopic(board);
        Assert.Equal(["dated", "undated"], Ids(topic.Claims));
        Assert.Equal(ClaimStatus.Disputed, topic.Status);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void RetractionTombstones_NeverAppear_AndWeighInNoStatus(bool withCutOff)
    {
        var asOf = withCutOff ? Oct(20) : (DateOnly?)null;
        var live = Claim(Left, ClaimValue.Yes(true), Oct(15), "Omar Alloush", article: 1, id: "live");
        var retracted = Claim(Left, ClaimValue.Yes(false), Oct(15), "Mostafa Bali", article: 2, change: ClaimChange.Retracted, id: "retracted");
        var retractedUndated = Claim(Left, ClaimValue.Yes(false), null, "SDF", article: 3, change: ClaimChange.Retracted, id: "retracted-undated");
        var retractedAlone = Claim(Evacuated, ClaimValue.Exact(275), Oct(15), "SDF", article: 4, change: ClaimChange.Retracted, id: "retracted-alone");

        var board = ClaimBoard.Build([live, retracted, retractedUndated, retractedAlone], Rule, asOf);

        Assert.Empty(board.Undated);
        var topic = OnlyTopic(board);
        Assert.Equal(Left, topic.Topic);
        Assert.Equal(["live"], Ids(topic.Claims));
        Assert.Equal(ClaimStatus.SingleSource, topic.Status);
    }

    [Fact]
    public void YesAndNo_IsDisputed()
    {
        var board = ClaimBoard.Build(
            [Claim(Left, ClaimValue.Yes(true), Oct(15), "Omar Alloush", article: 1), Claim(Left, ClaimValue.Yes(false), Oct(15), "Mostafa Bali", article: 2)],
            Rule, null);

        Assert.Equal(ClaimStatus.Disputed, OnlyTopic(board).Status);
    }

    [Fact]
    public void TwoDifferentSpeakersAgreeing_IsConfirmed()
    {
        var board = ClaimBoard.Build(
            [Claim(Evacuated, ClaimValue.Exact(275), Oct(15), "Omar Alloush", article: 1), Claim(Evacuated, ClaimValue.Approx(260), Oct(16), "SDF", article: 2)],
            Rule, null);

        Assert.Equal(ClaimStatus.Confirmed, OnlyTopic(board).Status);
    }

    [Fact]
    public void OneSpeakerTwice_IsSingleSource()
    {
        var board = ClaimBoard.Build(
            [Claim(Left, ClaimValue.Yes(true), Oct(15), "Omar Alloush", article: 1), Claim(Left, ClaimValue.Yes(true), Oct(16), "Omar Alloush", article: 2, cluster: "other")],
            Rule, null);

        Assert.Equal(ClaimStatus.SingleSource, OnlyTopic(board).Status);
    }

    [Fact]
    public void TheOutletsVoice_InTwoCopiesOfOneWireStory_IsOneSource()
    {
        var board = ClaimBoard.Build(
            [Claim(Left, ClaimValue.Yes(true), Oct(15), null, article: 1, cluster: "afp-1"), Claim(Left, ClaimValue.Yes(true), Oct(16), null, article: 2, cluster: "afp-1")],
            Rule, null);

        Assert.Equal(ClaimStatus.SingleSource, OnlyTopic(board).Status);
    }

    [Fact]
    public void TheOutletsVoice_InTwoSeparateStories_IsTwoSources()
    {
        var board = ClaimBoard.Build(
            [Claim(Left, ClaimValue.Yes(true), Oct(15), null, article: 1, cluster: "afp-1"), Claim(Left, ClaimValue.Yes(true), Oct(16), null, article: 2, cluster: "reuters-7")],
            Rule, null);

        Assert.Equal(ClaimStatus.Confirmed, OnlyTopic(board).Status);
    }

    [Fact]
    public void TheStatusRule_DecidesHowManySourcesConfirm()
    {
        ClaimRecord[] claims =
        [
            Claim(Evacuated, ClaimValue.Exact(275), Oct(15), "Omar Alloush", article: 1),
            Claim(Evacuated, ClaimValue.Exact(275), Oct(15), "SDF", article: 2),
        ];
        var strict = new StatusRule(3, 10m);

        var board = ClaimBoard.Build(claims, strict, null);

        Assert.Equal(ClaimStatus.SingleSource, OnlyTopic(board).Status);
        Assert.Same(strict, board.Rule);
        Assert.Equal(ClaimStatus.Confirmed, OnlyTopic(ClaimBoard.Build(claims, Rule, null)).Status);
    }

    [Fact]
    public void TheStatusRule_DecidesWhenNumbersAgree()
    {
        ClaimRecord[] claims =
        [
            Claim(Evacuated, ClaimValue.Exact(100), Oct(15), "Omar Alloush", article: 1),
            Claim(Evacuated, ClaimValue.Exact(115), Oct(15), "SDF", article: 2),
        ];

        Assert.Equal(ClaimStatus.Disputed, OnlyTopic(ClaimBoard.Build(claims, new StatusRule(2, 5m), null)).Status);
        Assert.Equal(ClaimStatus.Confirmed, OnlyTopic(ClaimBoard.Build(claims, new StatusRule(2, 10m), null)).Status);
    }

    [Fact]
    public void Topics_AreSortedByName()
    {
        var board = ClaimBoard.Build(
            [
                Claim("who_negotiated", ClaimValue.Of("local_officials"), Oct(15), article: 1),
                Claim(Left, ClaimValue.Yes(true), Oct(15), article: 2),
                Claim(Evacuated, ClaimValue.Exact(275), Oct(15), article: 3),
            ],
            Rule, null);

        Assert.Equal([Evacuated, Left, "who_negotiated"], board.Topics.Select(t => t.Topic));
    }

    [Fact]
    public void Claims_AreInReportingOrder_ByDayThenArticlePositionThenSpan()
    {
        var laterDayEarlyArticle = Claim(Evacuated, ClaimValue.Exact(275), Oct(16), "A", article: 1, spanStart: 0, id: "oct16-a1");
        var secondArticleLateSpan = Claim(Evacuated, ClaimValue.Exact(275), Oct(15), "B", article: 3, spanStart: 900, id: "oct15-a3-900");
        var secondArticleEarlySpan = Claim(Evacuated, ClaimValue.Exact(275), Oct(15), "C", article: 3, spanStart: 50, id: "oct15-a3-50");
        var firstArticle = Claim(Evacuated, ClaimValue.Exact(275), Oct(15), "D", article: 2, spanStart: 999, id: "oct15-a2");
        var earliestDay = Claim(Evacuated, ClaimValue.Exact(275), Oct(14), "E", article: 9, spanStart: 500, id: "oct14-a9");

        var board = ClaimBoard.Build([laterDayEarlyArticle, secondArticleLateSpan, secondArticleEarlySpan, firstArticle, earliestDay], Rule, null);

        Assert.Equal(["oct14-a9", "oct15-a2", "oct15-a3-50", "oct15-a3-900", "oct16-a1"], Ids(OnlyTopic(board).Claims));
    }

    [Fact]
    public void UndatedClaims_ListedApart_AreInReportingOrderToo()
    {
        var board = ClaimBoard.Build(
            [
                Claim(Left, ClaimValue.Yes(true), null, "A", article: 7, id: "a7"),
                Claim(Evacuated, ClaimValue.Exact(275), null, "B", article: 3, spanStart: 40, id: "a3-40"),
                Claim(Left, ClaimValue.Yes(true), null, "C", article: 3, spanStart: 20, id: "a3-20"),
            ],
            Rule, Oct(20));

        Assert.Empty(board.Topics);
        Assert.Equal(["a3-20", "a3-40", "a7"], Ids(board.Undated));
    }
}
