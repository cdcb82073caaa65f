using System.Collections;
using RaqqaLedger.Domain.Claims;

namespace RaqqaLedger.Projections.Views;

/// <summary>What a paged view needs of one claim version: its place, value and source, not its text.</summary>
/// <param name="Cluster">The article's syndication cluster.</param>
/// <param name="RecordedFrom">Where the version began: with the claim id it names the version (a claim found again after
/// its retraction holds its tombstone and its new version at once).</param>
public sealed record IndexedClaim(ReportKey Key, ClaimChange Change, ClaimValue Value, string? Speaker, string Cluster, long RecordedFrom)
{
    public (string ClaimId, long RecordedFrom) Version => (Key.ClaimId, RecordedFrom);
}

/// <summary>One named speaker's live statements on a topic, in reporting order (undated last), and where the speaker changed position.</summary>
/// <param name="Statements">Positions into <see cref="TopicIndex.Reports"/>.</param>
/// <param name="Changes">Consecutive dated statements that do not agree, as positions into <see cref="TopicIndex.Reports"/>.</param>
public sealed record SpeakerListing(string Speaker, IReadOnlyList<int> Statements, IReadOnlyList<(int Before, int After)> Changes);

/// <summary>A slice of a listing: positions into <see cref="TopicIndex.Reports"/>, the listing's length, and where the next slice starts.</summary>
/// <param name="Next">The key of the last item, when more follow; null on the last page.</param>
public sealed record Page(IReadOnlyList<int> Items, int Total, ReportKey? Next);

/// <summary>
/// One topic's reports as the ledger held them at one position, in reporting order, with each report's
/// shifts and the board's status at every day worked out once. A page of the board or of the timeline is
/// then a binary search and a slice, however long the story. Judged as the whole-list folds of the board
/// and the timeline judge (kept in the tests as the reference), and tested to agree with them. After a commit the index is
/// brought forward (<see cref="With"/>): the reports are merged, not sorted again, and the passes that judge
/// them read a compact row per report rather than the reports themselves, so a story of 100,000 reports
/// is judged again in a few milliseconds.
/// </summary>
public sealed class TopicIndex
{
    private readonly StatusRule rule;
    private readonly IndexedClaim[] reports;
    private readonly Row[] rows;
    private readonly ValueTable values;
    private readonly Marks[] marks;
    private readonly int datedReports;
    private readonly int[] live;
    private readonly int liveCount;
    private readonly int datedLive;
    private readonly DateOnly[] days;
    private readonly int[] liveByDay;
    private readonly ClaimStatus[] statusByDay;
    private readonly ClaimStatus? statusOfAll;
    private readonly Lazy<IReadOnlyList<SpeakerListing>> speakers;

    /// <summary>What judging needs of a report, side by side in one array: its day (-1 unknown), change and value.</summary>
    private readonly record struct Row(int Day, ClaimChange Change, int Value);

    /// <param name="reports">The topic's reports in reporting order; <paramref name="rows"/> parallel to them.</param>
    /// <param name="speakerListings">Who said what, when already known (carried forward by a merge); else worked out when first asked for.</param>
    private TopicIndex(string topic, IndexedClaim[] reports, Row[] rows, ValueTable values, StatusRule rule, IReadOnlyList<SpeakerListing>? speakerListings = null)
    {
        Topic = topic;
        this.rule = rule;
        this.reports = reports;
        this.rows = rows;
        this.values = values;
        marks = Judge(rows, values);
        Judgements = new JudgementList(this);

        // One pass: the live reports, and the board's status after each day's last one.
        // The live reports go straight into an array as long as all the reports: copying them out is a second pass.
        live = new int[rows.Length];
        var (dayList, counts, statuses) = (new List<DateOnly>(), new List<int>(), new List<ClaimStatus>());
        var tally = new Tally(this);
        var lastDay = -1;
        for (var i = 0; i < rows.Length && rows[i].Day >= 0; i++)
        {
            datedReports++;
            if (rows[i].Change == ClaimChange.Retracted)
                continue;
            live[liveCount++] = i;
            tally.Add(i);
            if (rows[i].Day == lastDay)
                (counts[^1], statuses[^1]) = (liveCount, tally.Status);
            else
            {
                lastDay = rows[i].Day;
                dayList.Add(DateOnly.FromDayNumber(lastDay));
                counts.Add(liveCount);
                statuses.Add(tally.Status);
            }
        }
        datedLive = liveCount;
        for (var i = datedReports; i < rows.Length; i++)
        {
            if (rows[i].Change == ClaimChange.Retracted)
                continue;
            live[liveCount++] = i;
            tally.Add(i);
        }
        (days, liveByDay, statusByDay) = ([.. dayList], [.. counts], [.. statuses]);
        statusOfAll = liveCount == 0 ? null : tally.Status;
        speakers = speakerListings is null ? new(ListSpeakers) : new(speakerListings);
    }

