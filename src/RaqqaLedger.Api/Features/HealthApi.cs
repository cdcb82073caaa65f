using MediatR;
using RaqqaLedger.Api.Hosting;

namespace RaqqaLedger.Api.Features;

public sealed record Health(string Status, long HeadPosition, string HeadHash);

public sealed record GetHealth : IRequest<Health>;

public sealed class HealthHandler(LedgerHost ledger) : IRequestHandler<GetHealth, Health>
{
    public async Task<Health> Handle(GetHealth request, CancellationToken cancellationToken)
    {
        var head = await ledger.Store.ReadHeadAsync(cancellationToken);
        return new Health("ok", head.Position, head.HashHex);
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
