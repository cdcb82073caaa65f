namespace RaqqaLedger.Cli.Tests;

/// <summary>The built raqqa-ledger binary as a real process: exit codes and streams as a shell sees them.</summary>
public class ProcessTests
{
    private static Task<CliResult> RunAsync(string workingDirectory, params string[] args) =>
        CliProcess.RunAsync(workingDirectory, store: null, args);

    [Fact]
    public async Task Ingest_WithNoStoreGiven_UsesTheSqliteFileUnderData()
    {
        var workDir = Directory.CreateTempSubdirectory("raqqa-process-").FullName;

        var ingest = await RunAsync(workDir, "ingest", CliRunner.Seeds);
        var verify = await RunAsync(workDir, "verify");

        Assert.Equal(0, ingest.ExitCode);
        Assert.Contains("5 articles: 5 new", ingest.Out);
        Assert.True(File.Exists(Path.Combine(workDir, "data", "raqqa-ledger.db")));
        Assert.Equal(0, verify.ExitCode);
        Assert.StartsWith("ok: ", verify.Out);
    }

    [Fact]
    public async Task ABadPath_ExitsNonZeroWithOneLineOnStderr()
    {
        var workDir = Directory.CreateTempSubdirectory("raqqa-process-").FullName;

        var result = await RunAsync(workDir, "ingest", "missing.txt");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("error: missing.txt: no such file or folder", result.Error.TrimEnd());
        Assert.Empty(result.Out);
        Assert.False(Directory.Exists(Path.Combine(workDir, "data")));
    }
}
