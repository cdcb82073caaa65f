using MediatR;
using RaqqaLedger.Api.Hosting;
using RaqqaLedger.Api.Mediation;
using RaqqaLedger.Application.Views;
using RaqqaLedger.Projections.Views;

namespace RaqqaLedger.Api.Features;

/// <param name="Limit">Entries per topic: 1 to 1000, default 100.</param>
/// <param name="After">A topic's 'next' cursor from an earlier page: continues that topic, read at the same log position.</param>
public sealed record GetTimeline(string? Topic, string? From, string? To, string? RecordedAsOf, string? Limit = null, string? After = null)
    : IRequest<IReadOnlyList<TopicTimelineDocument>>, IValidated
{
    public IEnumerable<string> Validate() => Paging.LimitProblems(Limit);
}

/// <param name="Speaker">Only this speaker (any case).</param>
/// <param name="Limit">Statements per speaker and topic: 1 to 1000, default 100.</param>
/// <param name="After">A listing's 'next' cursor from an earlier page: continues that speaker's statements on that topic, read at the same log position.</param>
public sealed record GetSpeakers(string? RecordedAsOf = null, string? Speaker = null, string? Topic = null, string? Limit = null, string? After = null)
    : IRequest<IReadOnlyList<SpeakerDocument>>, IValidated
{
    public IEnumerable<string> Validate() => Paging.LimitProblems(Limit);
}

public sealed record StoryReportText(string Content, string MediaType);

public sealed record GetReport(string? From, string? To, string? Format) : IRequest<StoryReportText>;

public sealed class StoryHandlers(LedgerHost ledger) :
    IRequestHandler<GetTimeline, IReadOnlyList<TopicTimelineDocument>>, IRequestHandler<GetSpeakers, IReadOnlyList<SpeakerDocument>>, IRequestHandler<GetReport, StoryReportText>
{
    public async Task<IReadOnlyList<TopicTimelineDocument>> Handle(GetTimeline request, CancellationToken cancellationToken)
    {
        var (from, to) = Range(request.From, request.To);
        var recorded = request.RecordedAsOf is { } r ? await ViewArguments.RecordedPositionAsync(ledger.Store, r, cancellationToken) : (long?)null;
        var after = await Paging.CursorAsync(ledger.Store, request.After, recorded, request.Topic, cancellationToken);
        if (after?.List == ViewCursor.Undated)
            throw new InvalidQueryException("this cursor continues the board's undated claims, not a timeline");
        await ledger.Views.CheckTopicAsync(request.Topic, cancellationToken);
        return await ledger.Views.Paged.TimelineAsync(request.Topic, from, to, recorded, after, Paging.Limit(request.Limit), cancellationToken);
    }

    public async Task<IReadOnlyList<SpeakerDocument>> Handle(GetSpeakers request, CancellationToken cancellationToken)
    {
        var recorded = request.RecordedAsOf is { } r ? await ViewArguments.RecordedPositionAsync(ledger.Store, r, cancellationToken) : (long?)null;
        var after = await Paging.CursorAsync(ledger.Store, request.After, recorded, request.Topic, cancellationToken, ofSpeakers: true);
        if (after?.Speaker is { } continued && request.Speaker is { } speaker && !string.Equals(speaker, continued.Speaker, StringComparison.OrdinalIgnoreCase))
            throw new InvalidQueryException($"this cursor continues what {continued.Speaker} said, not {speaker}");
        await ledger.Views.CheckTopicAsync(request.Topic, cancellationToken);
        return await ledger.Views.Paged.SpeakersAsync(recorded, request.Speaker, request.Topic, after, Paging.Limit(request.Limit), cancellationToken);
    }

    public async Task<StoryReportText> Handle(GetReport request, CancellationToken cancellationToken)
    {
        var (from, to) = Range(request.From, request.To);
        var format = (request.Format ?? "md").ToLowerInvariant() switch
        {
            "md" => ReportFormat.Md,
            "csv" => ReportFormat.Csv,
            var other => throw new InvalidQueryException($"format '{other}' is not one of md, csv"),
        };
        var content = await StoryReport.BuildAsync(ledger.Views, from, to, format, cancellationToken);
        return new StoryReportText(content, format == ReportFormat.Md ? "text/markdown; charset=utf-8" : "text/csv; charset=utf-8");
    }

    private static (DateOnly From, DateOnly To) Range(string? from, string? to) =>
        (from is null ? ReportingTimeline.StoryStart : ViewArguments.Day(from, "from"), to is null ? ReportingTimeline.StoryEnd : ViewArguments.Day(to, "to"));
}

public static class StoryApi
{
    public static void MapStoryApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/timeline", (string? topic, string? from, string? to, string? recordedAsOf, string? limit, string? after, IMediator mediator, CancellationToken cancellationToken) =>
                mediator.Send(new GetTimeline(topic, from, to, recordedAsOf, limit, after), cancellationToken))
            .WithTags("Story")
            .WithName("GetTimeline")
            .WithSummary("The reporting timeline: per topic and publication day (default 2017-10-14 to 2017-11-14), what was reported, by whom, where, with each shift marked")
            .WithDescription("Each topic's entries come a page at a time (limit, default 100; days first, then reports of unknown date): 'count' says how many there are, " +
                "'next' is a cursor to pass as 'after' (with the same topic, from and to) for the next page, which is read at the same log position as the first. " +
                "Shifts are judged against every earlier report, also those on earlier pages or before the range.")
            .Produces<IReadOnlyList<TopicTimelineDocument>>()
            .ProducesProblem(StatusCodes.Status400BadRequest);

        app.MapGet("/speakers", (string? recordedAsOf, string? speaker, string? topic, string? limit, string? after, IMediator mediator, CancellationToken cancellationToken) =>
                mediator.Send(new GetSpeakers(recordedAsOf, speaker, topic, limit, after), cancellationToken))
            .WithTags("Story")
            .WithName("GetSpeakers")
            .WithSummary("Who said what: each speaker's claims by topic with dates, and changes of position")
            .WithDescription("Each speaker's statements on each topic come a page at a time (limit, default 100), with the changes of position that end on the page: " +
                "'count' says how many statements there are, 'next' is a cursor to pass as 'after' for the next page, read at the same log position as the first.")
            .Produces<IReadOnlyList<SpeakerDocument>>()
            .ProducesProblem(StatusCodes.Status400BadRequest);

        app.MapGet("/report", async (string? from, string? to, string? format, IMediator mediator, CancellationToken cancellationToken) =>
            {
                var report = await mediator.Send(new GetReport(from, to, format), cancellationToken);
                return Results.Text(report.Content, report.MediaType);
            })
            .WithTags("Story")
            .WithName("GetReport")
            .WithSummary("\"How the story changed\", as Markdown (format=md, the default) or CSV (format=csv)")
            .Produces<string>(StatusCodes.Status200OK, "text/markdown", "text/csv")
            .ProducesProblem(StatusCodes.Status400BadRequest);
    }
}
