using RaqqaLedger.Domain.Claims;
using RaqqaLedger.Domain.Events;
using RaqqaLedger.EventStore;

namespace RaqqaLedger.Application.Claims;

/// <summary>An article with its live claims and the version its claim stream is at.</summary>
public sealed record ArticleState(ArticleIngested Article, ArticleClaims Claims, long? ClaimStreamVersion, long Position);

/// <summary>Every article and its live claims, read in one pass over the log.</summary>
public static class LedgerSnapshot
{
    public static async Task<IReadOnlyList<ArticleState>> LoadAsync(IEventStore store, CancellationToken cancellationToken = default)
    {
        var articles = new List<string>();
        var states = new Dictionary<string, ArticleState>(StringComparer.Ordinal);
        await foreach (var e in store.ReadAllForwardAsync(cancellationToken: cancellationToken))
        {
            var @event = EventJson.Deserialize(e.Type, e.Data);
            if (@event is ArticleIngested article)
            {
                articles.Add(article.ArticleId);
                states[article.ArticleId] = new ArticleState(article, ArticleClaims.Empty, null, e.Position);
            }
            else if (@event is ClaimExtracted or ClaimRevised or ClaimRetracted
                && ArticleIdOf(e.StreamId) is { } id && states.TryGetValue(id, out var state))
            {
                states[id] = state with { Claims = state.Claims.Apply(@event), ClaimStreamVersion = e.StreamVersion };
            }
        }
        return [.. articles.Select(id => states[id])];
    }

    private static string? ArticleIdOf(string claimStream) =>
        claimStream.StartsWith("claims-", StringComparison.Ordinal) ? claimStream["claims-".Length..] : null;
}
