using System.CommandLine;
using RaqqaLedger.Views;

namespace RaqqaLedger.Cli;

/// <summary>replay [--projection NAME]: rebuild projections from position 1 into fresh tables, swapped in when complete; projections: their state.</summary>
internal static class ReplayCommand
{
    public static Command Create(CommandContext context)
    {
        var name = new Option<string?>("--projection") { Description = $"only this one: {string.Join(", ", ProjectionRunner.All.Select(p => p.Name))}" };
        var command = new Command("replay", "Rebuild the projections from the start of the log; readers keep the old tables until the new ones are complete") { name };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            await using var storage = await context.OpenStorageAsync(parsed, cancellationToken);
            var runner = new ProjectionRunner(storage.Store, storage.Views);
            IReadOnlyList<ReplayResult> results;
            using (var bars = new ReplayBars((label, head) => ProgressReport.Start(context.Console, label, head, "events")))
                results = await runner.ReplayAsync(parsed.GetValue(name), cancellationToken, bars);
            foreach (var r in results)
            {
                var rate = r.Elapsed.TotalSeconds > 0 ? $", {r.Position / r.Elapsed.TotalSeconds:N0} log events/s" : "";
                await context.Console.Out.WriteLineAsync(
                    $"{r.Name}: rebuilt to position {r.Position} from the {r.Events} events it folds (generation {r.Generation}) in {r.Elapsed.TotalSeconds:N2} s{rate}");
            }
            return CliApp.Ok;
        });
        return command;
    }

    public static Command Status(CommandContext context)
    {
        var json = ViewOptions.Json();
        var command = new Command("projections", "List the projections: version, checkpoint, lag behind the log, state") { json };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            await using var storage = await context.OpenStorageAsync(parsed, cancellationToken);
            var list = await new ProjectionRunner(storage.Store, storage.Views).DescribeAsync(cancellationToken);
            if (parsed.GetValue(json))
            {
                await ViewOptions.WriteJsonAsync(context, list);
                return CliApp.Ok;
            }
            await context.Console.Out.WriteLineAsync($"{"NAME",-10} {"VERSION",-8} {"CHECKPOINT",-11} {"LAG",-8} {"STATE",-11} GENERATION");
            foreach (var p in list)
                await context.Console.Out.WriteLineAsync($"{p.Name,-10} {p.Version,-8} {p.Checkpoint,-11} {p.Lag,-8} {p.State,-11} {p.Generation}");
            return CliApp.Ok;
        });
        return command;
    }
}
