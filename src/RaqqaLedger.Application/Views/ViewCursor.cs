using System.Globalization;
using System.Text;
using RaqqaLedger.Projections.Views;

namespace RaqqaLedger.Application.Views;

/// <summary>
/// Where the next page of a listing starts: the log position the first page was read at (so every page
/// of one listing reads the same ledger, whatever is written meanwhile), the listing (a topic, or the
/// board's undated claims) and the last report given, or none to start the listing (the board's undated
/// claims when its page left them no room). Opaque to clients: base64url text.
/// </summary>
public sealed record ViewCursor(long Position, string List, ReportKey? After)
{
    /// <summary>The board's claims of unknown date, as a listing of their own.</summary>
    public const string Undated = "*undated";

    /// <summary>The listing of one speaker's statements on one topic (topic ids hold no '|').</summary>
    public static string SpeakerList(string topic, string speaker) => $"{topic}|{speaker}";

    /// <summary>The topic and speaker this cursor's listing is, or null when it is not a speaker's.</summary>
    public (string Topic, string Speaker)? Speaker => List.IndexOf('|') is var bar and > 0 ? (List[..bar], List[(bar + 1)..]) : null;

    private const string Version = "1";

    public string Encode()
    {
        var day = After?.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
        var text = After is { } key
            ? string.Join('\n', Version, Position, List, day, key.ArticlePosition, key.SpanStart, key.ClaimId)
            : string.Join('\n', Version, Position, List, "", "", "", "");
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    public static ViewCursor Parse(string text)
    {
        var bad = new InvalidQueryException($"after '{Shorten(text)}' is not a cursor this API gave out: pass the 'next' of a page");
        if (text.Length is 0 or > 2000)
            throw bad;
        var base64 = text.Replace('-', '+').Replace('_', '/');
        base64 += new string('=', (4 - base64.Length % 4) % 4);
        string decoded;
        try
        {
            decoded = new UTF8Encoding(false, true).GetString(Convert.FromBase64String(base64));
        }
        catch (Exception e) when (e is FormatException or DecoderFallbackException)
        {
            throw bad;
        }
        var parts = decoded.Split('\n', 7);
        if (parts.Length != 7 || parts[0] != Version || parts[2].Length == 0)
            throw bad;
        if (parts[3..].All(p => p.Length == 0) && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var start))
            return new ViewCursor(start, parts[2], null);
        if (parts[6].Length == 0
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var position)
            || !long.TryParse(parts[4], NumberStyles.None, CultureInfo.InvariantCulture, out var article)
            || !int.TryParse(parts[5], NumberStyles.None, CultureInfo.InvariantCulture, out var span))
            throw bad;
        DateOnly? day = null;
        if (parts[3].Length > 0)
        {
            if (!DateOnly.TryParseExact(parts[3], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                throw bad;
            day = parsed;
        }
        return new ViewCursor(position, parts[2], new ReportKey(day, article, span, parts[6]));
    }

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
