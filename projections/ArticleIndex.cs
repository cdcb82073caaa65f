using System.Collections.Immutable;
using RaqqaLedger.Domain.Articles;
using RaqqaLedger.Domain.Events;

namespace RaqqaLedger.Projections;

/// <summary>One row of the article index.</summary>
/// <param name="Position">The log position of the article-ingested event.</param>
public sealed record ArticleEntry(
    string Id,
    string Source,
    string? Title,
    DateOnly? Published,
    DateBasis DateBasis,
    string? DateEvidence,
    string? Dateline,
    IReadOnlyList<string> Agencies,
    string? Outlet,
    long Position);

/// <summary>
/// Every article in the ledger, in the order it arrived. A pure fold: (index, event) → index, so a
/// rebuild from position 1 gives exactly what incremental updates gave.
/// </summary>
public sealed record ArticleIndex(ImmutableDictionary<string, ArticleEntry> ById, ImmutableList<string> Order)
{
    public static ArticleIndex Empty { get; } = new(ImmutableDictionary<string, ArticleEntry>.Empty.WithComparers(StringComparer.Ordinal), []);

    public IEnumerable<ArticleEntry> Articles => Order.Select(id => ById[id]);

    public ArticleIndex Apply(long position, object @event) => @event switch
    {
        ArticleIngested e when !ById.ContainsKey(e.ArticleId) => this with
        {
            ById = ById.Add(e.ArticleId, new ArticleEntry(
                e.ArticleId, e.Source, e.Title, e.Published.Date, e.Published.Basis, e.Published.Evidence,
                e.Dateline?.Place, [.. e.Agencies.Select(a => a.Agency)], e.Outlet, position)),
            Order = Order.Add(e.ArticleId),
        },
        _ => this,
    };
}
