using System.CommandLine;
using System.Text.Json;
using RaqqaLedger.Storage;

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
            await using var store = await context.OpenStoreAsync(parsed, cancellationToken);
            var events = parsed.GetValue(stream) is { } streamId
                ? store.ReadStreamAsync(streamId, start, cancellationToken)
                : store.ReadAllForwardAsync(Math.Max(1, start), cancellationToken: cancellationToken);
            await foreach (var e in events)
                await context.Console.Out.WriteLineAsync(ToJsonLine(e));
            return CliApp.Ok;
        });
        return command;
    }

    public static string ToJsonLine(RecordedEvent e)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("position", e.Position);
            json.WriteString("streamId", e.StreamId);
            json.WriteNumber("streamVersion", e.StreamVersion);
            json.WriteString("eventId", e.EventId);
            json.WriteString("type", e.Type);
            json.WriteString("recordedAt", HashChain.FormatTime(e.RecordedAt));
            json.WriteString("hash", e.HashHex);
            json.WritePropertyName("data");
            json.WriteRawValue(e.Data, skipInputValidation: true);
            json.WritePropertyName("metadata");
            json.WriteRawValue(e.Metadata, skipInputValidation: true);
            json.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
