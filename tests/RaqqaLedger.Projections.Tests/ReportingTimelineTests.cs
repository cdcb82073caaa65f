using RaqqaLedger.Domain.Claims;
using RaqqaLedger.Projections.Views;
using static RaqqaLedger.Projections.Tests.ClaimRecords;
using RaqqaLedger.Testing.Folds;

namespace RaqqaLedger.Projections.Tests;

public class ReportingTimelineTests
{
    private const string Left = "foreign_fighters_left", Evacuated = "fighters_evacuated";

    private static IReadOnlyList<TopicTimeline> Build(params ClaimRecord[] claims) =>
        ReportingTimelineFold.Build(claims, ReportingTimeline.StoryStart, ReportingTimeline.StoryEnd, 10m);

    /// <summary>The entries of the only topic, across its days, in order.</summary>
    private static List<TimelineEntry> Entries(IReadOnlyList<TopicTimeline> timeline) =>
        [.. Assert.Single(timeline).Days.SelectMany(d => d.Entries)];

    [Fact]
    public void TheFirstReportOnATopic_IsAFirstReport()
    {
        var claim = Claim(Evacuated, ClaimValue.Exact(275), Oct(15), "Omar Alloush");

        var topic = Assert.Single(Build(claim));

        Assert.Equal(Evacuated, topic.Topic);
        Assert.Empty(topic.Undated);
        var day = Assert.Single(topic.Days);
        Assert.Equal(Oct(15), day.Day);
        var entry = Assert.Single(day.Entries);
        Assert.Same(claim, entry.Claim);
        Assert.Equal([Shift.FirstReport], entry.Shifts);
        Assert.Null(entry.Contradicts);
        Assert.Null(entry.Repeats);
    }

    [Fact]
    public void TheSameFigureAgain_HedgedOrNot_IsARepetition_OfTheFirstReportOfIt()
    {
        var exact = Claim(Evacuated, ClaimValue.Exact(275), Oct(14), "SDF", article: 1);
        var other = Claim(Evacuated, ClaimValue.Approx(260), Oct(15), "BBC", article: 2);
        var approx = Claim(Evacuated, ClaimValue.Approx(275), Oct(16), "Omar Alloush", article: 3);

        var entries = Entries(Build(exact, other, approx));

        Assert.Equal([exact, other, approx], entries.Select(e => e.Claim));
        var repetition = entries[2];
        Assert.Equal([Shift.Repetition], repetition.Shifts);
        Assert.Same(exact, repetition.Repeats);
        Assert.Null(repetition.Contradicts);
    }

    [Fact]
    public void TheSameFigure_WrittenWithTrailingZeros_IsStillARepetition()
    {
        var exact = Claim(Evacuated, ClaimValue.Exact(275m), Oct(14), article: 1);
        var approx = Claim(Evacuated, ClaimValue.Approx(275.0m), Oct(15), article: 2);

        Assert.Equal([Shift.Repetition], Entries(Build(exact, approx))[1].Shifts);
    }

    [Fact]
    public void ACompatibleDifferentFigure_IsANewValue_WithoutContradiction()
    {
        var first = Claim(Evacuated, ClaimValue.Exact(275), Oct(14), article: 1);
        var around = Claim(Evacuated, ClaimValue.Approx(250), Oct(15), article: 2);
        var range = Claim(Evacuated, ClaimValue.Between(250, 300), Oct(15), article: 3);

        var entries = Entries(Build(first, around, range));

        Assert.Equal([Shift.NewValue], entries[1].Shifts);
        Assert.Equal([Shift.NewValue], entries[2].Shifts);
        Assert.All(entries, e => Assert.Null(e.Contradicts));
        Assert.All(entries, e => Assert.Null(e.Repeats));
    }

    [Fact]
    public void NoAfterYes_IsANewValueAndAContradiction_AndNoAgainIsARepetitionAndAContradiction()
    {
        var yes = Claim(Left, ClaimValue.Yes(true), Oct(14), "Omar Alloush", article: 1);
        var no = Claim(Left, ClaimValue.Yes(false), Oct(15), "Mostafa Bali", article: 2);
        var noAgain = Claim(Left, ClaimValue.Yes(false), Oct(16), "SDF", article: 3);

        var entries = Entries(Build(yes, no, noAgain));

        Assert.Equal([Shift.FirstReport], entries[0].Shifts);

        Assert.Equal([Shift.NewValue, Shift.Contradiction], entries[1].Shifts);
        Assert.Same(yes, entries[1].Contradicts);
        Assert.Null(entries[1].Repeats);

        Assert.Equal([Shift.Repetition, Shift.Contradiction], entries[2].Shifts);
        Assert.Same(no, entries[2].Repeats);
        Assert.Same(yes, entries[2].Contradicts);
    }

