using System.CommandLine;
using RaqqaLedger.Storage;

namespace RaqqaLedger.Cli;

/// <summary>verify: recompute the hash chain; exit 0 with the head, or 1 naming the first bad position.</summary>
internal static class VerifyCommand
{
    public static Command Create(CommandContext context)
    {
        var command = new Command("verify", "Recompute the hash chain over the whole log");
        command.SetAction(async (parsed, cancellationToken) =>
        {
            await using var store = await context.OpenStoreAsync(parsed, cancellationToken);
            var result = await ChainVerifier.VerifyAsync(store, cancellationToken);
            if (result.Ok)
            {
                await context.Console.Out.WriteLineAsync($"ok: chain holds over {result.EventsChecked} events; head position {result.HeadPosition} hash {result.HeadHash}");
                return CliApp.Ok;
            }
            await context.Console.Error.WriteLineAsync(
                $"FAILED: first bad position {result.FirstBadPosition}: {result.Problem} (chain holds up to position {result.HeadPosition})");
            return CliApp.Failed;
        });
        return command;
    }
}
