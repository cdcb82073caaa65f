using System.Security.Cryptography;
using System.Text;
using RaqqaLedger.Domain.Events;
using RaqqaLedger.EventStore;

namespace RaqqaLedger.Application;

/// <summary>Turns domain events into log entries with ids derived from their content.</summary>
public static class LedgerEvents
{
    /// <param name="idSeed">What makes this event unique among events of its type (an article id, a claim id and version …).</param>
    public static NewEvent ToNewEvent(object @event, EventMetadata metadata, string idSeed)
    {
        var type = EventJson.TypeNameOf(@event.GetType());
        return new NewEvent(DeterministicId($"{type}:{idSeed}"), type, EventJson.Serialize(@event), EventJson.SerializeMetadata(metadata));
    }

    /// <summary>Re-running the same step proposes the same event ids, as EventStoreDB's idempotent appends expect.</summary>
    private static Guid DeterministicId(string seed) => new(SHA256.HashData(Encoding.UTF8.GetBytes(seed)).AsSpan(0, 16));

    /// <summary>The id seed of a claim event: a claim changes at most once per rule-set version.</summary>
    public static string SeedOf(object claimEvent) => claimEvent switch
    {
        ClaimExtracted e => $"{e.ClaimId}:v{e.RuleSetVersion}",
        ClaimRevised e => $"{e.ClaimId}:v{e.RuleSetVersion}",
        ClaimRetracted e => $"{e.ClaimId}:v{e.RuleSetVersion}",
        _ => throw new ArgumentException($"not a claim event: {claimEvent.GetType().Name}", nameof(claimEvent)),
    };
}
