using System.Text;
using RaqqaLedger.Testing;

namespace RaqqaLedger.Cli.Tests;

public sealed record CliResult(int ExitCode, string Out, string Error)
{
    /// <summary>Refused as bad input: exit 2 and one line on stderr that says <paramref name="expected"/>.</summary>
    public void AssertRefused(string expected = "error: ")
    {
        Assert.Equal(2, ExitCode);
        Assert.Contains(expected, Error);
        Assert.Single(Error.TrimEnd().Split('\n'));
    }
}

/// <summary>Runs the CLI in-process against one store, as a user's shell would with RAQQA_STORE set.</summary>
public sealed class CliRunner(string storeSpec)
{
    public string StoreSpec { get; } = storeSpec;

    public static CliRunner ForTempSqlite() =>
        new($"sqlite:{Path.Combine(Path.GetTempPath(), "raqqa-cli-tests", $"{Guid.NewGuid():N}", "ledger.db")}");

    public async Task<CliResult> RunAsync(params string[] args) => await RunWithInputAsync(null, args);

    public async Task<CliResult> RunWithInputAsync(byte[]? stdin, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var environment = new Dictionary<string, string?> { ["RAQQA_STORE"] = StoreSpec };
        var console = new CliConsole(output, error, new MemoryStream(stdin ?? []), stdin is not null, name => environment.GetValueOrDefault(name));
        var exit = await new CliApp(console).RunAsync(args);
        return new CliResult(exit, output.ToString(), error.ToString());
    }

    public static string Seeds => RepoPaths.Seeds;

    public static string TempFile(string name, byte[] content)
    {
        var dir = Path.Combine(Path.GetTempPath(), "raqqa-cli-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    public static string TempFile(string name, string content) => TempFile(name, Encoding.UTF8.GetBytes(content));
}
