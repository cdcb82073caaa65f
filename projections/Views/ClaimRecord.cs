using RaqqaLedger.Domain.Articles;

namespace RaqqaLedger.Projections.Views;

/// <summary>A claim version as the views read it: the version, when the ledger held it, and the article it came from.</summary>
/// <param name="RecordedTo">The position that ended this version; null while it is current.</param>
/// <param name="Published">The article's publication date (reported time); null when unknown.</param>
/// <param name="ArticlePosition">Where the article stands in the log: the order of arrival.</param>
/// <param name="Cluster">The article's syndication cluster.</param>
public sealed record ClaimRecord(
    ClaimVersion Version,
    long? RecordedTo,
    DateOnly? Published,
    DateBasis DateBasis,
    long ArticlePosition,
    string Source,
    string? Outlet,
    string Cluster)
{
    public string ClaimId => Version.ClaimId;
    public string Topic => Version.Topic;
    public string? Speaker => Version.Facts.Speaker;

    /// <summary>The order of reporting: publication date, then arrival in the log, then place in the article.</summary>
    public static IComparer<ClaimRecord> ReportingOrder { get; } = Comparer<ClaimRecord>.Create((a, b) =>
    {
        var byDay = Nullable.Compare(a.Published, b.Published);
        if (byDay != 0)
            return a.Published is null ? 1 : b.Published is null ? -1 : byDay;
        var byArticle = a.ArticlePosition.CompareTo(b.ArticlePosition);
        return byArticle != 0 ? byArticle : a.Version.Facts.Span.Start.CompareTo(b.Version.Facts.Span.Start);
    });
}