    /// <summary>Who said what on the topic: each named speaker's statements, in order of first statement; worked out when first asked for.</summary>
    public IReadOnlyList<SpeakerListing> Speakers => speakers.Value;

    /// <summary>As the fold of who said what lists them: the outlet's own voice left out, numbers agreeing when their intervals meet.</summary>
    private List<SpeakerListing> ListSpeakers()
    {
        var bySpeaker = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var n = 0; n < liveCount; n++)
        {
            var i = live[n];
            if (reports[i].Speaker is not { } speaker)
                continue;
            if (!bySpeaker.TryGetValue(speaker, out var statements))
                bySpeaker[speaker] = statements = [];
            statements.Add(i);
        }
        return [.. bySpeaker.Select(s => Listing(s.Key, s.Value, rows, values))];
    }

    /// <summary>A speaker's listing from their live statements in reporting order: a change wherever a dated statement disagrees with the dated one before.</summary>
    private static SpeakerListing Listing(string speaker, List<int> statements, Row[] rows, ValueTable values)
    {
        var changes = new List<(int, int)>();
        var lastDated = -1;
        foreach (var i in statements)
        {
            if (rows[i].Day < 0)
                continue;
            if (lastDated >= 0 && !Agree(values.Facts[rows[lastDated].Value], values.Facts[rows[i].Value]))
                changes.Add((lastDated, i));
            lastDated = i;
        }
        return new SpeakerListing(speaker, statements, changes);
    }

    /// <summary>
    /// Who said what after a merge, from who said what before it: a speaker none of whose statements came or
    /// went keeps their listing, its positions moved with the blocks of reports the merge moved; the others are
    /// listed again from their statements that stayed and those that came. Cheaper than listing every speaker
    /// afresh, which a topic of 90,000 reports would otherwise do after every commit someone reads it in.
    /// </summary>
    /// <param name="moved">The merge's blocks: where each run of old reports went, in order.</param>
    /// <param name="addedAt">Where each added report went.</param>
    private List<SpeakerListing> SpeakersAfter(int[] gone, IndexedClaim[] added, int[] addedAt, List<(int From, int To, int Length)> moved,
        Row[] mergedRows, ValueTable mergedValues)
    {
        var touched = gone.Select(i => reports[i].Speaker).Concat(added.Select(a => a.Speaker)).OfType<string>().ToHashSet(StringComparer.Ordinal);
        // Where each speaker's live added statements went, ascending (the added reports are in reporting order).
        var addedStatements = Enumerable.Range(0, added.Length).Where(a => added[a].Speaker is not null && added[a].Change != ClaimChange.Retracted)
            .GroupBy(a => added[a].Speaker!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(a => addedAt[a]).ToList(), StringComparer.Ordinal);
        var listings = new List<SpeakerListing>();
        foreach (var listing in Speakers)
        {
            if (!touched.Contains(listing.Speaker))
            {
                // A listing's changes ascend by both ends, as its statements do.
                var (before, after) = (Moved([.. listing.Changes.Select(c => c.Before)], moved), Moved([.. listing.Changes.Select(c => c.After)], moved));
                listings.Add(new SpeakerListing(listing.Speaker, Moved(listing.Statements, moved), [.. before.Zip(after)]));
                continue;
            }
            var statements = Moved(listing.Statements, moved).Where(i => i >= 0).ToList();
            if (addedStatements.Remove(listing.Speaker, out var came))
                statements.AddRange(came);
            statements.Sort();
            if (statements.Count > 0)
                listings.Add(Listing(listing.Speaker, statements, mergedRows, mergedValues));
        }
        // What is left was said by speakers heard on the topic for the first time.
        listings.AddRange(addedStatements.Select(s => Listing(s.Key, s.Value, mergedRows, mergedValues)));
        // In order of first statement, as a listing made afresh is.
        listings.Sort((a, b) => a.Statements[0].CompareTo(b.Statements[0]));
        return listings;
    }

    /// <summary>Ascending old positions where the merge put them (-1 for a report it removed).</summary>
    private static List<int> Moved(IReadOnlyList<int> positions, List<(int From, int To, int Length)> moved)
    {
        var result = new List<int>(positions.Count);
        var b = 0;
        foreach (var i in positions)
        {
            while (b < moved.Count && i >= moved[b].From + moved[b].Length)
                b++;
            result.Add(b < moved.Count && i >= moved[b].From ? i - moved[b].From + moved[b].To : -1);
        }
        return result;
    }

    private static bool Agree(ValueFacts a, ValueFacts b) =>
        a.Numeric == b.Numeric && (a.Numeric ? a.Low <= b.High && b.Low <= a.High : a.Figure == b.Figure);

    public string Topic { get; }

    /// <summary>Every version held at the position, retraction tombstones included, in reporting order.</summary>
    public IReadOnlyList<IndexedClaim> Reports => reports;

    /// <summary>How each report moved the story; parallel to <see cref="Reports"/>, each made when asked for.</summary>
    public IReadOnlyList<Judgement> Judgements { get; }

    public static TopicIndex Build(string topic, IEnumerable<IndexedClaim> claims, StatusRule rule)
    {
        var reports = claims.OrderBy(c => c.Key).ToArray();
        var values = ValueTable.Empty(rule.NumbersAgreeWithinPercent).With(reports);
        return new(topic, reports, [.. reports.Select(r => RowOf(r, values))], values, rule);
    }

    /// <summary>
    /// This index after a commit: the <paramref name="removed"/> versions (these very objects) out, the
    /// <paramref name="added"/> in, each placed by a binary search and the rest moved as blocks; the same
    /// index <see cref="Build"/> gives of the claims that are left.
    /// </summary>
    public TopicIndex With(IReadOnlySet<IndexedClaim> removed, IReadOnlyCollection<IndexedClaim> added, StatusRule rule)
    {
        if (rule != this.rule)
            return Build(Topic, reports.Where(r => !removed.Contains(r)).Concat(added), rule);
        var gone = removed.Select(PlaceOf).Where(i => i >= 0).Order().ToArray();
        var adding = added.OrderBy(c => c.Key).ToArray();
        var table = values.With(adding);
        var (mergedReports, mergedRows) = (new IndexedClaim[reports.Length - gone.Length + adding.Length], new Row[reports.Length - gone.Length + adding.Length]);
        var (moved, addedAt) = (new List<(int From, int To, int Length)>(), new int[adding.Length]);
        int from = 0, to = 0, nextGone = 0;
        void CopyUpTo(int end)
        {
            // The reports before end, less those removed, as blocks between the removed ones.
            while (from < end)
            {
                var stop = nextGone < gone.Length && gone[nextGone] < end ? gone[nextGone] : end;
                Array.Copy(reports, from, mergedReports, to, stop - from);
                Array.Copy(rows, from, mergedRows, to, stop - from);
                if (stop > from)
                    moved.Add((from, to, stop - from));
                to += stop - from;
                from = stop;
                if (stop < end)
                {
                    from++;
                    nextGone++;
                }
            }
        }
        for (var a = 0; a < adding.Length; a++)
        {
            // After every report whose key is not greater.
            var at = Bound(adding[a].Key, pastEqual: true);
            CopyUpTo(at);
            (mergedReports[to], mergedRows[to], addedAt[a]) = (adding[a], RowOf(adding[a], table), to);
            to++;
        }
        CopyUpTo(reports.Length);
        // Who said what is carried forward only where someone has asked for it; elsewhere it waits until they do.
        var speakerListings = speakers.IsValueCreated ? SpeakersAfter(gone, adding, addedAt, moved, mergedRows, table) : null;
        return new(Topic, mergedReports, mergedRows, table, rule, speakerListings);
    }

    private static Row RowOf(IndexedClaim report, ValueTable values) =>
        new(report.Key.Published?.DayNumber ?? -1, report.Change, values.SlotOf(report.Value));

    /// <summary>Where this very version stands, or -1. A tombstone and the claim's new version share a key.</summary>
    private int PlaceOf(IndexedClaim report)
    {
        for (var i = Bound(report.Key, pastEqual: false); i < reports.Length && reports[i].Key == report.Key; i++)
        {
            if (ReferenceEquals(reports[i], report))
                return i;
        }
        return -1;
    }

    /// <summary>The first report whose key is greater than <paramref name="key"/> (<paramref name="pastEqual"/>) or not less than it.</summary>
    private int Bound(ReportKey key, bool pastEqual)
    {
        var (low, high) = (0, reports.Length);
        while (low < high)
        {
            var mid = (low + high) / 2;
            var order = reports[mid].Key.CompareTo(key);
            if (order > 0 || (order == 0 && !pastEqual))
                high = mid;
            else
                low = mid + 1;
        }
        return low;
    }

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
        asOf is null ? new ArraySegment<int>(live, 0, liveCount) : new ArraySegment<int>(live, 0, LastDayBy(asOf.Value) is var day and >= 0 ? liveByDay[day] : 0);

    /// <summary>Live claims of unknown date: the board lists them apart when it is asked as of a day.</summary>
    public IReadOnlyList<int> Undated => new ArraySegment<int>(live, datedLive, liveCount - datedLive);

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

    /// <summary>
    /// How each report moved the story, judged against every earlier one as the timeline's fold does, kept as flags and positions rather than a list per report: a long story is judged again after
    /// every commit that touches it, and only a page's judgements are ever read.
    /// </summary>
    private static Marks[] Judge(Row[] rows, ValueTable values)
    {
        var marks = new Marks[rows.Length];
        var earlier = new EarlierFigures(values);
        for (var i = 0; i < rows.Length; i++)
        {
            var row = rows[i];
            marks[i] = row.Day < 0
                ? new Marks(row.Change switch { ClaimChange.Revised => Shifts.Revision, ClaimChange.Retracted => Shifts.Retraction, _ => Shifts.None })
                : row.Change == ClaimChange.Retracted ? new Marks(Shifts.Retraction)
                : earlier.Judge(i, row.Value, row.Change == ClaimChange.Revised);
        }
        return marks;
    }

    [Flags]
    private enum Shifts : byte
    {
        None = 0,
        FirstReport = 1 << Shift.FirstReport,
        NewValue = 1 << Shift.NewValue,
        Repetition = 1 << Shift.Repetition,
        Contradiction = 1 << Shift.Contradiction,
        Revision = 1 << Shift.Revision,
        Retraction = 1 << Shift.Retraction,
    }

    /// <summary>A report's shifts, and the earlier reports it contradicts and repeats (-1: none).</summary>
    private readonly record struct Marks(Shifts Shifts, int Contradicts = -1, int Repeats = -1)
    {
        public Judgement ToJudgement()
        {
            var flags = Shifts;
            return new([.. Enum.GetValues<Shift>().Where(s => (flags & (Shifts)(1 << (int)s)) != 0)],
                Contradicts < 0 ? null : Contradicts, Repeats < 0 ? null : Repeats);
        }
    }

    /// <summary>The judgements, each made from its marks when read.</summary>
    private sealed class JudgementList(TopicIndex index) : IReadOnlyList<Judgement>
    {
        public Judgement this[int i] => index.marks[i].ToJudgement();

        public int Count => index.marks.Length;

        public IEnumerator<Judgement> GetEnumerator() => Enumerable.Range(0, Count).Select(i => this[i]).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>
    /// The distinct values of a topic's reports (a story repeats a few thousands of times, each read into one
    /// shared object), each with what judging needs worked out once: its figure ("about 275" and "275" are one),
    /// whether it is a number, and its interval, whose ends are kept as their ranks among every end in the
    /// table, so judging compares integers in the order the decimals have. Grown, never changed, as an index
    /// is brought forward.
    /// </summary>
    private sealed class ValueTable
    {
        private readonly decimal tolerancePercent;
        private readonly Dictionary<ClaimValue, int> slots;
        private readonly Dictionary<string, int> figures;
        private readonly List<(int Figure, bool Numeric, decimal Low, decimal High)> values;

        private ValueTable(decimal tolerancePercent, Dictionary<ClaimValue, int> slots, Dictionary<string, int> figures,
            List<(int Figure, bool Numeric, decimal Low, decimal High)> values)
        {
            (this.tolerancePercent, this.slots, this.figures, this.values) = (tolerancePercent, slots, figures, values);
            Rank();
        }

        public static ValueTable Empty(decimal tolerancePercent) => new(tolerancePercent, new(ReferenceEqualityComparer.Instance), new(StringComparer.Ordinal), []);

        public ValueFacts[] Facts { get; private set; } = [];

        /// <summary>The ranks of the lowest and the highest decimal: the ends of an interval open below or above.</summary>
        public int Floor { get; private set; }

        public int Ceiling { get; private set; }

        public int FigureCount => figures.Count;

        public int SlotOf(ClaimValue value) => slots[value];

        /// <summary>This table with the values of <paramref name="reports"/> not in it yet; this one is left as it is.</summary>
        public ValueTable With(IEnumerable<IndexedClaim> reports)
        {
            List<ClaimValue>? adding = null;
            var seen = new HashSet<ClaimValue>(ReferenceEqualityComparer.Instance);
            foreach (var report in reports)
            {
                if (!slots.ContainsKey(report.Value) && seen.Add(report.Value))
                    (adding ??= []).Add(report.Value);
            }
            if (adding is null)
                return this;
            var (grownSlots, grownFigures, grownValues) = (new Dictionary<ClaimValue, int>(slots, ReferenceEqualityComparer.Instance),
                new Dictionary<string, int>(figures, StringComparer.Ordinal), new List<(int, bool, decimal, decimal)>(values));
            foreach (var value in adding)
            {
                var name = ReportingTimeline.Figure(value);
                if (!grownFigures.TryGetValue(name, out var figure))
                    grownFigures[name] = figure = grownFigures.Count;
                var (low, high) = value.IsNumeric ? TopicStatus.Interval(value, tolerancePercent) : (0m, 0m);
                grownSlots[value] = grownValues.Count;
                grownValues.Add((figure, value.IsNumeric, low, high));
            }
            return new(tolerancePercent, grownSlots, grownFigures, grownValues);
        }

        private void Rank()
        {
            var ends = values.Where(v => v.Numeric).SelectMany(v => new[] { v.Low, v.High })
                .Append(decimal.MinValue).Append(decimal.MaxValue).Distinct().Order().ToList();
            Facts = [.. values.Select(v => new ValueFacts(v.Figure, v.Numeric, v.Numeric ? ends.BinarySearch(v.Low) : 0, v.Numeric ? ends.BinarySearch(v.High) : 0))];
            (Floor, Ceiling) = (0, ends.Count - 1);
        }
    }

    /// <param name="Low">The rank of the interval's low end among the table's ends; <paramref name="High"/> likewise.</param>
    private readonly record struct ValueFacts(int Figure, bool Numeric, int Low, int High);

    /// <summary>
    /// What was reported before: on a number line a value
    /// conflicts with some earlier one exactly when it lies wholly above the lowest high end or wholly
    /// below the highest low end; an answer conflicts with any number and any other answer.
    /// </summary>
    private sealed class EarlierFigures(ValueTable values)
    {
        private readonly int[] firstOfFigure = Enumerable.Repeat(-1, values.FigureCount).ToArray();
        private readonly List<(int Figure, int Index)> answers = [];
        private int first = -1, lowestHigh = -1, highestLow = -1, anyNumeric = -1, anyAnswer = -1;
        private int minHigh = values.Ceiling, maxLow = values.Floor;

        public Marks Judge(int index, int slot, bool revised)
        {
            var value = values.Facts[slot];
            Shifts shifts;
            int contradicts = -1, repeats = -1;
            if (first < 0)
                shifts = Shifts.FirstReport;
            else
            {
                repeats = firstOfFigure[value.Figure];
                shifts = repeats < 0 ? Shifts.NewValue : Shifts.Repetition;
                contradicts = !value.Numeric ? (anyNumeric >= 0 ? anyNumeric : AnswerOtherThan(value.Figure))
                    : anyAnswer >= 0 ? anyAnswer
                    : minHigh < value.Low ? lowestHigh : maxLow > value.High ? highestLow : -1;
                if (contradicts >= 0)
                    shifts |= Shifts.Contradiction;
            }
            if (revised)
                shifts |= Shifts.Revision;
            Remember(index, value);
            return new Marks(shifts, contradicts, repeats);
        }

        private void Remember(int index, ValueFacts value)
        {
            if (first < 0)
                first = index;
            if (firstOfFigure[value.Figure] < 0)
            {
                firstOfFigure[value.Figure] = index;
                if (!value.Numeric)
                    answers.Add((value.Figure, index));
            }
            if (!value.Numeric)
            {
                if (anyAnswer < 0)
                    anyAnswer = index;
                return;
            }
            if (anyNumeric < 0)
                anyNumeric = index;
            if (value.High < minHigh)
                (minHigh, lowestHigh) = (value.High, index);
            if (value.Low > maxLow)
                (maxLow, highestLow) = (value.Low, index);
        }

        /// <summary>The first earlier answer other than this one: "no" contradicts the first "yes".</summary>
        private int AnswerOtherThan(int figure)
        {
            foreach (var answer in answers)
            {
                if (answer.Figure != figure)
                    return answer.Index;
            }
            return -1;
        }
    }

    /// <summary>
    /// The board's status as claims are added, as <see cref="StatusTally"/> keeps it, from the rows: a
    /// conflict once any two values cannot both hold, sources counted only until enough confirm.
    /// </summary>
    private sealed class Tally(TopicIndex index)
    {
        private readonly HashSet<string> sources = new(StringComparer.Ordinal);
        private int firstFigure = -1;
        private bool numeric, conflict;
        private int low = index.values.Floor, high = index.values.Ceiling;

        public ClaimStatus Status =>
            conflict ? ClaimStatus.Disputed : sources.Count >= index.rule.ConfirmedMinSources ? ClaimStatus.Confirmed : ClaimStatus.SingleSource;

        public void Add(int report)
        {
            if (sources.Count < index.rule.ConfirmedMinSources)
                sources.Add(TopicStatus.SourceOf(index.reports[report].Speaker, index.reports[report].Cluster));
            if (conflict)
                return;
            var value = index.values.Facts[index.rows[report].Value];
            if (firstFigure < 0)
                (firstFigure, numeric) = (value.Figure, value.Numeric);
            if (value.Numeric != numeric || (!numeric && value.Figure != firstFigure))
            {
                conflict = true;
                return;
            }
            if (numeric)
            {
                low = Math.Max(low, value.Low);
                high = Math.Min(high, value.High);
                conflict = low > high;
            }
        }
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
