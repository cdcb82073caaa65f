using RaqqaLedger.Domain.Claims;
using RaqqaLedger.Domain.Events;

namespace RaqqaLedger.Extraction;

/// <summary>
/// What re-extraction appends: only the difference between an article's live claims and what the
/// new rules find. Same id, other content → revised; gone → retracted; new id → extracted.
/// </summary>
public static class ClaimDiff
{
    public static IReadOnlyList<object> Compute(ArticleClaims current, IReadOnlyList<ClaimExtracted> next, int ruleSetVersion)
    {
        var events = new List<object>();
        var nextIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var claim in next)
        {
            nextIds.Add(claim.ClaimId);
            if (!current.Live.TryGetValue(claim.ClaimId, out var live))
            {
                events.Add(claim);
                continue;
            }
            var changed = Changes(live.Facts, claim.Facts);
            if (changed.Count > 0)
                events.Add(new ClaimRevised(claim.ClaimId, claim.ArticleId, claim.Topic, live.Facts, claim.Facts, changed, ruleSetVersion));
        }
        foreach (var (id, live) in current.Live)
        {
            if (!nextIds.Contains(id))
                events.Add(new ClaimRetracted(id, live.ArticleId, live.Topic,
                    $"no rule of rule set v{ruleSetVersion} finds it", live.Facts, ruleSetVersion));
        }
        return events;
    }

    /// <summary>What differs in content. The rule that found a claim is provenance, not content.</summary>
    public static List<string> Changes(ClaimFacts before, ClaimFacts after)
    {
        var changed = new List<string>();
        if (before.Value != after.Value) changed.Add("value");
        if (before.Speaker != after.Speaker) changed.Add("speaker");
        if (before.SpeakerAsWritten != after.SpeakerAsWritten) changed.Add("speakerAsWritten");
        if (before.Span != after.Span || before.Quote != after.Quote) changed.Add("span");
        if (before.EventDate != after.EventDate) changed.Add("eventDate");
        return changed;
    }
}
