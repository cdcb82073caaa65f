using RaqqaLedger.Application.Views;
using RaqqaLedger.Projections.Views;
using RaqqaLedger.Views;
using RaqqaLedger.Testing.Folds;

namespace RaqqaLedger.Application.Tests;

/// <summary>
/// The board, the timeline and who said what as the whole-list folds give them, from every claim held at a
/// position: the reference the paged views (and everything built on them) are checked against.
/// </summary>
internal sealed class Folds(ViewDatabase views)
{
    private readonly ViewQueries queries = new(views);

    public async Task<Board> BoardAsync(DateOnly? asOf, long? recordedAsOf, string? topic)
    {
        var claims = await queries.ClaimsAsync(new ClaimQuery(recordedAsOf, asOf, topic));
        return ClaimBoard.Build(claims, await queries.StatusRuleAsync(recordedAsOf), asOf);
    }

    public async Task<IReadOnlyList<TopicTimeline>> TimelineAsync(string? topic, DateOnly from, DateOnly to, long? recordedAsOf = null)
    {
        LedgerViews.CheckRange(from, to);
        var claims = await queries.ClaimsAsync(new ClaimQuery(recordedAsOf, to, topic, WithRetractions: true));
        return ReportingTimelineFold.Build(claims, from, to, (await queries.StatusRuleAsync(recordedAsOf)).NumbersAgreeWithinPercent);
    }

    public async Task<IReadOnlyList<SpeakerRecord>> SpeakersAsync(long? recordedAsOf = null)
    {
        var claims = await queries.ClaimsAsync(new ClaimQuery(recordedAsOf));
        return WhoSaidWhat.Build(claims, (await queries.StatusRuleAsync(recordedAsOf)).NumbersAgreeWithinPercent);
    }
}
