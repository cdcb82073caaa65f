using System.Text.Json.Nodes;
using MediatR;
using Microsoft.Extensions.Options;
using RaqqaLedger.Api.Hosting;
using RaqqaLedger.Api.Mediation;
using RaqqaLedger.Application.Articles;
using RaqqaLedger.Application.Claims;
using RaqqaLedger.Domain.Events;

namespace RaqqaLedger.Api.Features;

public sealed record PublishRuleSet(byte[] Body, string Source, string Actor) : IRequest<PublishOutcome>, IValidated
{
    public IEnumerable<string> Validate()
    {
        if (Body.Length == 0)
            yield return "the body is empty: send the rule set's YAML";
        if (Source.Length > 200)
            yield return "the source name is longer than 200 characters";
    }
}

public sealed record ListRuleSets : IRequest<IReadOnlyList<PublishedRuleSet>>;

public sealed class RuleSetHandlers(LedgerHost ledger) :
    IRequestHandler<PublishRuleSet, PublishOutcome>, IRequestHandler<ListRuleSets, IReadOnlyList<PublishedRuleSet>>
{
    public async Task<PublishOutcome> Handle(PublishRuleSet request, CancellationToken cancellationToken)
    {
        var content = ArticleInput.DecodeUtf8(request.Body, request.Source);
        var outcome = await RuleSetPublishing.PublishAsync(ledger.Store, content, request.Source,
            new EventMetadata(Guid.NewGuid().ToString("N"), null, request.Actor), cancellationToken);
        return outcome;
    }

    public Task<IReadOnlyList<PublishedRuleSet>> Handle(ListRuleSets request, CancellationToken cancellationToken) =>
        RuleSets.ListAsync(ledger.Store, cancellationToken);
}

public static class RuleSetsApi
{
    public static void MapRuleSetsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/rulesets").WithTags("Rule sets");
        Writes.Guard(Bodies.Read(group.MapPost("", async (HttpRequest http, string? source, IMediator mediator, IOptions<LedgerOptions> options, CancellationToken cancellationToken) =>
            {
                var body = await Bodies.ReadAsync(http, options.Value.MaxBodyBytes, cancellationToken);
                var outcome = await mediator.Send(new PublishRuleSet(body, source ?? "api", "api:key"), cancellationToken);
                return outcome.Status == PublishStatus.Published ? Results.Created("/rulesets", outcome) : Results.Ok(outcome);
            })
            .WithName("PublishRuleSet")
            .WithSummary("Publish a rule set (YAML body) and re-extract every article, appending only the difference; the content in effect again appends nothing (200)")
            .Produces<PublishOutcome>(StatusCodes.Status201Created)
            .Produces<PublishOutcome>(StatusCodes.Status200OK),
            "the rule set as YAML (see the README's rule format)", "application/yaml", "text/yaml", "application/x-yaml", "text/plain"));

        group.MapGet("", (IMediator mediator, CancellationToken cancellationToken) => mediator.Send(new ListRuleSets(), cancellationToken))
            .WithName("ListRuleSets")
            .WithSummary("Every published rule-set version, and which is in effect")
            .Produces<IReadOnlyList<PublishedRuleSet>>();
    }
}
