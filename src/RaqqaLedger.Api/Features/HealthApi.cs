using MediatR;
using RaqqaLedger.Api.Hosting;

namespace RaqqaLedger.Api.Features;

/// <param name="Views">"current", or "behind" when they could not follow the log the last time they tried (they keep trying).</param>
/// <param name="SkippedPositions">Events the views could not read and skipped (a damaged payload; /audit/verify names the damage).</param>
public sealed record Health(string Status, long HeadPosition, string HeadHash, string Views, IReadOnlyList<long> SkippedPositions);

public sealed record GetHealth : IRequest<Health>;

public sealed class HealthHandler(LedgerHost ledger) : IRequestHandler<GetHealth, Health>
{
    public async Task<Health> Handle(GetHealth request, CancellationToken cancellationToken)
    {
        // A store that cannot answer is an outage: Problems answers 503, its detail naming the store.
        var head = await ledger.Store.ReadHeadAsync(cancellationToken);
        return new Health("ok", head.Position, head.HashHex, ledger.ViewsBehind ? "behind" : "current", [.. ledger.Views.Runner.Skipped.Keys.Order()]);
    }
}

public static class HealthApi
{
    public static void MapHealthApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/health", (IMediator mediator, CancellationToken cancellationToken) => mediator.Send(new GetHealth(), cancellationToken))
            .WithTags("Health")
            .WithName("GetHealth")
            .WithSummary("The store answers: its head position and hash, whether the views are current, and events they skipped; 503 naming what is down")
            .Produces<Health>()
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
}
