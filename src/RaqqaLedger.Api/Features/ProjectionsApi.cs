using MediatR;
using RaqqaLedger.Api.Hosting;
using RaqqaLedger.Application.Views;
using RaqqaLedger.Views;

namespace RaqqaLedger.Api.Features;

public sealed record RebuildProjection(string Name) : IRequest<ReplayResult>;

public sealed record ListProjections : IRequest<IReadOnlyList<ProjectionInfo>>;

public sealed class ProjectionHandlers(LedgerHost ledger) :
    IRequestHandler<RebuildProjection, ReplayResult>, IRequestHandler<ListProjections, IReadOnlyList<ProjectionInfo>>
{
    public async Task<ReplayResult> Handle(RebuildProjection request, CancellationToken cancellationToken)
    {
        if (ledger.Views.Runner.Projections.All(p => p.Name != request.Name))
            throw new NotFoundException($"no projection '{request.Name}'; there are: {string.Join(", ", ledger.Views.Runner.Projections.Select(p => p.Name))}");
        return (await ledger.Views.Runner.ReplayAsync(request.Name, cancellationToken)).Single();
    }

    public Task<IReadOnlyList<ProjectionInfo>> Handle(ListProjections request, CancellationToken cancellationToken) =>
        ledger.Views.Runner.DescribeAsync(cancellationToken);
}

public static class ProjectionsApi
{
    public static void MapProjectionsApi(this IEndpointRouteBuilder app)
    {
        Writes.Guard(app.MapPost("/projections/{name}/rebuild", (string name, IMediator mediator, CancellationToken cancellationToken) =>
                mediator.Send(new RebuildProjection(name), cancellationToken))
            .WithTags("Projections")
            .WithName("RebuildProjection")
            .WithSummary("Rebuild one projection from position 1 into fresh tables, swapped in when complete")
            .Produces<ReplayResult>()
            .ProducesProblem(StatusCodes.Status404NotFound));

        app.MapGet("/projections", (IMediator mediator, CancellationToken cancellationToken) => mediator.Send(new ListProjections(), cancellationToken))
            .WithTags("Projections")
            .WithName("ListProjections")
            .WithSummary("Each projection's version, checkpoint, lag behind the log and state")
            .Produces<IReadOnlyList<ProjectionInfo>>();

        app.MapGet("/projections/indexes", (LedgerHost ledger) => ledger.Views.Paged.Memory)
            .WithTags("Projections")
            .WithName("KeptIndexes")
            .WithSummary("What the kept board and timeline indexes hold: the head's topics and reports, those of earlier positions, an approximate size, and how many commits were applied to them instead of reading topics again")
            .Produces<KeptIndexMemory>();
    }
}
