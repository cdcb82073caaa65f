using RaqqaLedger.Projections;
using RaqqaLedger.Projections.Views;

namespace RaqqaLedger.Testing.Folds;

/// <summary>A speaker who said one thing on a topic and later a conflicting one.</summary>
public sealed record PositionChange(ClaimRecord Before, ClaimRecord After);

/// <param name="Statements">In reporting order; undated ones last.</param>
public sealed record SpeakerTopic(string Topic, IReadOnlyList<ClaimRecord> Statements, IReadOnlyList<PositionChange> Changes);

public sealed record SpeakerRecord(string Speaker, IReadOnlyList<SpeakerTopic> Topics);

/// <summary>Who said what: each named speaker's claims by topic, and where a speaker changed position over time.</summary>
public static class WhoSaidWhat
{
    /// <param name="claims">Live claim versions; the outlet's own voice (no speaker) is left out.</param>
    public static IReadOnlyList<SpeakerRecord> Build(IEnumerable<ClaimRecord> claims, decimal tolerancePercent) =>
        [.. claims
            .Where(c => c.Speaker is not null && c.Version.Change != ClaimChange.Retracted)
            .GroupBy(c => c.Speaker!, StringComparer.Ordinal)
            .Select(speaker => new SpeakerRecord(speaker.Key, [.. speaker
                .GroupBy(c => c.Topic, StringComparer.Ordinal)
                .OrderBy(t => t.Key, StringComparer.Ordinal)
                .Select(t =>
                {
                    var statements = t.Order(ClaimRecord.ReportingOrder).ToList();
                    return new SpeakerTopic(t.Key, statements, Changes(statements, tolerancePercent));
                })]))
            .OrderByDescending(s => s.Topics.Sum(t => t.Statements.Count))
            .ThenBy(s => s.Speaker, StringComparer.Ordinal)];

    /// <summary>Consecutive dated statements that conflict; undated ones have no place in time and are skipped.</summary>
    private static List<PositionChange> Changes(List<ClaimRecord> statements, decimal tolerancePercent)
    {
        var changes = new List<PositionChange>();
        ClaimRecord? previous = null;
        foreach (var statement in statements.Where(s => s.Published is not null))
        {
            if (previous is not null && !TopicStatus.Agree(previous.Version.Facts.Value, statement.Version.Facts.Value, tolerancePercent))
                changes.Add(new PositionChange(previous, statement));
            previous = statement;
        }
        return changes;
    }
}
