using RaqqaLedger.Domain.Claims;
using RaqqaLedger.Projections.Views;
using static RaqqaLedger.Projections.Tests.ClaimRecords;
using RaqqaLedger.Testing.Folds;

namespace RaqqaLedger.Projections.Tests;

public class WhoSaidWhatTests
{
    private const string Left = "foreign_fighters_left", Evacuated = "fighters_evacuated";
    private const string Alloush = "Omar Alloush", Bali = "Mostafa Bali";

    private static IReadOnlyList<SpeakerRecord> Build(params ClaimRecord[] claims) => WhoSaidWhat.Build(claims, 10m);

    [Fact]
    public void TheOutletsOwnVoice_IsLeftOut()
    {
        var quoted = Claim(Left, ClaimValue.Yes(true), Oct(15), Alloush, article: 1);
        var outlet = Claim(Left, ClaimValue.Yes(false), Oct(15), null, article: 2);

        var speaker = Assert.Single(Build(outlet, quoted));

        Assert.Equal(Alloush, speaker.Speaker);
        Assert.Same(quoted, Assert.Single(Assert.Single(speaker.Topics).Statements));
        Assert.Empty(Build(outlet));
    }

    [Fact]
    public void RetractionTombstones_AreLeftOut()
    {
        var live = Claim(Left, ClaimValue.Yes(true), Oct(15), Alloush, article: 1);
        var retracted = Claim(Left, ClaimValue.Yes(false), Oct(16), Alloush, article: 2, change: ClaimChange.Retracted);
        var retractedOnly = Claim(Left, ClaimValue.Yes(false), Oct(16), Bali, article: 3, change: ClaimChange.Retracted);

        var speaker = Assert.Single(Build(live, retracted, retractedOnly));

        var topic = Assert.Single(speaker.Topics);
        Assert.Same(live, Assert.Single(topic.Statements));
        Assert.Empty(topic.Changes);
    }

    [Fact]
    public void Statements_AreGroupedBySpeakerAndTopic_InReportingOrder()
    {
        var leftLate = Claim(Left, ClaimValue.Yes(true), Oct(17), Alloush, article: 1);
        var leftEarlyBSpan = Claim(Left, ClaimValue.Yes(true), Oct(15), Alloush, article: 4, spanStart: 300);
        var leftEarlyASpan = Claim(Left, ClaimValue.Yes(true), Oct(15), Alloush, article: 4, spanStart: 100);
        var evacuated = Claim(Evacuated, ClaimValue.Approx(275), Oct(16), Alloush, article: 2);
        var baliLeft = Claim(Left, ClaimValue.Yes(false), Oct(15), Bali, article: 3);

        var speakers = Build(leftLate, baliLeft, evacuated, leftEarlyBSpan, leftEarlyASpan);

        Assert.Equal([Alloush, Bali], speakers.Select(s => s.Speaker));
        Assert.Collection(speakers[0].Topics,
            t =>
            {
                Assert.Equal(Evacuated, t.Topic);
                Assert.Equal([evacuated], t.Statements);
            },
            t =>
            {
                Assert.Equal(Left, t.Topic);
                Assert.Equal([leftEarlyASpan, leftEarlyBSpan, leftLate], t.Statements);
                Assert.Empty(t.Changes);
            });
        var bali = Assert.Single(speakers[1].Topics);
        Assert.Equal(Left, bali.Topic);
        Assert.Equal([baliLeft], bali.Statements);
    }

    [Fact]
    public void YesThenNo_IsOnePositionChange()
    {
        var yes = Claim(Left, ClaimValue.Yes(true), Oct(14), Alloush, article: 1);
        var no = Claim(Left, ClaimValue.Yes(false), Oct(16), Alloush, article: 2);

        var topic = Assert.Single(Assert.Single(Build(no, yes)).Topics);

        var change = Assert.Single(topic.Changes);
        Assert.Same(yes, change.Before);
        Assert.Same(no, change.After);
    }

