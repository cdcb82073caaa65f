using System.Collections;
using RaqqaLedger.Domain.Claims;

namespace RaqqaLedger.Projections.Views;

/// <summary>What a paged view needs of one claim version: its place, value and source, not its text.</summary>
/// <param name="Cluster">The article's syndication cluster.</param>
public sealed record IndexedClaim(ReportKey Key, ClaimChange Change, ClaimValue Value, string? Speaker, string Cluster);

/// <summary>A slice of a listing: positions into <see cref="TopicIndex.Reports"/>, the listing's length, and where the next slice starts.</summary>
/// <param name="Next">The key of the last item, when more follow; null on the last page.</param>
public sealed record Page(IReadOnlyList<int> Items, int Total, ReportKey? Next);

/// <summary>
/// One topic's reports as the ledger held them at one position, in reporting order, with each report's
/// shifts and the board's status at every day worked out once. A page of the board or of the timeline is
/// then a binary search and a slice, however long the story. Built from the same folds as
/// <see cref="ClaimBoard"/> and <see cref="ReportingTimeline"/>, and tested to agree with them.
/// </summary>
public sealed class TopicIndex
{
    private readonly IndexedClaim[] reports;
    private readonly int datedReports;
    private readonly int[] live;
    private readonly int datedLive;
    private readonly DateOnly[] days;
    private readonly int[] liveByDay;
    private readonly ClaimStatus[] statusByDay;
    private readonly ClaimStatus? statusOfAll;

    private TopicIndex(string topic, IndexedClaim[] reports, StatusRule rule)
    {
        Topic = topic;
        this.reports = reports;
        datedReports = reports.Count(r => r.Key.Published is not null);
        Judgements = ReportingTimeline.Judge([.. reports.Select(r => new ReportFacts(r.Value, r.Change, r.Key.Published is not null))], rule.NumbersAgreeWithinPercent);
        live = [.. Enumerable.Range(0, reports.Length).Where(i => reports[i].Change != ClaimChange.Retracted)];
        datedLive = live.Count(i => reports[i].Key.Published is not null);

        var tally = new StatusTally(rule.ConfirmedMinSources, rule.NumbersAgreeWithinPercent);
        var (dayList, counts, statuses) = (new List<DateOnly>(), new List<int>(), new List<ClaimStatus>());
        for (var n = 0; n < live.Length; n++)
        {
            var report = reports[live[n]];
            tally.Add(report.Value, TopicStatus.SourceOf(report.Speaker, report.Cluster));
            if (n < datedLive && (n + 1 == datedLive || reports[live[n + 1]].Key.Published != report.Key.Published))
            {
                dayList.Add(report.Key.Published!.Value);
                counts.Add(n + 1);
                statuses.Add(tally.Status);
            }
        }
        (days, liveByDay, statusByDay) = ([.. dayList], [.. counts], [.. statuses]);
        statusOfAll = live.Length == 0 ? null : tally.Status;
    }

    public string Topic { get; }

    /// <summary>Every version held at the position, retraction tombstones included, in reporting order.</summary>
    public IReadOnlyList<IndexedClaim> Reports => reports;

    /// <summary>How each report moved the story; parallel to <see cref="Reports"/>.</summary>
    public IReadOnlyList<Judgement> Judgements { get; }

    public static TopicIndex Build(string topic, IEnumerable<IndexedClaim> claims, StatusRule rule) =>
        new(topic, [.. claims.OrderBy(c => c.Key)], rule);

    /// <summary>The board's status as of a day (null: every live claim, undated ones too); null when there was no claim yet.</summary>
    public ClaimStatus? StatusAsOf(DateOnly? asOf)
    {
        if (asOf is null)
            return statusOfAll;
        var day = LastDayBy(asOf.Value);
        return day < 0 ? null : statusByDay[day];
    }

    /// <summary>The board's claims: live, published by the day (every one, undated too, when null), in reporting order.</summary>
    public IReadOnlyList<int> Board(DateOnly? asOf) =>
        asOf is null ? live : new ArraySegment<int>(live, 0, LastDayBy(asOf.Value) is var day and >= 0 ? liveByDay[day] : 0);

    /// <summary>Live claims of unknown date: the board lists them apart when it is asked as of a day.</summary>
    public IReadOnlyList<int> Undated => new ArraySegment<int>(live, datedLive, live.Length - datedLive);

    /// <summary>The timeline's entries: reports published within the range, then those of unknown date.</summary>
    public IReadOnlyList<int> Timeline(DateOnly from, DateOnly to) =>
        new Ranges(FirstDated(d => d >= from), FirstDated(d => d > to), datedReports, reports.Length);

    /// <summary>Up to <paramref name="limit"/> items of a listing after a key, those <paramref name="where"/> keeps.</summary>
    public Page Slice(IReadOnlyList<int> listing, ReportKey? after, int limit, Func<IndexedClaim, bool>? where = null)
    {
        var start = after is { } key ? FirstAfter(listing, key) : 0;
        var items = new List<int>();
        var i = start;
        for (; i < listing.Count && items.Count < limit; i++)
        {
            if (where is null || where(reports[listing[i]]))
                items.Add(listing[i]);
        }
        var more = where is null ? i < listing.Count : Enumerable.Range(i, listing.Count - i).Any(j => where(reports[listing[j]]));
        var total = where is null ? listing.Count : listing.Count(j => where(reports[j]));
        return new Page(items, total, more && items.Count > 0 ? reports[items[^1]].Key : null);
    }

    private int LastDayBy(DateOnly day)
    {
        var i = Array.BinarySearch(days, day);
        return i >= 0 ? i : ~i - 1;
    }

    /// <summary>The first dated report whose day passes the test (days ascend, so the test flips once).</summary>
    private int FirstDated(Func<DateOnly, bool> test)
    {
        var (low, high) = (0, datedReports);
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (test(reports[mid].Key.Published!.Value))
                high = mid;
            else
                low = mid + 1;
        }
        return low;
    }

    private int FirstAfter(IReadOnlyList<int> listing, ReportKey key)
    {
        var (low, high) = (0, listing.Count);
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (reports[listing[mid]].Key.CompareTo(key) > 0)
                high = mid;
            else
                low = mid + 1;
        }
        return low;
    }

    /// <summary>Two runs of positions, one after the other, as one list.</summary>
    private sealed class Ranges(int firstStart, int firstEnd, int secondStart, int secondEnd) : IReadOnlyList<int>
    {
        private int FirstCount => firstEnd - firstStart;

        public int Count => FirstCount + secondEnd - secondStart;

        public int this[int index] => index < FirstCount ? firstStart + index : secondStart + index - FirstCount;

        public IEnumerator<int> GetEnumerator() =>
            Enumerable.Range(firstStart, FirstCount).Concat(Enumerable.Range(secondStart, secondEnd - secondStart)).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
