using System.Globalization;
using System.Text;
using RaqqaLedger.Domain.Events;
using RaqqaLedger.Application.Views;
using RaqqaLedger.Projections.Views;
using RaqqaLedger.Testing.Folds;

namespace RaqqaLedger.Application.Tests;

/// <summary>
/// The report as it was built from the whole-list folds (board, timeline, who said what), kept as the
/// reference the report from the paged views must equal.
/// </summary>
internal static class FoldReport
{
    public static async Task<string> BuildAsync(Folds folds, DateOnly from, DateOnly to, ReportFormat format)
    {
        var timeline = await folds.TimelineAsync(null, from, to);
        if (format == ReportFormat.Csv)
            return Csv(timeline);
        var board = await folds.BoardAsync(to, null, null);
        var speakers = await folds.SpeakersAsync();
        return Markdown(from, to, timeline, board, speakers);
    }

    public static string Csv(IReadOnlyList<TopicTimeline> timeline)
    {
        var csv = new StringBuilder("day,topic,shifts,value,speaker,source,article_id,published,date_basis,quote,claim_id,contradicts_claim_id,repeats_claim_id\r\n");
        var rows = timeline.SelectMany(t => t.Days.SelectMany(d => d.Entries).Concat(t.Undated))
            .OrderBy(e => e.Claim, ClaimRecord.ReportingOrder).ThenBy(e => e.Claim.Topic, StringComparer.Ordinal);
        foreach (var e in rows)
        {
            var c = e.Claim;
            string[] fields =
            [
                ViewJson.Day(c.Published) ?? "", c.Topic, string.Join(' ', e.Shifts.Select(s => EventJson.EnumName(s))), c.Version.Facts.Value.ToJson(),
                c.Speaker ?? "", c.Source, c.Version.ArticleId, ViewJson.Day(c.Published) ?? "", EventJson.EnumName(c.DateBasis),
                c.Version.Facts.Quote, c.ClaimId, e.Contradicts?.ClaimId ?? "", e.Repeats?.ClaimId ?? "",
            ];
            csv.Append(string.Join(',', fields.Select(Field))).Append("\r\n");
        }
        return csv.ToString();
    }

    /// <summary>RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled.</summary>
    private static string Field(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;

    private static string Markdown(DateOnly from, DateOnly to, IReadOnlyList<TopicTimeline> timeline, Board board, IReadOnlyList<SpeakerRecord> speakers)
    {
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# How the story changed, {from:yyyy-MM-dd} to {to:yyyy-MM-dd}").AppendLine();

        md.AppendLine(CultureInfo.InvariantCulture, $"## Where it stood on {to:yyyy-MM-dd}").AppendLine();
        if (board.Topics.Count == 0)
            md.AppendLine("Nothing had been reported.");
        else
        {
            md.AppendLine("| Topic | Status | Values reported (by whom) |").AppendLine("|---|---|---|");
            foreach (var t in board.Topics)
            {
                var values = t.Claims.GroupBy(c => c.Version.Facts.Value.ToString())
                    .Select(g => $"{g.Key} ({string.Join(", ", g.Select(Who).Distinct())})");
                md.AppendLine(CultureInfo.InvariantCulture, $"| {t.Topic} | {EventJson.EnumName(t.Status)} | {Cell(string.Join("; ", values))} |");
            }
        }
        md.AppendLine();

        md.AppendLine("## Day by day").AppendLine();
        var days = timeline.SelectMany(t => t.Days.SelectMany(d => d.Entries.Select(e => (d.Day, Entry: e)))).GroupBy(x => x.Day).OrderBy(g => g.Key).ToList();
        if (days.Count == 0)
            md.AppendLine("No dated reports in this range.").AppendLine();
        foreach (var day in days)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"### {day.Key:yyyy-MM-dd}").AppendLine();
            foreach (var (_, e) in day.OrderBy(x => x.Entry.Claim.Topic, StringComparer.Ordinal).ThenBy(x => x.Entry.Claim, ClaimRecord.ReportingOrder))
                md.AppendLine(Line(e));
            md.AppendLine();
        }

        var undated = timeline.SelectMany(t => t.Undated).ToList();
        if (undated.Count > 0)
        {
            md.AppendLine("## Reports of unknown date").AppendLine();
            md.AppendLine("These articles carry no publication date, so they are not placed on any day.").AppendLine();
            foreach (var e in undated)
                md.AppendLine(Line(e));
            md.AppendLine();
        }

        var changes = speakers.SelectMany(s => s.Topics.SelectMany(t => t.Changes.Select(c => (s.Speaker, t.Topic, Change: c))))
            .Where(x => x.Change.After.Published >= from && x.Change.After.Published <= to).ToList();
        md.AppendLine("## Speakers who changed position").AppendLine();
        if (changes.Count == 0)
            md.AppendLine("None in this range.");
        foreach (var (speaker, topic, change) in changes)
        {
            md.AppendLine(CultureInfo.InvariantCulture,
                $"- **{speaker}** on {topic}: {change.Before.Version.Facts.Value} ({change.Before.Published:yyyy-MM-dd}, {change.Before.Source}) → {change.After.Version.Facts.Value} ({change.After.Published:yyyy-MM-dd}, {change.After.Source})");
        }
        return md.ToString();
    }

    private static string Line(TimelineEntry e)
    {
        var c = e.Claim;
        var shifts = string.Join(", ", e.Shifts.Select(s => EventJson.EnumName(s)));
        var previous = c.Version.PreviousValue is { } p ? $" (was {p} before the rules changed)" : "";
        return $"- **{c.Topic}**: {Who(c)} — {c.Version.Facts.Value}{previous} *[{shifts}]* in {c.Source}: “{Clip(c.Version.Facts.Quote, 160)}”";
    }

    private static string Who(ClaimRecord c) => c.Speaker ?? (c.Outlet is { } outlet ? $"{outlet} (own reporting)" : "the outlet");

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);

    private static string Clip(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "…";
}
