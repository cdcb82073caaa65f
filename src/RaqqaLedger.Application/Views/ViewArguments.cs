using System.Globalization;
using RaqqaLedger.EventStore;

namespace RaqqaLedger.Application.Views;

/// <summary>Reads the as-of arguments of a query, strictly: a bad one is refused, never guessed at.</summary>
public static partial class ViewArguments
{
    /// <summary>A calendar day written yyyy-MM-dd; "2017-02-30" is refused.</summary>
    public static DateOnly Day(string text, string name)
    {
        if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            throw new InvalidQueryException($"{name} '{text}' is not a date: use yyyy-MM-dd, e.g. 2017-10-15");
        return day;
    }

    /// <summary>
    /// A recorded time: a log position (an integer from 0 to the head), or a moment in ISO 8601
    /// ("2026-11-21T15:00:00Z"; without an offset it is read as UTC), which becomes the last position
    /// committed by then.
    /// </summary>
    public static async Task<long> RecordedPositionAsync(IEventStore store, string text, CancellationToken cancellationToken = default)
    {
        var head = (await store.ReadHeadAsync(cancellationToken)).Position;
        var trimmed = text.Trim();
        if (WholeNumber().IsMatch(trimmed))
        {
            if (!long.TryParse(trimmed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var position) || position < 0)
                throw new InvalidQueryException($"recorded-as-of position '{text}' must be a whole number from 0 to the head ({head})");
            if (position > head)
                throw new InvalidQueryException($"recorded-as-of position {position} is beyond the log's head ({head})");
            return position;
        }
        if (!DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var moment))
            throw new InvalidQueryException($"recorded-as-of '{text}' is neither a log position nor an ISO 8601 time such as 2026-11-21T15:00:00Z");
        return await LastPositionByAsync(store, moment, head, cancellationToken);
    }

    /// <summary>
    /// Binary search on the log: commit times grow with positions (the single writer stamps each batch
    /// under the head lock), so the last position committed by a moment takes about log2(head) lookups.
    /// </summary>
    private static async Task<long> LastPositionByAsync(IEventStore store, DateTimeOffset moment, long head, CancellationToken cancellationToken)
    {
        long low = 0, high = head; // invariant: position low was committed by the moment (0: nothing), high+1 was not
        while (low < high)
        {
            var middle = low + (high - low + 1) / 2;
            var e = (await store.ReadAllAsync(middle, 1, cancellationToken)).Single();
            if (e.RecordedAt <= moment)
                low = middle;
            else
                high = middle - 1;
        }
        return low;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^-?[0-9]+$")]
    private static partial System.Text.RegularExpressions.Regex WholeNumber();
}