    [Fact]
    public void NumbersBeyondTheTolerance_Contradict_PointingAtTheConflictingReport()
    {
        var hundred = Claim(Evacuated, ClaimValue.Exact(100), Oct(14), article: 1);
        var fiveHundred = Claim(Evacuated, ClaimValue.Exact(500), Oct(15), article: 2);
        var hundredAgain = Claim(Evacuated, ClaimValue.Approx(100), Oct(16), article: 3);

        var entries = Entries(Build(hundred, fiveHundred, hundredAgain));

        Assert.Equal([Shift.NewValue, Shift.Contradiction], entries[1].Shifts);
        Assert.Same(hundred, entries[1].Contradicts);

        Assert.Equal([Shift.Repetition, Shift.Contradiction], entries[2].Shifts);
        Assert.Same(hundred, entries[2].Repeats);
        Assert.Same(fiveHundred, entries[2].Contradicts);
    }

    [Fact]
    public void TheToleranceDecidesWhetherNumbersContradict()
    {
        ClaimRecord[] claims = [Claim(Evacuated, ClaimValue.Exact(100), Oct(14), article: 1), Claim(Evacuated, ClaimValue.Exact(115), Oct(15), article: 2)];

        var strict = ReportingTimelineFold.Build(claims, ReportingTimeline.StoryStart, ReportingTimeline.StoryEnd, 5m);
        var lenient = ReportingTimelineFold.Build(claims, ReportingTimeline.StoryStart, ReportingTimeline.StoryEnd, 10m);

        Assert.Equal([Shift.NewValue, Shift.Contradiction], Entries(strict)[1].Shifts);
        Assert.Equal([Shift.NewValue], Entries(lenient)[1].Shifts);
    }

    [Fact]
    public void ANumberAfterAYes_ContradictsIt()
    {
        var yes = Claim(Evacuated, ClaimValue.Yes(true), Oct(14), article: 1);
        var number = Claim(Evacuated, ClaimValue.Exact(275), Oct(15), article: 2);

        var entries = Entries(Build(yes, number));

        Assert.Equal([Shift.NewValue, Shift.Contradiction], entries[1].Shifts);
        Assert.Same(yes, entries[1].Contradicts);
    }

    [Fact]
    public void ReportsOnOneDay_AreOneDay_InReportingOrder()
    {
        var late = Claim(Evacuated, ClaimValue.Exact(275), Oct(15), article: 2, spanStart: 10);
        var early = Claim(Evacuated, ClaimValue.Exact(275), Oct(15), article: 1, spanStart: 500);
        var next = Claim(Evacuated, ClaimValue.Exact(275), Oct(17), article: 3);

        var topic = Assert.Single(Build(next, late, early));

        Assert.Equal([Oct(15), Oct(17)], topic.Days.Select(d => d.Day));
        Assert.Equal([early, late], topic.Days[0].Entries.Select(e => e.Claim));
        Assert.Equal([Shift.FirstReport], topic.Days[0].Entries[0].Shifts);
        Assert.Equal([Shift.Repetition], topic.Days[0].Entries[1].Shifts);
        Assert.Same(early, topic.Days[1].Entries[0].Repeats);
    }

    [Fact]
    public void ShiftsAreJudgedAgainstReportsBeforeTheRange_ThoughTheyAreNotShown()
    {
        var hiddenYes = Claim(Left, ClaimValue.Yes(true), Oct(14), "Omar Alloush", article: 1);
        var no = Claim(Left, ClaimValue.Yes(false), Oct(16), "Mostafa Bali", article: 2);
        var yesAgain = Claim(Left, ClaimValue.Yes(true), Oct(16), "SDF", article: 3);

        var topic = Assert.Single(ReportingTimelineFold.Build([hiddenYes, no, yesAgain], Oct(15), Oct(31), 10m));

        var day = Assert.Single(topic.Days);
        Assert.Equal(Oct(16), day.Day);
        Assert.Equal([no, yesAgain], day.Entries.Select(e => e.Claim));
        Assert.Equal([Shift.NewValue, Shift.Contradiction], day.Entries[0].Shifts);
        Assert.Same(hiddenYes, day.Entries[0].Contradicts);
        Assert.Equal([Shift.Repetition, Shift.Contradiction], day.Entries[1].Shifts);
        Assert.Same(hiddenYes, day.Entries[1].Repeats);
        Assert.Same(no, day.Entries[1].Contradicts);
    }

    [Fact]
    public void DaysAfterTheRange_AreLeftOut()
    {
        var inRange = Claim(Evacuated, ClaimValue.Exact(275), Oct(15), article: 1);
        var lastDay = Claim(Evacuated, ClaimValue.Exact(4000), Oct(16), article: 2);
        var after = Claim(Evacuated, ClaimValue.Exact(275), Oct(17), article: 3);

        var topic = Assert.Single(ReportingTimelineFold.Build([after, inRange, lastDay], Oct(14), Oct(16), 10m));

        Assert.Equal([Oct(15), Oct(16)], topic.Days.Select(d => d.Day));
        Assert.DoesNotContain(after, topic.Days.SelectMany(d => d.Entries).Select(e => e.Claim));
    }

