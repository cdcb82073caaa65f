using RaqqaLedger.Projections;
using RaqqaLedger.Domain.Claims;

using RaqqaLedger.Projections.Views;

namespace RaqqaLedger.Testing.Folds;

/// <summary>One topic of the board: its live claims in reporting order, and its status.</summary>
public sealed record BoardTopic(string Topic, ClaimStatus Status, IReadOnlyList<ClaimRecord> Claims);

/// <summary>
/// The claim board. With a reported-time cut-off, claims from articles of unknown date cannot be placed
/// before or after it: they are listed apart, in <paramref name="Undated"/>, and weigh in no status.
/// </summary>
public sealed record Board(IReadOnlyList<BoardTopic> Topics, IReadOnlyList<ClaimRecord> Undated, StatusRule Rule);

public static class ClaimBoard
{
    /// <param name="claims">Claim versions the ledger held at the recorded time asked for.</param>
    /// <param name="asOf">Reported-time cut-off: only what was published by the end of this day.</param>
    public static Board Build(IEnumerable<ClaimRecord> claims, StatusRule rule, DateOnly? asOf)
    {
        var live = claims.Where(c => c.Version.Change != ClaimChange.Retracted).ToList();
        var undated = asOf is null ? [] : live.Where(c => c.Published is null).Order(ClaimRecord.ReportingOrder).ToList();
        var topics = live
            .Where(c => asOf is null || c.Published <= asOf)
            .GroupBy(c => c.Topic, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var ordered = g.Order(ClaimRecord.ReportingOrder).ToList();
                var sourced = ordered.Select(c => new SourcedClaim(c.ClaimId, c.Version.ArticleId, c.Cluster, c.Speaker, c.Version.Facts.Value)).ToList();
                return new BoardTopic(g.Key, TopicStatus.Of(sourced, rule.ConfirmedMinSources, rule.NumbersAgreeWithinPercent), ordered);
            })
            .ToList();
        return new Board(topics, undated, rule);
    }
}
