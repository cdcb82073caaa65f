using RaqqaLedger.Domain.Events;
using RaqqaLedger.Projections;
using RaqqaLedger.Storage;

namespace RaqqaLedger.Application.Articles;

public static class ArticleQueries
{
    /// <summary>Folds the whole log into the article index.</summary>
    public static async Task<ArticleIndex> LoadIndexAsync(IEventStore store, CancellationToken cancellationToken = default)
    {
        var index = ArticleIndex.Empty;
        await foreach (var e in store.ReadAllForwardAsync(cancellationToken: cancellationToken))
        {
            if (EventJson.Deserialize(e.Type, e.Data) is { } @event)
                index = index.Apply(e.Position, @event);
        }
        return index;
    }
}
