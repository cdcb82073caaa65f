using System.CommandLine;
using RaqqaLedger.Application.Views;

namespace RaqqaLedger.Cli;

/// <summary>speakers [--json]: who said what, by topic, and who changed position.</summary>
internal static class SpeakersCommand
{
    public static Command Create(CommandContext context)
    {
        var json = ViewOptions.Json();
        var command = new Command("speakers", "Who said what: each speaker's claims by topic, with dates, and changes of position") { json };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            await using var storage = await context.OpenStorageAsync(parsed, cancellationToken);
            var views = await LedgerViews.OpenAsync(storage, cancellationToken);
            var speakers = await views.Paged.SpeakersAsync(null, null, null, null, PagedViews.Everything, cancellationToken);
            if (parsed.GetValue(json))
            {
                await ViewOptions.WriteJsonAsync(context, speakers);
                return CliApp.Ok;
            }
            var output = context.Console.Out;
            foreach (var s in speakers)
            {
                await output.WriteLineAsync(s.Speaker);
                foreach (var t in s.Topics)
                {
                    await output.WriteLineAsync($"  {t.Topic}");
                    foreach (var c in t.Statements)
                        await output.WriteLineAsync(ViewOptions.Line(c, s.Speaker, "    "));
                    foreach (var change in t.PositionChanges)
                        await output.WriteLineAsync($"    changed position: {ViewJson.ValueText(change.From)} ({ViewJson.Day(change.FromPublished)}) → {ViewJson.ValueText(change.To)} ({ViewJson.Day(change.ToPublished)})");
                }
            }
            await output.WriteLineAsync($"{speakers.Count} speaker{(speakers.Count == 1 ? "" : "s")}");
            return CliApp.Ok;
        });
        return command;
    }
}
