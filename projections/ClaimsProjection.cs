using RaqqaLedger.Domain.Articles;
using RaqqaLedger.Domain.Claims;
using RaqqaLedger.Domain.Events;

namespace RaqqaLedger.Projections;

public enum ClaimChange { Extracted, Revised, Retracted }

/// <summary>
/// One version of a claim: what the ledger held about it from <paramref name="RecordedFrom"/> until
/// the next change to the same claim. A retraction is a version too (a tombstone carrying the last
/// value), so the timeline can show what was withdrawn and when.
/// </summary>
/// <param name="PreviousValue">For a revision, the value before it.</param>
public sealed record ClaimVersion(
    string ClaimId,
    string ArticleId,
    string Topic,
    ClaimChange Change,
    ClaimFacts Facts,
    ClaimValue? PreviousValue,
    int RuleSetVersion,
    long RecordedFrom,
    DateTimeOffset RecordedAt);

/// <summary>What the claims projection needs of an article-ingested event: its id and publication date, not its text.</summary>
public sealed record ArticleDating(string ArticleId, PublicationDate Published);

/// <summary>A change to the claims projection's tables.</summary>
public abstract record ClaimsChange;

/// <summary>The claims projection remembers each article's publication date, so every claim version carries its reported time.</summary>
public sealed record ArticleDated(string ArticleId, DateOnly? Published, DateBasis Basis, long Position) : ClaimsChange;

/// <summary>A new version of a claim opens (its recorded interval starts here).</summary>
public sealed record VersionOpened(ClaimVersion Version) : ClaimsChange;

/// <summary>The open version of a claim ends at this position: a later event revised or retracted it.</summary>
public sealed record VersionClosed(string ClaimId, long Position, DateTimeOffset RecordedAt) : ClaimsChange;

/// <summary>A rule set took effect at this position, and with it the board's status rule.</summary>
public sealed record StatusRuleChanged(long Position, int RuleSetVersion, string RuleSetName, StatusRule Rule, DateTimeOffset RecordedAt) : ClaimsChange;

/// <summary>
/// The claims projection: a pure map from each event to the changes it makes to the bitemporal claim
/// tables. Every version row has a recorded interval [from, to) in log positions and a reported time
/// (its article's publication date), so any view "as of" either axis is a lookup, not a replay.
/// </summary>
public static class ClaimsProjection
{
    public const string Name = "claims";

    /// <summary>
    /// Raise when the tables or the meaning of a change differ: stores at another version rebuild at start.
    /// 2: an index on where versions end, for indexes brought forward commit by commit.
    /// </summary>
    public const int Version = 2;

    public static IReadOnlyList<ClaimsChange> Changes(long position, DateTimeOffset recordedAt, object @event) => @event switch
    {
        ArticleIngested e => [new ArticleDated(e.ArticleId, e.Published.Date, e.Published.Basis, position)],
        ArticleDating e => [new ArticleDated(e.ArticleId, e.Published.Date, e.Published.Basis, position)],
        RuleSetPublished e => [new StatusRuleChanged(position, e.Version, e.Name, e.Status, recordedAt)],
        ClaimExtracted e => [Open(e.ClaimId, e.ArticleId, e.Topic, ClaimChange.Extracted, e.Facts, null, e.RuleSetVersion, position, recordedAt)],
        ClaimRevised e =>
        [
            new VersionClosed(e.ClaimId, position, recordedAt),
            Open(e.ClaimId, e.ArticleId, e.Topic, ClaimChange.Revised, e.After, e.Before.Value, e.RuleSetVersion, position, recordedAt),
        ],
        ClaimRetracted e =>
        [
            new VersionClosed(e.ClaimId, position, recordedAt),
            Open(e.ClaimId, e.ArticleId, e.Topic, ClaimChange.Retracted, e.Last, null, e.RuleSetVersion, position, recordedAt),
        ],
        _ => [],
    };

    private static VersionOpened Open(string claimId, string articleId, string topic, ClaimChange change, ClaimFacts facts,
        ClaimValue? previous, int ruleSetVersion, long position, DateTimeOffset recordedAt) =>
        new(new ClaimVersion(claimId, articleId, topic, change, facts, previous, ruleSetVersion, position, recordedAt));
}

/// <summary>
/// The articles projection: one row per article with its date basis and syndication cluster. The
/// cluster is decided when the article arrives, from the articles before it, so it never changes
/// afterwards and a rebuild assigns the same one.
/// </summary>
public static class ArticlesProjection
{
    public const string Name = "articles";

    /// <summary>2: one-permutation MinHash signatures.</summary>
    public const int Version = 2;

    public static ArticleEntry Entry(ArticleIngested e, long position, DateTimeOffset recordedAt, string cluster) =>
        new(e.ArticleId, e.Source, e.Title, e.Published.Date, e.Published.Basis, e.Published.Evidence,
            e.Dateline?.Place, [.. e.Agencies.Select(a => a.Agency)], e.Outlet, e.Url, cluster, position, recordedAt);
}