    [Fact]
    public void PositionChanges_AreBetweenConsecutiveStatements()
    {
        var yes = Claim(Left, ClaimValue.Yes(true), Oct(14), Alloush, article: 1);
        var yesAgain = Claim(Left, ClaimValue.Yes(true), Oct(15), Alloush, article: 2);
        var no = Claim(Left, ClaimValue.Yes(false), Oct(16), Alloush, article: 3);
        var yesOnceMore = Claim(Left, ClaimValue.Yes(true), Oct(17), Alloush, article: 4);

        var topic = Assert.Single(Assert.Single(Build(yes, yesAgain, no, yesOnceMore)).Topics);

        Assert.Equal([new PositionChange(yesAgain, no), new PositionChange(no, yesOnceMore)], topic.Changes);
    }

    [Fact]
    public void NumbersAgreeingWithinTheTolerance_AreNoChange_NumbersBeyondItAre()
    {
        var exact = Claim(Evacuated, ClaimValue.Exact(275), Oct(14), Alloush, article: 1);
        var around = Claim(Evacuated, ClaimValue.Approx(250), Oct(15), Alloush, article: 2);
        var far = Claim(Evacuated, ClaimValue.Exact(4000), Oct(16), Alloush, article: 3);

        var agreeing = Assert.Single(Assert.Single(Build(exact, around)).Topics);
        var changed = Assert.Single(Assert.Single(Build(exact, around, far)).Topics);

        Assert.Empty(agreeing.Changes);
        var change = Assert.Single(changed.Changes);
        Assert.Same(around, change.Before);
        Assert.Same(far, change.After);
    }

    [Fact]
    public void TheToleranceIsTheCallersToSet()
    {
        ClaimRecord[] claims = [Claim(Evacuated, ClaimValue.Exact(100), Oct(14), Alloush, article: 1), Claim(Evacuated, ClaimValue.Exact(115), Oct(15), Alloush, article: 2)];

        Assert.Single(Assert.Single(Assert.Single(WhoSaidWhat.Build(claims, 5m)).Topics).Changes);
        Assert.Empty(Assert.Single(Assert.Single(WhoSaidWhat.Build(claims, 10m)).Topics).Changes);
    }

    [Fact]
    public void UndatedStatements_AreListedLast_ButNeverMakeAChange()
    {
        var undatedNo = Claim(Left, ClaimValue.Yes(false), null, Alloush, article: 1);
        var yes = Claim(Left, ClaimValue.Yes(true), Oct(14), Alloush, article: 2);
        var yesAgain = Claim(Left, ClaimValue.Yes(true), Oct(16), Alloush, article: 3);

        var topic = Assert.Single(Assert.Single(Build(undatedNo, yesAgain, yes)).Topics);

        Assert.Equal([yes, yesAgain, undatedNo], topic.Statements);
        Assert.Empty(topic.Changes);
    }

    [Fact]
    public void Speakers_AreOrderedByNumberOfStatements_ThenByName()
    {
        var speakers = Build(
            Claim(Left, ClaimValue.Yes(true), Oct(14), "SDF", article: 1),
            Claim(Left, ClaimValue.Yes(true), Oct(14), Bali, article: 2),
            Claim(Left, ClaimValue.Yes(true), Oct(15), Bali, article: 3),
            Claim(Evacuated, ClaimValue.Exact(275), Oct(15), Bali, article: 4),
            Claim(Left, ClaimValue.Yes(true), Oct(14), Alloush, article: 5),
            Claim(Evacuated, ClaimValue.Exact(275), null, Alloush, article: 6),
            Claim(Left, ClaimValue.Yes(true), Oct(16), "Brett McGurk", article: 7));

        // Bali 3 (over two topics), Alloush 2 (one undated), then McGurk and SDF with 1 each, by ordinal name.
        Assert.Equal([Bali, Alloush, "Brett McGurk", "SDF"], speakers.Select(s => s.Speaker));
    }
}
