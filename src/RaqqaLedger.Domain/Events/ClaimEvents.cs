using System.Text.Json.Serialization;
using RaqqaLedger.Domain.Claims;

namespace RaqqaLedger.Domain.Events;

/// <summary>
/// A rule set became the one in effect. Keeps the full content, so every replay is reproducible, and the
/// board's status rule as the content states it, so the views need no rule-set reader.
/// </summary>
/// <param name="Version">The version the file declares; strictly increasing in the log.</param>
/// <param name="Sha256">Of the content's UTF-8 bytes.</param>
/// <param name="Source">The file it was published from.</param>
[EventType("ruleset-published.v2")]
public sealed record RuleSetPublished(int Version, string Name, string Sha256, string Content, string Source, StatusRule Status);

/// <summary>
/// The first version, without the status rule: that is in its content only, which takes the rule-set
/// reader to see. So it is not upcast here but by whoever reads rule sets (see RuleSetEvents in
/// RaqqaLedger.Extraction); the folds see only <see cref="RuleSetPublished"/>.
/// </summary>
[EventType("ruleset-published.v1")]
public sealed record RuleSetPublishedV1(int Version, string Name, string Sha256, string Content, string Source)
{
    public RuleSetPublished WithStatus(StatusRule status) => new(Version, Name, Sha256, Content, Source, status);
}

/// <summary>A rule found a claim in an article. The claim id is deterministic: same article, same rules, same id.</summary>
[EventType("claim-extracted.v1")]
public sealed record ClaimExtracted(
    string ClaimId,
    string ArticleId,
    string Topic,
    ClaimValue Value,
    string? Speaker,
    string? SpeakerAsWritten,
    string Quote,
    TextSpan Span,
    EventDate? EventDate,
    string RuleId,
    int RuleSetVersion)
{
    [JsonIgnore]
    public ClaimFacts Facts => new(Value, Speaker, SpeakerAsWritten, Quote, Span, EventDate, RuleId);
}

/// <summary>Under a new rule set the same claim reads differently: its value, speaker or span changed.</summary>
/// <param name="Changed">Which of value, speaker, quote, span, eventDate, rule changed.</param>
[EventType("claim-revised.v1")]
public sealed record ClaimRevised(
    string ClaimId,
    string ArticleId,
    string Topic,
    ClaimFacts Before,
    ClaimFacts After,
    IReadOnlyList<string> Changed,
    int RuleSetVersion);

/// <summary>The rules in effect no longer find this claim.</summary>
[EventType("claim-retracted.v1")]
public sealed record ClaimRetracted(
    string ClaimId,
    string ArticleId,
    string Topic,
    string Reason,
    ClaimFacts Last,
    int RuleSetVersion);
