using System.Collections.Immutable;
using RaqqaLedger.Domain.Events;

namespace RaqqaLedger.Domain.Claims;

/// <summary>A live claim: its topic and what it currently says.</summary>
public sealed record LiveClaim(string ClaimId, string ArticleId, string Topic, ClaimFacts Facts);

/// <summary>
/// The claims an article's claim stream currently holds: a fold over extracted, revised and retracted
/// events. Re-extraction compares the next extraction against this.
/// </summary>
public sealed record ArticleClaims(ImmutableSortedDictionary<string, LiveClaim> Live)
{
    public static ArticleClaims Empty { get; } = new(ImmutableSortedDictionary.Create<string, LiveClaim>(StringComparer.Ordinal));

    public static string StreamOf(string articleId) => $"claims-{articleId}";

    public ArticleClaims Apply(object @event) => @event switch
    {
        ClaimExtracted e => new(Live.SetItem(e.ClaimId, new LiveClaim(e.ClaimId, e.ArticleId, e.Topic, e.Facts))),
        ClaimRevised e => new(Live.SetItem(e.ClaimId, new LiveClaim(e.ClaimId, e.ArticleId, e.Topic, e.After))),
        ClaimRetracted e => new(Live.Remove(e.ClaimId)),
        _ => this,
    };
}
