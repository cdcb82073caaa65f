using System.Text.Json;
using System.Text.Json.Nodes;
using RaqqaLedger.Domain.Events;
using RaqqaLedger.Projections;
using RaqqaLedger.Projections.Views;

namespace RaqqaLedger.Application.Views;

/// <summary>The views as JSON, one shape for every surface: values in the gold file's forms, dates yyyy-MM-dd, names kebab-case.</summary>
public static class ViewJson
{
    public static JsonSerializerOptions Printing { get; } = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static JsonObject Board(Board board, DateOnly? asOf, long? recordedAsOf) => new()
    {
        ["asOf"] = Day(asOf),
        ["recordedAsOf"] = recordedAsOf,
        ["statusRule"] = new JsonObject
        {
            ["confirmedMinSources"] = board.Rule.ConfirmedMinSources,
            ["numbersAgreeWithinPercent"] = board.Rule.NumbersAgreeWithinPercent,
        },
        ["topics"] = new JsonArray([.. board.Topics.Select(t => (JsonNode)new JsonObject
        {
            ["topic"] = t.Topic,
            ["status"] = EventJson.EnumName(t.Status),
            ["claims"] = new JsonArray([.. t.Claims.Select(c => (JsonNode)Claim(c))]),
        })]),
        ["undated"] = new JsonArray([.. board.Undated.Select(c => (JsonNode)Claim(c))]),
    };

    public static JsonObject Claim(ClaimRecord c)
    {
        var f = c.Version.Facts;
        return new JsonObject
        {
            ["claimId"] = c.ClaimId,
            ["topic"] = c.Topic,
            ["value"] = JsonNode.Parse(f.Value.ToJson()),
            ["speaker"] = f.Speaker,
            ["speakerAsWritten"] = f.SpeakerAsWritten,
            ["articleId"] = c.Version.ArticleId,
            ["source"] = c.Source,
            ["outlet"] = c.Outlet,
            ["cluster"] = c.Cluster,
            ["published"] = Day(c.Published),
            ["dateBasis"] = EventJson.EnumName(c.DateBasis),
            ["quote"] = f.Quote,
            ["span"] = new JsonObject { ["start"] = f.Span.Start, ["length"] = f.Span.Length },
            ["eventDate"] = f.EventDate is { } d ? new JsonObject { ["from"] = Day(d.From), ["to"] = Day(d.To), ["text"] = d.Text } : null,
            ["rule"] = f.RuleId,
            ["ruleSetVersion"] = c.Version.RuleSetVersion,
            ["change"] = EventJson.EnumName(c.Version.Change),
            ["previousValue"] = c.Version.PreviousValue is { } p ? JsonNode.Parse(p.ToJson()) : null,
            ["recordedFrom"] = c.Version.RecordedFrom,
            ["recordedTo"] = c.RecordedTo,
            ["recordedAt"] = c.Version.RecordedAt.ToString("O"),
        };
    }

    public static JsonArray Timeline(IReadOnlyList<TopicTimeline> timeline) => new([.. timeline.Select(t => (JsonNode)new JsonObject
    {
        ["topic"] = t.Topic,
        ["days"] = new JsonArray([.. t.Days.Select(d => (JsonNode)new JsonObject
        {
            ["day"] = Day(d.Day),
            ["entries"] = new JsonArray([.. d.Entries.Select(e => (JsonNode)Entry(e))]),
        })]),
        ["undated"] = new JsonArray([.. t.Undated.Select(e => (JsonNode)Entry(e))]),
    })]);

    public static JsonObject Entry(TimelineEntry e)
    {
        var claim = Claim(e.Claim);
        claim["shifts"] = new JsonArray([.. e.Shifts.Select(s => (JsonNode)EventJson.EnumName(s))]);
        claim["contradictsClaimId"] = e.Contradicts?.ClaimId;
        claim["repeatsClaimId"] = e.Repeats?.ClaimId;
        return claim;
    }

    public static JsonArray Speakers(IReadOnlyList<SpeakerRecord> speakers) => new([.. speakers.Select(s => (JsonNode)new JsonObject
    {
        ["speaker"] = s.Speaker,
        ["topics"] = new JsonArray([.. s.Topics.Select(t => (JsonNode)new JsonObject
        {
            ["topic"] = t.Topic,
            ["statements"] = new JsonArray([.. t.Statements.Select(c => (JsonNode)new JsonObject
            {
                ["value"] = JsonNode.Parse(c.Version.Facts.Value.ToJson()),
                ["published"] = Day(c.Published),
                ["articleId"] = c.Version.ArticleId,
                ["source"] = c.Source,
                ["claimId"] = c.ClaimId,
                ["quote"] = c.Version.Facts.Quote,
            })]),
            ["positionChanges"] = new JsonArray([.. t.Changes.Select(p => (JsonNode)new JsonObject
            {
                ["from"] = JsonNode.Parse(p.Before.Version.Facts.Value.ToJson()),
                ["fromPublished"] = Day(p.Before.Published),
                ["to"] = JsonNode.Parse(p.After.Version.Facts.Value.ToJson()),
                ["toPublished"] = Day(p.After.Published),
                ["claimIds"] = new JsonArray(p.Before.ClaimId, p.After.ClaimId),
            })]),
        })]),
    })]);

    public static JsonObject Article(ArticleEntry a) => new()
    {
        ["id"] = a.Id,
        ["source"] = a.Source,
        ["title"] = a.Title,
        ["published"] = Day(a.Published),
        ["dateBasis"] = EventJson.EnumName(a.DateBasis),
        ["dateEvidence"] = a.DateEvidence,
        ["dateline"] = a.Dateline,
        ["agencies"] = new JsonArray([.. a.Agencies.Select(x => (JsonNode)x)]),
        ["outlet"] = a.Outlet,
        ["url"] = a.Url,
        ["cluster"] = a.Cluster,
        ["position"] = a.Position,
        ["recordedAt"] = a.RecordedAt.ToString("O"),
    };

    public static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
