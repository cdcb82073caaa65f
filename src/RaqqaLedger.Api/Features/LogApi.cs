using System.Globalization;
using System.Text.Json.Nodes;
using MediatR;
using RaqqaLedger.Api.Hosting;
using RaqqaLedger.Api.Mediation;
using RaqqaLedger.Application.Views;
using RaqqaLedger.EventStore;

namespace RaqqaLedger.Api.Features;

/// <summary>A page of events and where the next page starts (null at the end); the events are written as stored.</summary>
public sealed record EventPage(string EventsJson, long? Next);

/// <summary>
/// The shape of a page as the OpenAPI document shows it. The API writes pages itself (see
/// <see cref="LogJson"/>) so that payloads reach the client byte for byte, as they were hashed.
/// </summary>
public sealed record EventPageSchema(IReadOnlyList<EventSchema> Events, long? Next);

public sealed record EventSchema(long Position, string StreamId, long StreamVersion, Guid EventId, string Type, string RecordedAt, string Hash, JsonNode Data, JsonNode Metadata);

/// <summary>Paging arguments, read strictly: text in, so a bad one gets our 400, not a binding error.</summary>
public abstract record Paged(string? From, string? Limit) : IValidated
{
    public long FromValue => From is null ? 0 : long.Parse(From, CultureInfo.InvariantCulture);

    public int LimitValue => Paging.Limit(Limit);

    public IEnumerable<string> Validate()
    {
        if (From is not null && (!long.TryParse(From, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
            yield return $"from '{From}' must be a whole number, 0 or more";
        foreach (var problem in Paging.LimitProblems(Limit))
            yield return problem;
    }
}

/// <param name="From">First global position (default 1).</param>
public sealed record GetEvents(string? From, string? Limit) : Paged(From, Limit), IRequest<EventPage>;

/// <param name="From">First stream version (default 0).</param>
public sealed record GetStream(string Id, string? From, string? Limit) : Paged(From, Limit), IRequest<EventPage>;

public sealed record VerifyLog : IRequest<VerifyResult>;

public sealed class LogHandlers(LedgerHost ledger) :
    IRequestHandler<GetEvents, EventPage>, IRequestHandler<GetStream, EventPage>, IRequestHandler<VerifyLog, VerifyResult>
{
    public async Task<EventPage> Handle(GetEvents request, CancellationToken cancellationToken)
    {
        var page = await ledger.Store.ReadAllAsync(Math.Max(1, request.FromValue), request.LimitValue + 1, cancellationToken);
        return Page(page, request.LimitValue, e => e.Position);
    }

    public async Task<EventPage> Handle(GetStream request, CancellationToken cancellationToken)
    {
        if (await ledger.Store.GetStreamVersionAsync(request.Id, cancellationToken) is null)
            throw new NotFoundException($"no stream '{request.Id}'");
        var page = new List<RecordedEvent>();
        await foreach (var e in ledger.Store.ReadStreamAsync(request.Id, request.FromValue, cancellationToken))
        {
            page.Add(e);
            if (page.Count > request.LimitValue)
                break;
        }
        return Page(page, request.LimitValue, e => e.StreamVersion);
    }

    public Task<VerifyResult> Handle(VerifyLog request, CancellationToken cancellationToken) => ledger.Verifier.VerifyAsync(cancellationToken);

    /// <summary>One more than the limit is read, to know whether a next page exists.</summary>
    private static EventPage Page(IReadOnlyList<RecordedEvent> read, int limit, Func<RecordedEvent, long> key) =>
        new(LogJson.Array(read.Take(limit)), read.Count > limit ? key(read[limit]) : null);
}

public static class LogApi
{
    public static void MapLogApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/events", async (string? from, string? limit, IMediator mediator, CancellationToken cancellationToken) =>
                PageResult(await mediator.Send(new GetEvents(from, limit), cancellationToken)))
            .WithTags("Log")
            .WithName("GetEvents")
            .WithSummary($"The raw log from a position (default 1), up to limit events (default {Paging.DefaultLimit}, at most {Paging.MaxLimit}); 'next' is where the next page starts")
            .Produces<EventPageSchema>()
            .ProducesProblem(StatusCodes.Status400BadRequest);

        app.MapGet("/streams/{id}", async (string id, string? from, string? limit, IMediator mediator, CancellationToken cancellationToken) =>
                PageResult(await mediator.Send(new GetStream(id, from, limit), cancellationToken)))
            .WithTags("Log")
            .WithName("GetStream")
            .WithSummary("One stream's events from a version (default 0), paged like /events")
            .Produces<EventPageSchema>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        app.MapGet("/audit/verify", (IMediator mediator, CancellationToken cancellationToken) => mediator.Send(new VerifyLog(), cancellationToken))
            .WithTags("Log")
            .WithName("VerifyLog")
            .WithSummary("Check the hash chain: the head position and hash, or the first bad position (ok=false). Incremental: only what was appended since the last whole check is walked; the CLI's verify walks it all")
            .RequireRateLimiting(Writes.ExpensivePolicy)
            .Produces<VerifyResult>()
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
    }

    private static IResult PageResult(EventPage page) =>
        Results.Text($$"""{"events":{{page.EventsJson}},"next":{{(page.Next is { } n ? n.ToString(CultureInfo.InvariantCulture) : "null")}}}""", "application/json");
}
