using System.CommandLine;
using RaqqaLedger.Application.Views;
using RaqqaLedger.Domain.Events;

namespace RaqqaLedger.Cli;

/// <summary>articles [--json]: the articles view (dates, how each was known, syndication cluster), as a table or a JSON array.</summary>
internal static class ArticlesCommand
{
    public static Command Create(CommandContext context)
    {
        var json = new Option<bool>("--json") { Description = "print a JSON array instead of a table" };
        var command = new Command("articles", "List the ingested articles with their dates and how each date was known") { json };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            await using var storage = await context.OpenStorageAsync(parsed, cancellationToken);
            var articles = await (await LedgerViews.OpenAsync(storage, cancellationToken)).ArticlesAsync(cancellationToken: cancellationToken);
            var output = context.Console.Out;
            if (parsed.GetValue(json))
            {
                await ViewOptions.WriteJsonAsync(context, articles.Select(ViewJson.Article).ToList());
                return CliApp.Ok;
            }
            await output.WriteLineAsync($"{"ID",-12}  {"PUBLISHED",-10}  {"BASIS",-8}  {"CLUSTER",-12}  {"SOURCE",-28}  TITLE");
            foreach (var a in articles)
            {
                await output.WriteLineAsync(
                    $"{a.Id[..12]}  {a.Published?.ToString("yyyy-MM-dd") ?? "-",-10}  {EventJson.EnumName(a.DateBasis),-8}  {a.Cluster[..12]}  {Clip(a.Source, 28),-28}  {Clip(a.Title ?? "(no title)", 70)}");
            }
            await output.WriteLineAsync($"{articles.Count} article{(articles.Count == 1 ? "" : "s")}");
            return CliApp.Ok;
        });
        return command;
    }

    private static string Clip(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "…";
}
