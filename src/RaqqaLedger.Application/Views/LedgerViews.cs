using RaqqaLedger.Application.Claims;
using RaqqaLedger.Projections;
using RaqqaLedger.Projections.Views;
using RaqqaLedger.EventStore;
using RaqqaLedger.Views;

namespace RaqqaLedger.Application.Views;

/// <summary>A query the views cannot answer as asked: an unknown topic, a date that does not exist, a position past the head.</summary>
public sealed class InvalidQueryException(string message) : Exception(message);

/// <summary>
/// The views users ask for — board, timeline, who said what, articles — read from the projection
/// tables after bringing them up to the log's head.
/// </summary>
public sealed class LedgerViews
{
    private readonly IEventStore store;
    private readonly ViewQueries queries;

    public LedgerViews(IEventStore store, ViewDatabase views)
    {
        this.store = store;
        queries = new ViewQueries(views);
        Runner = new ProjectionRunner(store, views);
        Paged = new PagedViews(views, queries);
    }

    public ProjectionRunner Runner { get; }

    /// <summary>The board and the timeline a page at a time, for long stories (the API's answers).</summary>
    public PagedViews Paged { get; }

    /// <summary>Opens the views of a store and brings them to the head.</summary>
    public static async Task<LedgerViews> OpenAsync(LedgerStorage storage, CancellationToken cancellationToken = default)
    {
        var views = new LedgerViews(storage.Store, storage.Views);
        await views.Runner.CatchUpAsync(cancellationToken);
        return views;
    }

    /// <summary>Refuses a topic that neither the rules in effect define nor any claim in the ledger ever had.</summary>
    public async Task CheckTopicAsync(string? topic, CancellationToken cancellationToken = default)
    {
        if (topic is null || await queries.TopicSeenAsync(topic, cancellationToken))
            return;
        var rules = await RuleSets.LoadCurrentAsync(store, cancellationToken);
        if (rules is not null && rules.Rules.TopicsById.ContainsKey(topic))
            return;
        throw new InvalidQueryException($"unknown topic '{topic}'" +
            (rules is null ? "" : $"; the rule set in effect has: {string.Join(", ", rules.Rules.TopicsById.Keys)}"));
    }

    public static void CheckRange(DateOnly from, DateOnly to)
    {
        if (from > to)
            throw new InvalidQueryException($"the range starts ({from:yyyy-MM-dd}) after it ends ({to:yyyy-MM-dd})");
    }

    public Task<IReadOnlyList<ClaimRecord>> ClaimsAsync(ClaimQuery query, CancellationToken cancellationToken = default) =>
        queries.ClaimsAsync(query, cancellationToken);

    public Task<IReadOnlyList<ArticleEntry>> ArticlesAsync(long? recordedAsOf = null, CancellationToken cancellationToken = default) =>
        queries.ArticlesAsync(recordedAsOf, cancellationToken);

    public Task<IReadOnlyList<ClaimRecord>> ClaimHistoryAsync(string claimId, CancellationToken cancellationToken = default) =>
        queries.ClaimHistoryAsync(claimId, cancellationToken);
}
