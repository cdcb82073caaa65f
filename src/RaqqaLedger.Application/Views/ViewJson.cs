using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using RaqqaLedger.Domain.Articles;
using RaqqaLedger.Domain.Claims;
using RaqqaLedger.Domain.Events;
using RaqqaLedger.Projections;
using RaqqaLedger.Projections.Views;

namespace RaqqaLedger.Application.Views;

// The views as documents, one shape for every surface (CLI --json, REST, the page): typed records, so
// the OpenAPI document describes them; values in the gold file's forms, days as yyyy-MM-dd, names kebab-case.

public sealed record SpanDocument(int Start, int Length);

public sealed record EventDateDocument(DateOnly? From, DateOnly? To, string Text);

/// <param name="Value">In the gold file's forms: true/false, "category", {"exact":N}, {"approx":N}, {"min":N}, {"max":N}, {"min":A,"max":B}.</param>
/// <param name="Speaker">Canonical speaker; null is the outlet's own voice.</param>
/// <param name="Published">The article's publication date; null when unknown.</param>
/// <param name="Change">What made this version: extracted, revised (see previousValue) or retracted.</param>
/// <param name="RecordedFrom">The log position where this version began; recordedTo where it ended (null: current).</param>
/// <param name="ArticlePosition">Where the article stands in the log: with the day, the order of reporting across topics.</param>
public record ClaimDocument(
    string ClaimId, string Topic, JsonNode? Value, string? Speaker, string? SpeakerAsWritten, string ArticleId, string Source, string? Outlet,
    string Cluster, DateOnly? Published, DateBasis DateBasis, string Quote, SpanDocument Span, EventDateDocument? EventDate, string Rule,
    int RuleSetVersion, ClaimChange Change, JsonNode? PreviousValue, long RecordedFrom, long? RecordedTo, DateTimeOffset RecordedAt, long ArticlePosition);

public sealed record StatusRuleDocument(int ConfirmedMinSources, decimal NumbersAgreeWithinPercent);

/// <param name="Count">How many claims the topic lists in all; <paramref name="Claims"/> may be one page of them.</param>
/// <param name="Next">A cursor for the next page (pass it as 'after'); null on the last page.</param>
public sealed record BoardTopicDocument(string Topic, ClaimStatus Status, IReadOnlyList<ClaimDocument> Claims, int Count, string? Next = null);

/// <param name="Undated">With asOf: claims from articles of unknown date, listed apart and counted in no status.</param>
/// <param name="UndatedCount">How many undated claims there are in all; <paramref name="UndatedNext"/> continues them.</param>
public sealed record BoardDocument(
    DateOnly? AsOf, long? RecordedAsOf, StatusRuleDocument StatusRule, IReadOnlyList<BoardTopicDocument> Topics, IReadOnlyList<ClaimDocument> Undated,
    int UndatedCount, string? UndatedNext = null);

/// <summary>A claim on the timeline: its fields, and how it moved the story.</summary>
public sealed record TimelineEntryDocument : ClaimDocument
{
    public TimelineEntryDocument(ClaimDocument claim, IReadOnlyList<Shift> shifts, string? contradictsClaimId, string? repeatsClaimId) : base(claim)
    {
        Shifts = shifts;
        ContradictsClaimId = contradictsClaimId;
        RepeatsClaimId = repeatsClaimId;
    }

    public IReadOnlyList<Shift> Shifts { get; }

    /// <summary>An earlier claim this one conflicts with.</summary>
    public string? ContradictsClaimId { get; }

    /// <summary>The first earlier claim of the same figure or answer.</summary>
    public string? RepeatsClaimId { get; }
}

public sealed record TimelineDayDocument(DateOnly Day, IReadOnlyList<TimelineEntryDocument> Entries);

