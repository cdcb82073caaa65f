using System.CommandLine;
using RaqqaLedger.Application.Views;
using RaqqaLedger.Projections.Views;
using RaqqaLedger.Views;

namespace RaqqaLedger.Cli;

/// <summary>claims [--article ID] [--topic T] [--json]: the live claims, from the claims view.</summary>
internal static class ClaimsCommand
{
    public static Command Create(CommandContext context)
    {
        var article = new Option<string?>("--article") { Description = "an article id, or the start of one (at least 6 characters)" };
        var topic = ViewOptions.Topic();
        var json = new Option<bool>("--json") { Description = "print a JSON array" };
        var command = new Command("claims", "List the live claims: topic, value, speaker, article, quote") { article, topic, json };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var articlePrefix = parsed.GetValue(article);
            if (articlePrefix is { Length: < 6 })
                throw new UsageException("--article needs at least the first 6 characters of an article id");
            await using var storage = await context.OpenStorageAsync(parsed, cancellationToken);
            var views = await LedgerViews.OpenAsync(storage, cancellationToken);
            var topicFilter = parsed.GetValue(topic);
            await views.CheckTopicAsync(topicFilter, cancellationToken);

            var articles = (await views.ArticlesAsync(cancellationToken: cancellationToken))
                .Where(a => articlePrefix is null || a.Id.StartsWith(articlePrefix, StringComparison.OrdinalIgnoreCase))
                .Select(a => a.Id)
                .ToHashSet(StringComparer.Ordinal);
            if (articlePrefix is not null && articles.Count == 0)
                throw new UsageException($"no article with an id starting '{articlePrefix}'");
            var rows = (await views.ClaimsAsync(new ClaimQuery(Topic: topicFilter), cancellationToken))
                .Where(c => articles.Contains(c.Version.ArticleId))
                .OrderBy(c => c.ArticlePosition).ThenBy(c => c.Version.Facts.Span.Start).ThenBy(c => c.Topic, StringComparer.Ordinal)
                .ToList();

            if (parsed.GetValue(json))
            {
                await ViewOptions.WriteJsonAsync(context, rows.Select(ViewJson.Claim).ToList());
                return CliApp.Ok;
            }
            var output = context.Console.Out;
            foreach (var c in rows)
            {
                var f = c.Version.Facts;
                await output.WriteLineAsync(
                    $"{c.Version.ArticleId[..12]}  {c.Topic,-30} {f.Value,-12} {f.Speaker ?? "(outlet)",-20} \"{ViewOptions.Clip(f.Quote, 90)}\"");
            }
            await output.WriteLineAsync($"{rows.Count} claim{(rows.Count == 1 ? "" : "s")} in {articles.Count} article{(articles.Count == 1 ? "" : "s")}");
            return CliApp.Ok;
        });
        return command;
    }
}
