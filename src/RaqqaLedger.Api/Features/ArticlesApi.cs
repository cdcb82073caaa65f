using MediatR;
using Microsoft.Extensions.Options;
using RaqqaLedger.Api.Hosting;
using RaqqaLedger.Api.Mediation;
using RaqqaLedger.Application.Articles;
using RaqqaLedger.Application.Views;
using RaqqaLedger.Domain.Events;
using RaqqaLedger.Views;

namespace RaqqaLedger.Api.Features;

/// <summary>What POST /articles answers.</summary>
/// <param name="Status">"new", or "present" when the same text was already in the ledger.</param>
/// <param name="FirstPosition">The first log position appended; null when nothing was.</param>
/// <param name="Language">The language detected in the text (ISO 639-1, "und" when it cannot be told).</param>
/// <param name="ExtractionSkipped">Why no claims were looked for (an article not in English); null when the rules read it.</param>
public sealed record IngestResult(string ArticleId, string Status, long? FirstPosition, long? LastPosition, int Claims, string? Published, string DateBasis,
    string? Language, string? ExtractionSkipped);

/// <param name="Json">The body is a JSON envelope (Content-Type application/json); otherwise raw text.</param>
public sealed record IngestArticle(byte[] Body, bool Json, string Actor) : IRequest<IngestResult>, IValidated
{
    public IEnumerable<string> Validate()
    {
        if (Body.Length == 0)
            yield return "the body is empty: send the article's text, or a JSON envelope with Content-Type application/json";
    }
}

public sealed record ListArticles : IRequest<IReadOnlyList<ArticleDocument>>;

public sealed record GetArticle(string Id) : IRequest<ArticleWithClaimsDocument>, IValidated
{
    public IEnumerable<string> Validate()
    {
        if (Id.Length < 6 || !Id.All(char.IsAsciiHexDigitLower))
            yield return $"'{Id}' is not an article id: use its lower-case hex id, or at least its first 6 characters";
    }
}

public sealed class ArticleHandlers(LedgerHost ledger) :
    IRequestHandler<IngestArticle, IngestResult>, IRequestHandler<ListArticles, IReadOnlyList<ArticleDocument>>, IRequestHandler<GetArticle, ArticleWithClaimsDocument>
{
    public async Task<IngestResult> Handle(IngestArticle request, CancellationToken cancellationToken)
    {
        var submission = request.Json ? ArticleInput.FromEnvelope("api", request.Body) : ArticleInput.FromText("api", request.Body);
        var metadata = new EventMetadata(Guid.NewGuid().ToString("N"), null, request.Actor);
        var report = await new ArticleIngestion(ledger.Store, Domain.Articles.ArticleReadingOptions.Default).IngestAsync([submission], metadata, cancellationToken);
        var outcome = report.Articles.Single();
        var isNew = outcome.Status == IngestStatus.New;
        return new IngestResult(outcome.Article.ArticleId, isNew ? "new" : "present",
            isNew ? report.Positions?.First : null, isNew ? report.Positions?.Last : null, outcome.Claims,
            ViewJson.Day(outcome.Article.Published.Date), EventJson.EnumName(outcome.Article.Published.Basis),
            outcome.Article.Language, outcome.ExtractionSkipped);
    }

    public async Task<IReadOnlyList<ArticleDocument>> Handle(ListArticles request, CancellationToken cancellationToken) =>
        [.. (await ledger.Views.ArticlesAsync(cancellationToken: cancellationToken)).Select(ViewJson.Article)];

    public async Task<ArticleWithClaimsDocument> Handle(GetArticle request, CancellationToken cancellationToken)
    {
        var matches = (await ledger.Views.ArticlesAsync(cancellationToken: cancellationToken))
            .Where(a => a.Id.StartsWith(request.Id, StringComparison.Ordinal)).Take(2).ToList();
        if (matches.Count == 0)
            throw new NotFoundException($"no article with id '{request.Id}'");
        if (matches.Count > 1)
            throw new ArgumentException($"'{request.Id}' is the start of more than one article id; give more of it");
        var claims = (await ledger.Views.ClaimsAsync(new ClaimQuery(), cancellationToken))
            .Where(c => c.Version.ArticleId == matches[0].Id)
            .OrderBy(c => c.Version.Facts.Span.Start).ThenBy(c => c.Topic, StringComparer.Ordinal);
        return new ArticleWithClaimsDocument(ViewJson.Article(matches[0]), [.. claims.Select(ViewJson.Claim)]);
    }
}

public static class ArticlesApi
{
    public static void MapArticlesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/articles").WithTags("Articles");
        Writes.Guard(Bodies.Read(group.MapPost("", async (HttpRequest http, IMediator mediator, IOptions<LedgerOptions> options, CancellationToken cancellationToken) =>
            {
                var body = await Bodies.ReadAsync(http, options.Value.MaxBodyBytes, cancellationToken);
                var json = http.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true;
                var result = await mediator.Send(new IngestArticle(body, json, "api:key"), cancellationToken);
                return result.Status == "new" ? Results.Created($"/articles/{result.ArticleId}", result) : Results.Ok(result);
            })
            .WithName("IngestArticle")
            .WithSummary("Ingest an article: its raw text (text/plain), or a JSON envelope {text, title?, url?, outlet?, publishedAt?} (application/json)")
            .Produces<IngestResult>(StatusCodes.Status201Created)
            .Produces<IngestResult>(StatusCodes.Status200OK),
            "the article's raw text, or a JSON envelope {text, title?, url?, outlet?, publishedAt?}", "text/plain", "application/json"));

        group.MapGet("", (IMediator mediator, CancellationToken cancellationToken) => mediator.Send(new ListArticles(), cancellationToken))
            .WithName("ListArticles")
            .WithSummary("Every article in log order, with publication date, its basis and syndication cluster")
            .Produces<IReadOnlyList<ArticleDocument>>();

        group.MapGet("/{id}", (string id, IMediator mediator, CancellationToken cancellationToken) => mediator.Send(new GetArticle(id), cancellationToken))
            .WithName("GetArticle")
            .WithSummary("One article (by id or a unique prefix of at least 6 characters): metadata, date basis, syndication cluster, live claims")
            .Produces<ArticleWithClaimsDocument>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
