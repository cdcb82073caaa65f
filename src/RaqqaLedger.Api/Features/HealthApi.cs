using MediatR;
using RaqqaLedger.Api.Hosting;

namespace RaqqaLedger.Api.Features;

/// <param name="SkippedPositions">Events the views could not read and skipped (a damaged payload; /audit/verify names the damage).</param>
public sealed record Health(string Status, long HeadPosition, string HeadHash, IReadOnlyList<long> SkippedPositions);

public sealed record GetHealth : IRequest<Health>;

public sealed class HealthHandler(LedgerHost ledger) : IRequestHandler<GetHealth, Health>
{
    public async Task<Health> Handle(GetHealth request, CancellationToken cancellationToken)
    {
        var head = await ledger.Store.ReadHeadAsync(cancellationToken);
        return new Health("ok", head.Position, head.HashHex, [.. ledger.Views.Runner.Skipped.Keys.Order()]);
    }
}

public static class HealthApi
{
    public static void MapHealthApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/health", (IMediator mediator, CancellationToken cancellationToken) => mediator.Send(new GetHealth(), cancellationToken))
            .WithTags("Health")
            .WithName("GetHealth")
            .WithSummary("The store answers: its head position and hash")
            .Produces<Health>();
}
