using System.Text.Json.Nodes;
using MediatR;
using RaqqaLedger.Api.Hosting;
using RaqqaLedger.Api.Mediation;
using RaqqaLedger.Application.Views;
using RaqqaLedger.Domain.Claims;
using RaqqaLedger.Projections.Views;

namespace RaqqaLedger.Api.Features;

/// <param name="Speaker">Only this speaker's claims; each topic keeps the status all its claims give it.</param>
public sealed record GetBoard(string? AsOf, string? RecordedAsOf, string? Topic, string? Speaker) : IRequest<BoardDocument>;

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
        await ledger.Views.CheckTopicAsync(request.Topic, cancellationToken);
        var board = await ledger.Views.BoardAsync(asOf, recorded, request.Topic, cancellationToken);
        if (request.Speaker is { } speaker)
        {
            bool BySpeaker(ClaimRecord c) => string.Equals(c.Speaker, speaker, StringComparison.OrdinalIgnoreCase);
            board = board with
            {
                Topics = [.. board.Topics.Select(t => t with { Claims = [.. t.Claims.Where(BySpeaker)] }).Where(t => t.Claims.Count > 0)],
                Undated = [.. board.Undated.Where(BySpeaker)],
            };
        }
        return ViewJson.Board(board, asOf, recorded);
    }

    public async Task<ClaimHistoryDocument> Handle(GetClaimHistory request, CancellationToken cancellationToken)
    {
        var versions = await ledger.Views.ClaimHistoryAsync(request.Id, cancellationToken);
        if (versions.Count == 0)
            throw new NotFoundException($"no claim with id '{request.Id}'");
        var events = new List<Storage.RecordedEvent>();
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
        group.MapGet("", (string? asOf, string? recordedAsOf, string? topic, string? speaker, IMediator mediator, CancellationToken cancellationToken) =>
                mediator.Send(new GetBoard(asOf, recordedAsOf, topic, speaker), cancellationToken))
            .WithName("GetBoard")
            .WithSummary("The claim board: per topic, the live claims and a status (confirmed, disputed, single-source)")
            .WithDescription("asOf=yyyy-MM-dd: only what was published by the end of that day (claims of unknown date are listed apart in 'undated'). " +
                "recordedAsOf=POSITION or an ISO 8601 time: the board as the ledger held it then. Values use the gold file's forms.")
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
