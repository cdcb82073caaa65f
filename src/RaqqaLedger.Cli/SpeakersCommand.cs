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
            var speakers = await views.SpeakersAsync(cancellationToken: cancellationToken);
            if (parsed.GetValue(json))
            {
                await ViewOptions.WriteJsonAsync(context, ViewJson.Speakers(speakers));
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
                        await output.WriteLineAsync(ViewOptions.Line(c, "    "));
                    foreach (var change in t.Changes)
                        await output.WriteLineAsync($"    changed position: {change.Before.Version.Facts.Value} ({ViewJson.Day(change.Before.Published)}) → {change.After.Version.Facts.Value} ({ViewJson.Day(change.After.Published)})");
                }
            }
            await output.WriteLineAsync($"{speakers.Count} speaker{(speakers.Count == 1 ? "" : "s")}");
            return CliApp.Ok;
        });
        return command;
    }
}
