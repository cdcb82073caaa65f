using System.CommandLine;
using RaqqaLedger.Application.Views;
using RaqqaLedger.Domain.Events;

namespace RaqqaLedger.Cli;

/// <summary>timeline [--topic T] [--from D] [--to D] [--json]: per topic and day, what was reported and how it moved the story.</summary>
internal static class TimelineCommand
{
    public static Command Create(CommandContext context)
    {
        var topic = ViewOptions.Topic();
        var from = ViewOptions.From();
        var to = ViewOptions.To();
        var json = ViewOptions.Json();
        var command = new Command("timeline", "The reporting timeline: per topic and day, values reported, by whom and where, with each shift marked") { topic, from, to, json };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var (first, last) = ViewOptions.Range(parsed, from, to);
            await using var storage = await context.OpenStorageAsync(parsed, cancellationToken);
            var views = await LedgerViews.OpenAsync(storage, cancellationToken);
            await views.CheckTopicAsync(parsed.GetValue(topic), cancellationToken);
            var timeline = await views.Paged.TimelineAsync(parsed.GetValue(topic), first, last, null, null, PagedViews.Everything, cancellationToken);

            if (parsed.GetValue(json))
            {
                await ViewOptions.WriteJsonAsync(context, timeline);
                return CliApp.Ok;
            }
            var output = context.Console.Out;
            await output.WriteLineAsync($"Reporting timeline, {first:yyyy-MM-dd} to {last:yyyy-MM-dd}");
            foreach (var t in timeline)
            {
                await output.WriteLineAsync();
                await output.WriteLineAsync(t.Topic);
                foreach (var entry in t.Days.SelectMany(d => d.Entries).Concat(t.Undated))
                    await output.WriteLineAsync(ViewOptions.Line(entry) + (entry.Shifts.Count == 0 ? "" : $"  [{string.Join(", ", entry.Shifts.Select(s => EventJson.EnumName(s)))}]"));
            }
            return CliApp.Ok;
        });
        return command;
    }
}
