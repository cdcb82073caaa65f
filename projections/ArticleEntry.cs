using RaqqaLedger.Domain.Articles;

namespace RaqqaLedger.Projections;

/// <summary>One row of the articles view.</summary>
/// <param name="Cluster">Its syndication cluster: the id of the first article of the same story.</param>
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
    string? Url,
    string Cluster,
    long Position,
    DateTimeOffset RecordedAt);
