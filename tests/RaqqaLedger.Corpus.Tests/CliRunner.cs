using RaqqaLedger.Cli;

namespace RaqqaLedger.Corpus.Tests;

public sealed record CliResult(int ExitCode, string Out, string Error);

/// <summary>Runs the CLI in-process with its own throwaway store, as a user's shell would with RAQQA_STORE set.</summary>
public static class CliRunner
{
    public static async Task<CliResult> RunAsync(string storeFolder, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var environment = new Dictionary<string, string?> { ["RAQQA_STORE"] = $"sqlite:{Path.Combine(storeFolder, "ledger.db")}" };
        var console = new CliConsole(output, error, new MemoryStream(), false, name => environment.GetValueOrDefault(name));
        var exit = await new CliApp(console).RunAsync(args);
        return new CliResult(exit, output.ToString(), error.ToString());
    }
}
