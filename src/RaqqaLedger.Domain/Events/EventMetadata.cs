namespace RaqqaLedger.Domain.Events;

/// <summary>Who caused an event and why: stored beside the payload, hashed with it.</summary>
/// <param name="CorrelationId">Ties together every event of one user action (one ingest run, one publish).</param>
/// <param name="CausationId">The event or request that directly caused this one.</param>
/// <param name="Actor">Who acted: "cli:user", "api:key-1", ...</param>
/// <param name="RuleSetVersion">The rule set in effect, for derived events.</param>
public sealed record EventMetadata(string CorrelationId, string? CausationId, string Actor, int? RuleSetVersion = null);
