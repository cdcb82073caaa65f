using System.CommandLine;
using RaqqaLedger.EventStore;

namespace RaqqaLedger.Cli;

/// <summary>
/// verify [--digest POSITION:HASH]: recompute the hash chain; exit 0 with the head and its digest, or 1
/// naming the first bad position, or, against a kept digest, saying that the log is not the one it was taken over.
/// </summary>
internal static class VerifyCommand
{
    public static Command Create(CommandContext context)
    {
        var digestOption = new Option<string?>("--digest")
        {
            Description = "a digest kept from earlier (POSITION:HASH, as verify and GET /audit/digest print it): the log up to it must be unchanged",
        };
        var command = new Command("verify", "Recompute the hash chain over the whole log") { digestOption };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            // Checked before the store opens: a malformed digest is bad input, whatever the log holds.
            LogDigest? digest = null;
            if (parsed.GetValue(digestOption) is { } text)
                digest = LogDigest.TryParse(text, out var problem) ?? throw new UsageException($"malformed --digest '{text.Trim()}': {problem}");
            await using var storage = await context.OpenStorageAsync(parsed, cancellationToken);
            var store = storage.Store;
            var result = digest is null
                ? await ChainVerifier.VerifyAsync(store, cancellationToken)
                : await ChainVerifier.VerifyAsync(store, digest, cancellationToken);
            if (result.Ok)
            {
                var since = digest is null ? "" : $"; digest {digest} holds: the log up to position {digest.Position} is unchanged";
                await context.Console.Out.WriteLineAsync(
                    $"ok: chain holds over {result.EventsChecked} events; head position {result.HeadPosition} hash {result.HeadHash}; digest {result.HeadPosition}:{result.HeadHash}{since}");
                return CliApp.Ok;
            }
            await context.Console.Error.WriteLineAsync(result.FirstBadPosition is { } bad
                ? $"FAILED: first bad position {bad}: {result.Problem} (chain holds up to position {result.HeadPosition})"
                : $"FAILED: {result.Problem}");
            return CliApp.Failed;
        });
        return command;
    }
}
