using RaqqaLedger.Domain.Claims;
using RaqqaLedger.Projections.Views;
using static RaqqaLedger.Projections.Tests.ClaimRecords;
using RaqqaLedger.Testing.Folds;

namespace RaqqaLedger.Projections.Tests;

/// <summary>
/// The paged index must answer exactly what the whole-list folds answer: for random topics, every
/// page of the board and of the timeline, joined up through the cursors, equals the fold's list, with
/// the same statuses and shifts.
/// </summary>
public class TopicIndexTests
{
    private const string Topic = "fighters.departed.count";

    private static readonly ClaimValue[] Values =
    [
        ClaimValue.Exact(100), ClaimValue.Approx(110), ClaimValue.Exact(300), ClaimValue.AtLeast(250), ClaimValue.AtMost(120),
        ClaimValue.Between(90, 130), ClaimValue.Yes(true), ClaimValue.Yes(false),
    ];

    private static readonly string?[] Speakers = [null, null, "Omar Alloush", "Mostafa Bali", "Talal Silo"];

    [Fact]
    public void PagesOfTheBoard_JoinUpToTheFoldsBoard_WithItsStatusAtEveryDay()
    {
        for (var seed = 0; seed < 300; seed++)
        {
            var random = new Random(seed);
            var (claims, rule) = (RandomClaims(random), RandomRule(random));
            var index = TopicIndex.Build(Topic, claims.Select(Indexed), rule);
            foreach (var asOf in new DateOnly?[] { null, Oct(13), Oct(random.Next(14, 21)), Oct(25) })
            {
                var board = ClaimBoard.Build(claims, rule, asOf);
                var topic = board.Topics.SingleOrDefault();
                Assert.Equal(topic?.Status, index.StatusAsOf(asOf));
                Assert.Equal(Ids(topic?.Claims ?? []), AllPages(index, index.Board(asOf), random));
                Assert.Equal(Ids(board.Undated), asOf is null ? [] : AllPages(index, index.Undated, random));

                var speaker = Speakers[random.Next(Speakers.Length)];
                bool BySpeaker(IndexedClaim c) => c.Speaker == speaker;
                Assert.Equal(Ids((topic?.Claims ?? []).Where(c => c.Speaker == speaker)), AllPages(index, index.Board(asOf), random, BySpeaker));
            }
        }
    }

