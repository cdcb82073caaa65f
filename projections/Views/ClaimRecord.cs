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

    /// <summary>Where the claim stands in the order of reporting.</summary>
    public ReportKey Key => new(Published, ArticlePosition, Version.Facts.Span.Start, ClaimId);

    /// <summary>The order of reporting (see <see cref="ReportKey"/>).</summary>
    public static IComparer<ClaimRecord> ReportingOrder { get; } = Comparer<ClaimRecord>.Create((a, b) => a.Key.CompareTo(b.Key));
}

/// <summary>
/// A report's place in the order of reporting: publication date (unknown dates last), then arrival in
/// the log, then place in the article; the claim id breaks ties, so pages of a listing are stable.
/// </summary>
public readonly record struct ReportKey(DateOnly? Published, long ArticlePosition, int SpanStart, string ClaimId) : IComparable<ReportKey>
{
    public int CompareTo(ReportKey other)
    {
        if (Published != other.Published)
            return Published is null ? 1 : other.Published is null ? -1 : Published.Value.CompareTo(other.Published.Value);
        var byArticle = ArticlePosition.CompareTo(other.ArticlePosition);
        if (byArticle != 0)
            return byArticle;
        var bySpan = SpanStart.CompareTo(other.SpanStart);
        return bySpan != 0 ? bySpan : string.CompareOrdinal(ClaimId, other.ClaimId);
    }
}
