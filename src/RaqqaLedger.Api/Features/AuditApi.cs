using MediatR;
using RaqqaLedger.Api.Hosting;
using RaqqaLedger.EventStore;

namespace RaqqaLedger.Api.Features;

/// <summary>
/// The head as a digest to publish and keep. <paramref name="Digest"/> is the text form, POSITION:HASH, that
/// `raqqa-ledger verify --digest` takes later to check that the log up to it is unchanged and has only grown.
/// </summary>
/// <param name="RecordedAt">When the event at the position was committed (UTC, microseconds); null for the empty log.</param>
public sealed record HeadDigest(string Digest, long Position, string Hash, string? RecordedAt);

public sealed record GetDigest : IRequest<HeadDigest>;

public sealed class AuditHandlers(LedgerHost ledger) : IRequestHandler<GetDigest, HeadDigest>
{
    public async Task<HeadDigest> Handle(GetDigest request, CancellationToken cancellationToken)
    {
        var digest = await LogDigest.OfHeadAsync(ledger.Store, cancellationToken);
        return new HeadDigest(digest.ToString(), digest.Position, digest.Hash, digest.RecordedAt is { } at ? HashChain.FormatTime(at) : null);
    }
}

public static class AuditApi
{
    public static void MapAuditApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/audit/digest", (IMediator mediator, CancellationToken cancellationToken) => mediator.Send(new GetDigest(), cancellationToken))
            .WithTags("Audit")
            .WithName("GetDigest")
            .WithSummary("The head as a digest to keep (POSITION:HASH, with its commit time); `verify --digest` later checks the log up to it is unchanged and only grew")
            .Produces<HeadDigest>();
}