    [Fact]
    public void UndatedReports_AreListedApart_MarkedOnlyForRevisionsAndRetractions()
    {
        var dated = Claim(Left, ClaimValue.Yes(true), Oct(15), "Omar Alloush", article: 1);
        var extracted = Claim(Left, ClaimValue.Yes(false), null, "Mostafa Bali", article: 2);
        var revised = Claim(Left, ClaimValue.Yes(true), null, "SDF", article: 3, change: ClaimChange.Revised);
        var retracted = Claim(Left, ClaimValue.Yes(false), null, "BBC", article: 4, change: ClaimChange.Retracted);

        var topic = Assert.Single(Build(retracted, revised, extracted, dated));

        var entry = Assert.Single(Assert.Single(topic.Days).Entries);
        Assert.Same(dated, entry.Claim);
        Assert.Equal([Shift.FirstReport], entry.Shifts);

        Assert.Collection(topic.Undated,
            e => { Assert.Same(extracted, e.Claim); Assert.Empty(e.Shifts); Assert.Null(e.Contradicts); Assert.Null(e.Repeats); },
            e => { Assert.Same(revised, e.Claim); Assert.Equal([Shift.Revision], e.Shifts); },
            e => { Assert.Same(retracted, e.Claim); Assert.Equal([Shift.Retraction], e.Shifts); });
    }

    [Fact]
    public void ATopicWithOnlyUndatedReports_IsShown()
    {
        var undated = Claim(Left, ClaimValue.Yes(true), null, "Omar Alloush");

        var topic = Assert.Single(Build(undated));

        Assert.Empty(topic.Days);
        Assert.Same(undated, Assert.Single(topic.Undated).Claim);
    }

    [Fact]
    public void UndatedReports_AreListed_EvenWhenSomeReportIsAfterTheRange()
    {
        var inRange = Claim(Left, ClaimValue.Yes(true), Oct(15), "Omar Alloush", article: 1);
        var after = Claim(Left, ClaimValue.Yes(true), Oct(20), "SDF", article: 2);
        var undated = Claim(Left, ClaimValue.Yes(false), null, "Mostafa Bali", article: 3);

        var topic = Assert.Single(ReportingTimelineFold.Build([inRange, after, undated], Oct(14), Oct(16), 10m));

        Assert.Same(inRange, Assert.Single(Assert.Single(topic.Days).Entries).Claim);
        Assert.Same(undated, Assert.Single(topic.Undated).Claim);
    }

    [Fact]
    public void ARevisedVersion_IsMarkedARevision_AsWellAsForWhatItReports()
    {
        var first = Claim(Evacuated, ClaimValue.Exact(275), Oct(14), article: 1, change: ClaimChange.Revised);
        var second = Claim(Evacuated, ClaimValue.Approx(275), Oct(15), article: 2, change: ClaimChange.Revised);

        var entries = Entries(Build(first, second));

        Assert.Equal([Shift.FirstReport, Shift.Revision], entries[0].Shifts);
        Assert.Equal([Shift.Repetition, Shift.Revision], entries[1].Shifts);
        Assert.Same(first, entries[1].Repeats);
    }

    [Fact]
    public void ARetractionTombstone_IsOnlyARetraction_AndNoEarlierReport()
    {
        var withdrawn = Claim(Evacuated, ClaimValue.Exact(275), Oct(14), "SDF", article: 1, change: ClaimChange.Retracted);
        var withdrawnNo = Claim(Evacuated, ClaimValue.Exact(4000), Oct(14), "BBC", article: 2, change: ClaimChange.Retracted);
        var later = Claim(Evacuated, ClaimValue.Exact(275), Oct(15), "Omar Alloush", article: 3);

        var topic = Assert.Single(Build(later, withdrawn, withdrawnNo));

        Assert.Equal([Oct(14), Oct(15)], topic.Days.Select(d => d.Day));
        Assert.All(topic.Days[0].Entries, e =>
        {
            Assert.Equal([Shift.Retraction], e.Shifts);
            Assert.Null(e.Contradicts);
            Assert.Null(e.Repeats);
        });
        var entry = Assert.Single(topic.Days[1].Entries);
        Assert.Same(later, entry.Claim);
        Assert.Equal([Shift.FirstReport], entry.Shifts);
        Assert.Null(entry.Repeats);
        Assert.Null(entry.Contradicts);
    }

    [Fact]
    public void TopicsWithNothingInRange_AreLeftOut_OthersSortedByName()
    {
        ClaimRecord[] claims =
        [
            Claim("who_negotiated", ClaimValue.Of("local_officials"), Oct(16), article: 1),
            Claim(Left, ClaimValue.Yes(true), Oct(14), article: 2),
            Claim("buses_count", ClaimValue.Exact(50), Oct(30), article: 3),
            Claim(Evacuated, ClaimValue.Exact(275), Oct(15), article: 4),
        ];

        var timeline = ReportingTimelineFold.Build(claims, Oct(15), Oct(20), 10m);

        Assert.Equal([Evacuated, "who_negotiated"], timeline.Select(t => t.Topic));
    }

    [Fact]
    public void NoClaims_NoTopics()
    {
        Assert.Empty(Build());
    }
}
