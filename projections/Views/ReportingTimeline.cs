using RaqqaLedger.Domain.Claims;

namespace RaqqaLedger.Projections.Views;

/// <summary>How a report moved the story on its topic.</summary>
public enum Shift
{
    /// <summary>The first report on the topic.</summary>
    FirstReport,
    /// <summary>A figure or answer not reported before.</summary>
    NewValue,
    /// <summary>The same figure or answer as an earlier report (a repetition, a republication, a syndicated copy).</summary>
    Repetition,
    /// <summary>Conflicts with an earlier report (as well as being new or a repetition).</summary>
    Contradiction,
    /// <summary>The ledger revised the claim when the extraction rules changed.</summary>
    Revision,
    /// <summary>The ledger retracted the claim when the extraction rules changed.</summary>
    Retraction,
}

/// <param name="Contradicts">An earlier report this one conflicts with.</param>
/// <param name="Repeats">The first earlier report of the same figure or answer.</param>
public sealed record TimelineEntry(ClaimRecord Claim, IReadOnlyList<Shift> Shifts, ClaimRecord? Contradicts = null, ClaimRecord? Repeats = null);

public sealed record TimelineDay(DateOnly Day, IReadOnlyList<TimelineEntry> Entries);

/// <param name="Undated">Reports from articles of unknown date: never placed on a guessed day, and marked only for revisions and retractions.</param>
public sealed record TopicTimeline(string Topic, IReadOnlyList<TimelineDay> Days, IReadOnlyList<TimelineEntry> Undated);

/// <summary>
/// The reporting timeline: per topic and publication day, what was reported, by whom and where, each
/// report marked with how it moved the story. Shifts are judged against every earlier report, also
/// those before the range shown.
/// </summary>
public static class ReportingTimeline
{
    public static readonly DateOnly StoryStart = new(2017, 10, 14), StoryEnd = new(2017, 11, 14);

    /// <param name="claims">Claim versions current at the recorded time asked for, retraction tombstones included.</param>
    public static IReadOnlyList<TopicTimeline> Build(IEnumerable<ClaimRecord> claims, DateOnly from, DateOnly to, decimal tolerancePercent) =>
        [.. claims
            .GroupBy(c => c.Topic, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => ForTopic(g.Key, g, from, to, tolerancePercent))
            .Where(t => t.Days.Count > 0 || t.Undated.Count > 0)];

    private static TopicTimeline ForTopic(string topic, IEnumerable<ClaimRecord> claims, DateOnly from, DateOnly to, decimal tolerancePercent)
    {
        var earlier = new EarlierReports(tolerancePercent);
        var days = new List<(DateOnly Day, List<TimelineEntry> Entries)>();
        var undated = new List<TimelineEntry>();
        foreach (var claim in claims.Order(ClaimRecord.ReportingOrder))
        {
            if (claim.Published is not { } day)
            {
                undated.Add(new TimelineEntry(claim, LedgerShifts(claim)));
                continue;
            }
            if (day > to)
                continue; // not break: the undated reports come after the last day
            var entry = claim.Version.Change == ClaimChange.Retracted
                ? new TimelineEntry(claim, [Shift.Retraction])
                : earlier.Judge(claim);
            if (day < from)
                continue;
            if (days.Count == 0 || days[^1].Day != day)
                days.Add((day, []));
            days[^1].Entries.Add(entry);
        }
        return new TopicTimeline(topic, [.. days.Select(d => new TimelineDay(d.Day, d.Entries))], undated);
    }

    private static IReadOnlyList<Shift> LedgerShifts(ClaimRecord claim) => claim.Version.Change switch
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
        private readonly Dictionary<string, ClaimRecord> firstOfFigure = new(StringComparer.Ordinal);
        private ClaimRecord? first, lowestHigh, highestLow, anyNumeric, anyOther;
        private decimal minHigh = decimal.MaxValue, maxLow = decimal.MinValue;

        public TimelineEntry Judge(ClaimRecord claim)
        {
            var value = claim.Version.Facts.Value;
            var shifts = new List<Shift>();
            ClaimRecord? contradicts = null, repeats = null;
            if (first is null)
                shifts.Add(Shift.FirstReport);
            else
            {
                shifts.Add(firstOfFigure.TryGetValue(Figure(value), out repeats) ? Shift.Repetition : Shift.NewValue);
                contradicts = Conflict(value);
                if (contradicts is not null)
                    shifts.Add(Shift.Contradiction);
            }
            if (claim.Version.Change == ClaimChange.Revised)
                shifts.Add(Shift.Revision);
            Remember(claim, value);
            return new TimelineEntry(claim, shifts, contradicts, repeats);
        }

        private ClaimRecord? Conflict(ClaimValue value)
        {
            if (!value.IsNumeric)
                return anyNumeric ?? firstOfFigure.Values.FirstOrDefault(c => !c.Version.Facts.Value.IsNumeric && c.Version.Facts.Value != value);
            if (anyOther is not null)
                return anyOther;
            var (low, high) = TopicStatus.Interval(value, tolerancePercent);
            return minHigh < low ? lowestHigh : maxLow > high ? highestLow : null;
        }

        private void Remember(ClaimRecord claim, ClaimValue value)
        {
            first ??= claim;
            firstOfFigure.TryAdd(Figure(value), claim);
            if (!value.IsNumeric)
            {
                anyOther ??= claim;
                return;
            }
            anyNumeric ??= claim;
            var (low, high) = TopicStatus.Interval(value, tolerancePercent);
            if (high < minHigh)
                (minHigh, lowestHigh) = (high, claim);
            if (low > maxLow)
                (maxLow, highestLow) = (low, claim);
        }

        /// <summary>"about 275" and "275" are the same figure; a yes is a yes.</summary>
        private static string Figure(ClaimValue v) => v.Kind switch
        {
            ClaimValueKind.Exact or ClaimValueKind.Approx => $"n:{v.Number!.Value.ToString("G29", System.Globalization.CultureInfo.InvariantCulture)}",
            _ => v.ToJson(),
        };
    }
}
