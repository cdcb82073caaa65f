using System.Globalization;
using System.Text;
using RaqqaLedger.Domain.Events;
using RaqqaLedger.Projections.Views;

namespace RaqqaLedger.Application.Views;

public enum ReportFormat { Md, Csv }

/// <summary>
/// "How the story changed": the timeline, the board at the end of the range and the speakers who changed
/// position, for reading (Markdown) or for a spreadsheet (CSV). Read whole through the paged views, the
/// same answers the API pages.
/// </summary>
public static class StoryReport
{
    public static async Task<string> BuildAsync(LedgerViews views, DateOnly from, DateOnly to, ReportFormat format, CancellationToken cancellationToken = default)
    {
        var timeline = await views.Paged.TimelineAsync(null, from, to, null, null, PagedViews.Everything, cancellationToken);
        if (format == ReportFormat.Csv)
            return Csv(timeline);
        var board = await views.Paged.BoardAsync(to, null, null, null, null, PagedViews.Everything, cancellationToken);
        var speakers = await views.Paged.SpeakersAsync(null, null, null, null, PagedViews.Everything, cancellationToken);
        return Markdown(from, to, timeline, board, speakers);
    }

    /// <summary>The report of views already read whole: the timeline of the range, the board at its end, who said what.</summary>
    public static string Render(DateOnly from, DateOnly to, ReportFormat format,
        IReadOnlyList<TopicTimelineDocument> timeline, BoardDocument board, IReadOnlyList<SpeakerDocument> speakers) =>
        format == ReportFormat.Csv ? Csv(timeline) : Markdown(from, to, timeline, board, speakers);

    private static string Csv(IReadOnlyList<TopicTimelineDocument> timeline)
    {
        var csv = new StringBuilder("day,topic,shifts,value,speaker,source,article_id,published,date_basis,quote,claim_id,contradicts_claim_id,repeats_claim_id\r\n");
        var rows = timeline.SelectMany(t => t.Days.SelectMany(d => d.Entries).Concat(t.Undated))
            .OrderBy(e => ReportKeyOf(e)).ThenBy(e => e.Topic, StringComparer.Ordinal);
        foreach (var e in rows)
        {
            string[] fields =
            [
                ViewJson.Day(e.Published) ?? "", e.Topic, string.Join(' ', e.Shifts.Select(s => EventJson.EnumName(s))), e.Value?.ToJsonString() ?? "",
                e.Speaker ?? "", e.Source, e.ArticleId, ViewJson.Day(e.Published) ?? "", EventJson.EnumName(e.DateBasis),
                e.Quote, e.ClaimId, e.ContradictsClaimId ?? "", e.RepeatsClaimId ?? "",
            ];
            csv.Append(string.Join(',', fields.Select(Field))).Append("\r\n");
        }
        return csv.ToString();
    }

    private static ReportKey ReportKeyOf(ClaimDocument c) => new(c.Published, c.ArticlePosition, c.Span.Start, c.ClaimId);

    /// <summary>RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled.</summary>
    private static string Field(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;

    private static string Markdown(DateOnly from, DateOnly to, IReadOnlyList<TopicTimelineDocument> timeline, BoardDocument board, IReadOnlyList<SpeakerDocument> speakers)
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
                var values = t.Claims.GroupBy(c => ViewJson.ValueText(c.Value))
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
            foreach (var (_, e) in day.OrderBy(x => x.Entry.Topic, StringComparer.Ordinal).ThenBy(x => ReportKeyOf(x.Entry)))
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

        var changes = speakers.SelectMany(s => s.Topics.SelectMany(t => t.PositionChanges.Select(c => (s.Speaker, t.Topic, Change: c, Statements: t.Statements))))
            .Where(x => x.Change.ToPublished >= from && x.Change.ToPublished <= to).ToList();
        md.AppendLine("## Speakers who changed position").AppendLine();
        if (changes.Count == 0)
            md.AppendLine("None in this range.");
        foreach (var (speaker, topic, change, statements) in changes)
        {
            // Read whole, every statement a change names is on the listing's one page.
            string SourceOf(string claimId) => statements.First(s => s.ClaimId == claimId).Source;
            md.AppendLine(CultureInfo.InvariantCulture,
                $"- **{speaker}** on {topic}: {ViewJson.ValueText(change.From)} ({change.FromPublished:yyyy-MM-dd}, {SourceOf(change.ClaimIds[0])}) → {ViewJson.ValueText(change.To)} ({change.ToPublished:yyyy-MM-dd}, {SourceOf(change.ClaimIds[1])})");
        }
        return md.ToString();
    }

    private static string Line(TimelineEntryDocument e)
    {
        var shifts = string.Join(", ", e.Shifts.Select(s => EventJson.EnumName(s)));
        var previous = e.PreviousValue is { } p ? $" (was {ViewJson.ValueText(p)} before the rules changed)" : "";
        return $"- **{e.Topic}**: {Who(e)} — {ViewJson.ValueText(e.Value)}{previous} *[{shifts}]* in {e.Source}: “{Clip(e.Quote, 160)}”";
    }

    private static string Who(ClaimDocument c) => c.Speaker ?? (c.Outlet is { } outlet ? $"{outlet} (own reporting)" : "the outlet");

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);

    private static string Clip(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "…";
}
