using System.CommandLine;
using System.Text.Json;
using RaqqaLedger.Application.Views;
using RaqqaLedger.EventStore;

namespace RaqqaLedger.Cli;

/// <summary>events [--from N] [--stream S]: the raw log, one JSON object per line.</summary>
internal static class EventsCommand
{
    public static Command Create(CommandContext context)
    {
        var from = new Option<long>("--from") { Description = "first global position (or stream version with --stream)", DefaultValueFactory = _ => 0 };
        var stream = new Option<string?>("--stream") { Description = "only this stream, e.g. article-<id>" };
        var command = new Command("events", "Print the event log, one JSON object per line") { from, stream };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var start = parsed.GetValue(from);
            if (start < 0)
                throw new UsageException($"--from must be 0 or more, not {start}");
            await using var storage = await context.OpenStorageAsync(parsed, cancellationToken);
            var store = storage.Store;
            var events = parsed.GetValue(stream) is { } streamId
                ? store.ReadStreamAsync(streamId, start, cancellationToken)
                : store.ReadAllForwardAsync(Math.Max(1, start), cancellationToken: cancellationToken);
            await foreach (var e in events)
                await context.Console.Out.WriteLineAsync(LogJson.Line(e));
            return CliApp.Ok;
        });
        return command;
    }
}
