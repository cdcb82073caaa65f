using System.CommandLine;
using RaqqaLedger.Application.Views;

namespace RaqqaLedger.Cli;

/// <summary>report [--from D] [--to D] --format md|csv: "How the story changed".</summary>
internal static class ReportCommand
{
    public static Command Create(CommandContext context)
    {
        var from = ViewOptions.From();
        var to = ViewOptions.To();
        var format = new Option<ReportFormat>("--format") { Description = "md (readable) or csv (one row per report)", Required = true };
        var command = new Command("report", "\"How the story changed\": the board at the end of the range, day by day shifts, changes of position") { from, to, format };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var (first, last) = ViewOptions.Range(parsed, from, to);
            await using var storage = await context.OpenStorageAsync(parsed, cancellationToken);
            var views = await LedgerViews.OpenAsync(storage, cancellationToken);
            await context.Console.Out.WriteAsync(await StoryReport.BuildAsync(views, first, last, parsed.GetValue(format), cancellationToken));
            return CliApp.Ok;
        });
        return command;
    }
}
