using RaqqaLedger.Domain.Claims;
using RaqqaLedger.Projections;
using RaqqaLedger.Projections.Views;

namespace RaqqaLedger.Testing.Folds;

/// <param name="Contradicts">An earlier report this one conflicts with.</param>
/// <param name="Repeats">The first earlier report of the same figure or answer.</param>
public sealed record TimelineEntry(ClaimRecord Claim, IReadOnlyList<Shift> Shifts, ClaimRecord? Contradicts = null, ClaimRecord? Repeats = null);

/// <summary>What judging a report needs to know of it.</summary>
/// <param name="Dated">Whether its article's date is known: undated reports are marked only for revisions and retractions.</param>
public sealed record ReportFacts(ClaimValue Value, ClaimChange Change, bool Dated);

public sealed record TimelineDay(DateOnly Day, IReadOnlyList<TimelineEntry> Entries);

/// <param name="Undated">Reports from articles of unknown date: never placed on a guessed day, and marked only for revisions and retractions.</param>
public sealed record TopicTimeline(string Topic, IReadOnlyList<TimelineDay> Days, IReadOnlyList<TimelineEntry> Undated);

/// <summary>
/// The reporting timeline: per topic and publication day, what was reported, by whom and where, each
/// report marked with how it moved the story. Shifts are judged against every earlier report, also
/// those before the range shown.
/// </summary>
public static class ReportingTimelineFold
{
    /// <param name="claims">Claim versions current at the recorded time asked for, retraction tombstones included.</param>
    public static IReadOnlyList<TopicTimeline> Build(IEnumerable<ClaimRecord> claims, DateOnly from, DateOnly to, decimal tolerancePercent) =>
        [.. claims
            .GroupBy(c => c.Topic, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => ForTopic(g.Key, g, from, to, tolerancePercent))
            .Where(t => t.Days.Count > 0 || t.Undated.Count > 0)];

    private static TopicTimeline ForTopic(string topic, IEnumerable<ClaimRecord> claims, DateOnly from, DateOnly to, decimal tolerancePercent)
    {
        var ordered = claims.Order(ClaimRecord.ReportingOrder).ToList();
        var judgements = Judge([.. ordered.Select(c => new ReportFacts(c.Version.Facts.Value, c.Version.Change, c.Published is not null))], tolerancePercent);
        TimelineEntry Entry(int i) => new(ordered[i], judgements[i].Shifts,
            judgements[i].Contradicts is { } c ? ordered[c] : null, judgements[i].Repeats is { } r ? ordered[r] : null);

        var days = new List<(DateOnly Day, List<TimelineEntry> Entries)>();
        var undated = new List<TimelineEntry>();
        for (var i = 0; i < ordered.Count; i++)
        {
            if (ordered[i].Published is not { } day)
                undated.Add(Entry(i));
            else if (day >= from && day <= to)
            {
                if (days.Count == 0 || days[^1].Day != day)
                    days.Add((day, []));
                days[^1].Entries.Add(Entry(i));
            }
        }
        return new TopicTimeline(topic, [.. days.Select(d => new TimelineDay(d.Day, d.Entries))], undated);
    }

    /// <summary>
    /// How each report moved the story, judged against every earlier one. <paramref name="reports"/> is
    /// one topic's reports in reporting order (dated first); the judgements point back into it.
    /// A report after a range's end never changes how one inside it is judged, so one pass serves every range.
    /// </summary>
    public static IReadOnlyList<Judgement> Judge(IReadOnlyList<ReportFacts> reports, decimal tolerancePercent)
    {
        var earlier = new EarlierReports(tolerancePercent);
        var judgements = new Judgement[reports.Count];
        for (var i = 0; i < reports.Count; i++)
        {
            var report = reports[i];
            judgements[i] = !report.Dated ? new Judgement(LedgerShifts(report.Change))
                : report.Change == ClaimChange.Retracted ? new Judgement([Shift.Retraction])
                : earlier.Judge(i, report);
        }
        return judgements;
    }

    private static IReadOnlyList<Shift> LedgerShifts(ClaimChange change) => change switch
    {
        ClaimChange.Revised => [Shift.Revision],
        ClaimChange.Retracted => [Shift.Retraction],
        _ => [],
    };

    /// <summary>
    /// What was reported before, kept so each new report is judged in constant time: on a number line a
    /// value conflicts with some earlier one exactly when it lies wholly above the lowest high end or
    /// wholly below the highest low end.
    /// </summary>
    private sealed class EarlierReports(decimal tolerancePercent)
    {
        private readonly Dictionary<string, (int Index, ClaimValue Value)> firstOfFigure = new(StringComparer.Ordinal);

        // A story repeats a few values thousands of times, each read once into one shared object: its figure
        // and interval are worked out once per object, not once per report.
        private readonly Dictionary<ClaimValue, (string Figure, decimal Low, decimal High)> seen = new(ReferenceEqualityComparer.Instance);
        private int? first, lowestHigh, highestLow, anyNumeric, anyOther;
        private decimal minHigh = decimal.MaxValue, maxLow = decimal.MinValue;

        public Judgement Judge(int index, ReportFacts report)
        {
            var value = report.Value;
            var shifts = new List<Shift>();
            int? contradicts = null, repeats = null;
            if (first is null)
                shifts.Add(Shift.FirstReport);
            else
            {
                if (firstOfFigure.TryGetValue(Known(value).Figure, out var same))
                    repeats = same.Index;
                shifts.Add(repeats is null ? Shift.NewValue : Shift.Repetition);
                contradicts = Conflict(value);
                if (contradicts is not null)
                    shifts.Add(Shift.Contradiction);
            }
            if (report.Change == ClaimChange.Revised)
                shifts.Add(Shift.Revision);
            Remember(index, value);
            return new Judgement(shifts, contradicts, repeats);
        }

        private int? Conflict(ClaimValue value)
        {
            if (!value.IsNumeric)
                return anyNumeric ?? firstOfFigure.Values.Where(f => !f.Value.IsNumeric && f.Value != value).Select(f => (int?)f.Index).FirstOrDefault();
            if (anyOther is not null)
                return anyOther;
            var (_, low, high) = Known(value);
            return minHigh < low ? lowestHigh : maxLow > high ? highestLow : null;
        }

        private void Remember(int index, ClaimValue value)
        {
            first ??= index;
            var (figure, low, high) = Known(value);
            firstOfFigure.TryAdd(figure, (index, value));
            if (!value.IsNumeric)
            {
                anyOther ??= index;
                return;
            }
            anyNumeric ??= index;
            if (high < minHigh)
                (minHigh, lowestHigh) = (high, index);
            if (low > maxLow)
                (maxLow, highestLow) = (low, index);
        }

        private (string Figure, decimal Low, decimal High) Known(ClaimValue value)
        {
            if (!seen.TryGetValue(value, out var known))
            {
                var (low, high) = value.IsNumeric ? TopicStatus.Interval(value, tolerancePercent) : (0m, 0m);
                seen[value] = known = (ReportingTimeline.Figure(value), low, high);
            }
            return known;
        }
    }
}