    [Fact]
    public void PagesOfTheTimeline_JoinUpToTheFoldsTimeline_WithTheSameShifts()
    {
        for (var seed = 0; seed < 300; seed++)
        {
            var random = new Random(seed);
            var (claims, rule) = (RandomClaims(random), RandomRule(random));
            var index = TopicIndex.Build(Topic, claims.Select(Indexed), rule);
            var from = Oct(random.Next(13, 21));
            var to = from.AddDays(random.Next(-1, 6));

            var expected = ReportingTimelineFold.Build(claims, from, to, rule.NumbersAgreeWithinPercent).SingleOrDefault() is { } timeline
                ? timeline.Days.SelectMany(d => d.Entries).Concat(timeline.Undated).Select(Described).ToList()
                : [];
            var pages = AllPages(index, index.Timeline(from, to), random);
            var actual = pages.Select(id => Array.FindIndex(index.Reports.ToArray(), r => r.Key.ClaimId == id)).Select(i =>
            {
                var j = index.Judgements[i];
                return $"{index.Reports[i].Key.ClaimId} {string.Join(",", j.Shifts)} c={Id(index, j.Contradicts)} r={Id(index, j.Repeats)}";
            }).ToList();
            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public void ACursor_KeepsItsPlace_WhenAnEarlierReportArrivesBetweenPages()
    {
        var claims = Enumerable.Range(1, 6).Select(i => Claim(Topic, ClaimValue.Exact(100), Oct(14 + i), article: i, id: $"c{i}")).ToList();
        var first = TopicIndex.Build(Topic, claims.Select(Indexed), new StatusRule(2, 10m));
        var page = first.Slice(first.Board(null), null, 3);
        Assert.Equal(["c1", "c2", "c3"], page.Items.Select(i => first.Reports[i].Key.ClaimId));

        var earlier = Claim(Topic, ClaimValue.Exact(100), Oct(14), article: 9, id: "early");
        var second = TopicIndex.Build(Topic, claims.Append(earlier).Select(Indexed), new StatusRule(2, 10m));
        var next = second.Slice(second.Board(null), page.Next, 3);

        Assert.Equal(["c4", "c5", "c6"], next.Items.Select(i => second.Reports[i].Key.ClaimId));
        Assert.Null(next.Next);
        Assert.Equal(7, next.Total);
    }

    [Fact]
    public void AnIndexBroughtForward_EqualsOneBuiltAfresh_OfTheClaimsLeft()
    {
        for (var seed = 0; seed < 300; seed++)
        {
            var random = new Random(seed);
            var rule = RandomRule(random);
            var claims = RandomClaims(random).Select(Indexed).ToList();
            var index = TopicIndex.Build(Topic, claims, rule);
            // A few commits, each ending some versions and beginning others (ids not used before).
            for (var commit = 0; commit < 3; commit++)
            {
                var removed = new HashSet<IndexedClaim>(claims.Where(_ => random.Next(5) == 0), ReferenceEqualityComparer.Instance);
                var added = RandomClaims(random).Take(random.Next(0, 6)).Select(c => Indexed(c) with { Key = c.Key with { ClaimId = $"{c.ClaimId}-{commit}" } }).ToList();
                claims = [.. claims.Where(c => !removed.Contains(c)).Concat(added)];
                // Who said what is carried forward by a merge once it has been asked for, and worked out afresh when first asked otherwise.
                var speakersAsked = seed % 3 > 0;
                if (speakersAsked)
                    _ = index.Speakers;
                index = index.With(removed, added, rule);

                var afresh = TopicIndex.Build(Topic, claims, rule);
                Assert.Equal(afresh.Reports, index.Reports);
                Assert.Equal(afresh.Judgements.Select(Described), index.Judgements.Select(Described));
                foreach (var asOf in new DateOnly?[] { null, Oct(13), Oct(random.Next(14, 21)), Oct(25) })
                {
                    Assert.Equal(afresh.StatusAsOf(asOf), index.StatusAsOf(asOf));
                    Assert.Equal(afresh.Board(asOf), index.Board(asOf));
                }
                Assert.Equal(afresh.Undated, index.Undated);
                Assert.Equal(afresh.Speakers.Select(Described), index.Speakers.Select(Described));
            }
        }
    }

    private static string Described(SpeakerListing l) =>
        $"{l.Speaker}: {string.Join(",", l.Statements)} changes {string.Join(",", l.Changes.Select(c => $"{c.Before}>{c.After}"))}";

    private static string Described(Judgement j) => $"{string.Join(",", j.Shifts)} c={j.Contradicts} r={j.Repeats}";

    private static List<string> AllPages(TopicIndex index, IReadOnlyList<int> listing, Random random, Func<IndexedClaim, bool>? where = null)
    {
        var ids = new List<string>();
        ReportKey? after = null;
        for (var pages = 0; ; pages++)
        {
            Assert.True(pages <= listing.Count + 1, "the cursor does not move on");
            var page = index.Slice(listing, after, random.Next(1, 8), where);
            Assert.Equal(where is null ? listing.Count : listing.Count(i => where(index.Reports[i])), page.Total);
            ids.AddRange(page.Items.Select(i => index.Reports[i].Key.ClaimId));
            if (page.Next is null)
                return ids;
            after = page.Next;
        }
    }

    private static List<ClaimRecord> RandomClaims(Random random)
    {
        // Small pools of days, articles and places, so ties in the reporting order are common.
        var numeric = random.Next(3) > 0;
        return [.. Enumerable.Range(0, random.Next(0, 40)).Select(i =>
        {
            var value = numeric ? Values[random.Next(6)] : Values[6 + random.Next(2)];
            var change = random.Next(10) switch { 0 => ClaimChange.Retracted, 1 => ClaimChange.Revised, _ => ClaimChange.Extracted };
            var published = random.Next(8) == 0 ? (DateOnly?)null : Oct(random.Next(14, 21));
            return Claim(Topic, value, published, Speakers[random.Next(Speakers.Length)], article: random.Next(1, 15), spanStart: random.Next(3),
                cluster: $"k{random.Next(4)}", change: change, id: $"c{i:D2}");
        })];
    }

    private static StatusRule RandomRule(Random random) => new(random.Next(1, 4), random.Next(2) == 0 ? 5m : 10m);

    private static IndexedClaim Indexed(ClaimRecord c) => new(c.Key, c.Version.Change, c.Version.Facts.Value, c.Speaker, c.Cluster, c.Version.RecordedFrom);

    private static string Described(TimelineEntry e) =>
        $"{e.Claim.ClaimId} {string.Join(",", e.Shifts)} c={e.Contradicts?.ClaimId} r={e.Repeats?.ClaimId}";

    private static string? Id(TopicIndex index, int? report) => report is { } i ? index.Reports[i].Key.ClaimId : null;

    private static List<string> Ids(IEnumerable<ClaimRecord> claims) => [.. claims.Select(c => c.ClaimId)];
}
