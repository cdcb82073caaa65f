using System.CommandLine;
using RaqqaLedger.Application.Views;
using RaqqaLedger.Domain.Events;

namespace RaqqaLedger.Cli;

/// <summary>board [--as-of D] [--recorded-as-of P|T] [--topic T] [--json]: per topic, the live claims and their status.</summary>
internal static class BoardCommand
{
    public static Command Create(CommandContext context)
    {
        var asOf = new Option<string?>("--as-of") { Description = "reported time: only what had been published by the end of this day (yyyy-MM-dd)" };
        var recordedAsOf = new Option<string?>("--recorded-as-of") { Description = "system time: the board as the ledger held it at this log position or ISO 8601 time" };
        var topic = ViewOptions.Topic();
        var json = ViewOptions.Json();
        var command = new Command("board", "The claim board: per topic, every live claim and whether sources confirm or dispute it") { asOf, recordedAsOf, topic, json };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var day = parsed.GetValue(asOf) is { } d ? ViewArguments.Day(d, "--as-of") : (DateOnly?)null;
            await using var storage = await context.OpenStorageAsync(parsed, cancellationToken);
            var position = parsed.GetValue(recordedAsOf) is { } r ? await ViewArguments.RecordedPositionAsync(storage.Store, r, cancellationToken) : (long?)null;
            var views = await LedgerViews.OpenAsync(storage, cancellationToken);
            await views.CheckTopicAsync(parsed.GetValue(topic), cancellationToken);
            var board = await views.Paged.BoardAsync(day, position, parsed.GetValue(topic), null, null, PagedViews.Everything, cancellationToken);

            if (parsed.GetValue(json))
            {
                await ViewOptions.WriteJsonAsync(context, board);
                return CliApp.Ok;
            }
            var output = context.Console.Out;
            var when = (day is null ? "now" : $"as reported by {day:yyyy-MM-dd}") + (position is null ? "" : $", as recorded at position {position}");
            await output.WriteLineAsync($"Claim board, {when}");
            foreach (var t in board.Topics)
            {
                await output.WriteLineAsync();
                await output.WriteLineAsync($"{t.Topic}  [{EventJson.EnumName(t.Status)}]");
                foreach (var c in t.Claims)
                    await output.WriteLineAsync(ViewOptions.Line(c));
            }
            if (board.Undated.Count > 0)
            {
                await output.WriteLineAsync();
                await output.WriteLineAsync("Of unknown date (not placed on any day, not counted in a status):");
                foreach (var c in board.Undated)
                    await output.WriteLineAsync(ViewOptions.Line(c) + $"  {c.Topic}");
            }
            await output.WriteLineAsync();
            await output.WriteLineAsync($"{board.Topics.Count} topic{(board.Topics.Count == 1 ? "" : "s")}, {board.Topics.Sum(t => t.Claims.Count)} claims" +
                (board.Undated.Count > 0 ? $", {board.Undated.Count} of unknown date" : ""));
            return CliApp.Ok;
        });
        return command;
    }
}
