using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using RaqqaLedger.Application.Claims;

namespace RaqqaLedger.Cli;

/// <summary>claims [--article ID] [--topic T] [--json]: the live claims in the log.</summary>
internal static class ClaimsCommand
{
    public static Command Create(CommandContext context)
    {
        var article = new Option<string?>("--article") { Description = "an article id, or the start of one (at least 6 characters)" };
        var topic = new Option<string?>("--topic") { Description = "only this topic, e.g. foreign_fighters.departed" };
        var json = new Option<bool>("--json") { Description = "print a JSON array" };
        var command = new Command("claims", "List the live claims: topic, value, speaker, article, quote") { article, topic, json };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var articlePrefix = parsed.GetValue(article);
            if (articlePrefix is { Length: < 6 })
                throw new UsageException("--article needs at least the first 6 characters of an article id");
            await using var store = await context.OpenStoreAsync(parsed, cancellationToken);
            var topicFilter = parsed.GetValue(topic);
            if (topicFilter is not null && await RuleSets.LoadCurrentAsync(store, cancellationToken) is { } rules && !rules.Rules.TopicsById.ContainsKey(topicFilter))
                throw new UsageException($"unknown topic '{topicFilter}'; the rule set in effect has: {string.Join(", ", rules.Rules.TopicsById.Keys)}");

            var states = (await LedgerSnapshot.LoadAsync(store, cancellationToken))
                .Where(s => articlePrefix is null || s.Article.ArticleId.StartsWith(articlePrefix, StringComparison.OrdinalIgnoreCase))
                .ToList();
            if (articlePrefix is not null && states.Count == 0)
                throw new UsageException($"no article with an id starting '{articlePrefix}'");
            var rows = states
                .SelectMany(s => s.Claims.Live.Values.Select(c => (State: s, Claim: c)))
                .Where(x => topicFilter is null || x.Claim.Topic == topicFilter)
                .OrderBy(x => x.State.Position).ThenBy(x => x.Claim.Facts.Span.Start).ThenBy(x => x.Claim.Topic, StringComparer.Ordinal)
                .ToList();

            var output = context.Console.Out;
            if (parsed.GetValue(json))
            {
                var array = new JsonArray([.. rows.Select(x => (JsonNode)new JsonObject
                {
                    ["claimId"] = x.Claim.ClaimId,
                    ["articleId"] = x.State.Article.ArticleId,
                    ["source"] = x.State.Article.Source,
                    ["published"] = x.State.Article.Published.Date?.ToString("yyyy-MM-dd"),
                    ["topic"] = x.Claim.Topic,
                    ["value"] = JsonNode.Parse(x.Claim.Facts.Value.ToJson()),
                    ["speaker"] = x.Claim.Facts.Speaker,
                    ["speakerAsWritten"] = x.Claim.Facts.SpeakerAsWritten,
                    ["quote"] = x.Claim.Facts.Quote,
                    ["span"] = new JsonObject { ["start"] = x.Claim.Facts.Span.Start, ["length"] = x.Claim.Facts.Span.Length },
                    ["eventDate"] = x.Claim.Facts.EventDate?.From?.ToString("yyyy-MM-dd"),
                    ["rule"] = x.Claim.Facts.RuleId,
                })]);
                await output.WriteLineAsync(array.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
                return CliApp.Ok;
            }
            foreach (var (state, claim) in rows)
            {
                var f = claim.Facts;
                await output.WriteLineAsync(
                    $"{state.Article.ArticleId[..12]}  {claim.Topic,-30} {f.Value,-12} {f.Speaker ?? "(outlet)",-20} \"{Clip(f.Quote, 90)}\"");
            }
            await output.WriteLineAsync($"{rows.Count} claim{(rows.Count == 1 ? "" : "s")} in {states.Count} article{(states.Count == 1 ? "" : "s")}");
            return CliApp.Ok;
        });
        return command;
    }

    private static string Clip(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "…";
}