/// <param name="Count">How many entries (days' and undated) the topic has in the range in all; this may be one page of them.</param>
/// <param name="Next">A cursor for the next page (pass it as 'after'); null on the last page.</param>
public sealed record TopicTimelineDocument(
    string Topic, IReadOnlyList<TimelineDayDocument> Days, IReadOnlyList<TimelineEntryDocument> Undated, int Count, string? Next = null);

public sealed record StatementDocument(JsonNode? Value, DateOnly? Published, string ArticleId, string Source, string ClaimId, string Quote);

public sealed record PositionChangeDocument(JsonNode? From, DateOnly? FromPublished, JsonNode? To, DateOnly? ToPublished, IReadOnlyList<string> ClaimIds);

/// <param name="PositionChanges">The changes of position that end on one of these statements.</param>
/// <param name="Count">How many statements the speaker made on the topic in all; <paramref name="Statements"/> may be one page of them.</param>
/// <param name="Next">A cursor for the next page (pass it as 'after'); null on the last page.</param>
public sealed record SpeakerTopicDocument(
    string Topic, IReadOnlyList<StatementDocument> Statements, IReadOnlyList<PositionChangeDocument> PositionChanges, int Count, string? Next = null);

public sealed record SpeakerDocument(string Speaker, IReadOnlyList<SpeakerTopicDocument> Topics);

public record ArticleDocument(
    string Id, string Source, string? Title, DateOnly? Published, DateBasis DateBasis, string? DateEvidence, string? Dateline,
    IReadOnlyList<string> Agencies, string? Outlet, string? Url, string Cluster, long Position, DateTimeOffset RecordedAt);

/// <summary>An article's fields and its live claims.</summary>
public sealed record ArticleWithClaimsDocument : ArticleDocument
{
    public ArticleWithClaimsDocument(ArticleDocument article, IReadOnlyList<ClaimDocument> claims) : base(article) => Claims = claims;

    public IReadOnlyList<ClaimDocument> Claims { get; }
}

public static class ViewJson
{
    /// <summary>For printing documents: the events' own conventions (camelCase, kebab-case enums, text left readable), indented.</summary>
    public static JsonSerializerOptions Printing { get; } = new(EventJson.Options) { WriteIndented = true };

    public static ClaimDocument Claim(ClaimRecord c)
    {
        var f = c.Version.Facts;
        return new ClaimDocument(c.ClaimId, c.Topic, Node(f.Value), f.Speaker, f.SpeakerAsWritten, c.Version.ArticleId, c.Source,
            c.Outlet, c.Cluster, c.Published, c.DateBasis, f.Quote, new SpanDocument(f.Span.Start, f.Span.Length),
            f.EventDate is { } d ? new EventDateDocument(d.From, d.To, d.Text) : null, f.RuleId, c.Version.RuleSetVersion, c.Version.Change,
            c.Version.PreviousValue is { } p ? Node(p) : null, c.Version.RecordedFrom, c.RecordedTo, c.Version.RecordedAt, c.ArticlePosition);
    }

    public static StatementDocument Statement(ClaimRecord c) => new(Node(c.Version.Facts.Value), c.Published, c.Version.ArticleId, c.Source, c.ClaimId, c.Version.Facts.Quote);

    public static ArticleDocument Article(ArticleEntry a) =>
        new(a.Id, a.Source, a.Title, a.Published, a.DateBasis, a.DateEvidence, a.Dateline, a.Agencies, a.Outlet, a.Url, a.Cluster, a.Position, a.RecordedAt);

    /// <summary>A value as the claims print it ("~300", "yes"), from its document form.</summary>
    public static string ValueText(JsonNode? value) =>
        value is null ? "" : ClaimValue.FromJson(JsonSerializer.SerializeToElement(value))?.ToString() ?? value.ToJsonString();

    public static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A value in its document form: the gold file's (see <see cref="ValueText"/> for the way back).</summary>
    public static JsonNode? Node(ClaimValue value) => JsonNode.Parse(value.ToJson());
}
