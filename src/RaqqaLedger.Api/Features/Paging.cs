using System.Globalization;
using RaqqaLedger.Application.Views;
using RaqqaLedger.EventStore;

namespace RaqqaLedger.Api.Features;

/// <summary>Paging arguments shared by the log and the views, read strictly: text in, so a bad one gets our 400, not a binding error.</summary>
public static class Paging
{
    public const int MaxLimit = 1000, DefaultLimit = 100;

    public static int Limit(string? limit) => limit is null ? DefaultLimit : int.Parse(limit, CultureInfo.InvariantCulture);

    public static IEnumerable<string> LimitProblems(string? limit)
    {
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n is < 1 or > MaxLimit))
            yield return $"limit '{limit}' must be a whole number from 1 to {MaxLimit}";
    }

    /// <summary>
    /// A view's cursor, checked against the rest of the query: it must be one we gave out, for a position
    /// the log has, and for the same recorded time and topic as asked now.
    /// </summary>
    /// <param name="ofSpeakers">Whether the cursor must continue a speaker's statements (who said what) rather than a board or timeline listing.</param>
    public static async Task<ViewCursor?> CursorAsync(IEventStore store, string? after, long? recordedAsOf, string? topic, CancellationToken cancellationToken, bool ofSpeakers = false)
    {
        if (after is null)
            return null;
        var cursor = ViewCursor.Parse(after);
        if (ofSpeakers != cursor.Speaker is not null)
            throw new InvalidQueryException(ofSpeakers
                ? "this cursor continues a board or timeline listing, not a speaker's statements"
                : "this cursor continues a speaker's statements (who said what), not a board or timeline listing");
        await ViewArguments.RecordedPositionAsync(store, cursor.Position.ToString(CultureInfo.InvariantCulture), cancellationToken);
        if (recordedAsOf is { } position && position != cursor.Position)
            throw new InvalidQueryException($"this cursor continues a listing read at position {cursor.Position}, not {position}");
        if (topic is not null && cursor.List != ViewCursor.Undated && (cursor.Speaker?.Topic ?? cursor.List) != topic)
            throw new InvalidQueryException($"this cursor continues topic '{cursor.Speaker?.Topic ?? cursor.List}', not '{topic}'");
        return cursor;
    }
}
