using System.Text.Json.Nodes;
using MediatR;
using RaqqaLedger.Api.Hosting;
using RaqqaLedger.Api.Mediation;
using RaqqaLedger.Application.Views;
using RaqqaLedger.Domain.Claims;
using RaqqaLedger.Projections.Views;

namespace RaqqaLedger.Api.Features;

/// <param name="Speaker">Only this speaker's claims; each topic keeps the status all its claims give it.</param>
/// <param name="Limit">Claims per listing (each topic, and the undated claims): 1 to 1000, default 100.</param>
/// <param name="After">A 'next' cursor from an earlier page: continues that listing, read at the same log position.</param>
public sealed record GetBoard(string? AsOf, string? RecordedAsOf, string? Topic, string? Speaker, string? Limit = null, string? After = null) : IRequest<BoardDocument>, IValidated
{
    public IEnumerable<string> Validate() => Paging.LimitProblems(Limit);
}

/// <param name="Events">The log events that made the versions, as stored.</param>
public sealed record ClaimHistoryDocument(string ClaimId, IReadOnlyList<ClaimDocument> Versions, JsonNode? Events);

public sealed record GetClaimHistory(string Id) : IRequest<ClaimHistoryDocument>, IValidated
{
    public IEnumerable<string> Validate()
    {
        if (Id.Length is 0 or > 200)
            yield return "a claim id is 1 to 200 characters";
    }
}

public sealed class ClaimHandlers(LedgerHost ledger) : IRequestHandler<GetBoard, BoardDocument>, IRequestHandler<GetClaimHistory, ClaimHistoryDocument>
{
    public async Task<BoardDocument> Handle(GetBoard request, CancellationToken cancellationToken)
    {
        var asOf = request.AsOf is { } d ? ViewArguments.Day(d, "asOf") : (DateOnly?)null;
        var recorded = request.RecordedAsOf is { } r ? await ViewArguments.RecordedPositionAsync(ledger.Store, r, cancellationToken) : (long?)null;
        var after = await Paging.CursorAsync(ledger.Store, request.After, recorded, request.Topic, cancellationToken);
        await ledger.Views.CheckTopicAsync(request.Topic, cancellationToken);
        return await ledger.Views.Paged.BoardAsync(asOf, recorded, request.Topic, request.Speaker, after, Paging.Limit(request.Limit), cancellationToken);
    }

    public async Task<ClaimHistoryDocument> Handle(GetClaimHistory request, CancellationToken cancellationToken)
    {
        var versions = await ledger.Views.ClaimHistoryAsync(request.Id, cancellationToken);
        if (versions.Count == 0)
            throw new NotFoundException($"no claim with id '{request.Id}'");
        var events = new List<RaqqaLedger.EventStore.RecordedEvent>();
        await foreach (var e in ledger.Store.ReadStreamAsync(ArticleClaims.StreamOf(versions[0].Version.ArticleId), 0, cancellationToken))
        {
            if (versions.Any(v => v.Version.RecordedFrom == e.Position))
                events.Add(e);
        }
        return new ClaimHistoryDocument(request.Id, [.. versions.Select(ViewJson.Claim)], JsonNode.Parse(LogJson.Array(events)));
    }
}

public static class ClaimsApi
{
    public static void MapClaimsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/claims").WithTags("Claims");
        group.MapGet("", (string? asOf, string? recordedAsOf, string? topic, string? speaker, string? limit, string? after, IMediator mediator, CancellationToken cancellationToken) =>
                mediator.Send(new GetBoard(asOf, recordedAsOf, topic, speaker, limit, after), cancellationToken))
            .WithName("GetBoard")
            .WithSummary("The claim board: per topic, the live claims and a status (confirmed, disputed, single-source)")
            .WithDescription("asOf=yyyy-MM-dd: only what was published by the end of that day (claims of unknown date are listed apart in 'undated'). " +
                "recordedAsOf=POSITION or an ISO 8601 time: the board as the ledger held it then. Values use the gold file's forms. " +
                "Each topic's claims, and the undated ones, come a page at a time (limit, default 100): 'count' says how many there are, " +
                "'next' is a cursor to pass as 'after' for the next page, which is read at the same log position as the first.")
            .Produces<BoardDocument>()
            .ProducesProblem(StatusCodes.Status400BadRequest);

        group.MapGet("/{id}/history", (string id, IMediator mediator, CancellationToken cancellationToken) => mediator.Send(new GetClaimHistory(id), cancellationToken))
            .WithName("GetClaimHistory")
            .WithSummary("Every version of one claim and the events that made them: extracted, revised, retracted")
            .Produces<ClaimHistoryDocument>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
