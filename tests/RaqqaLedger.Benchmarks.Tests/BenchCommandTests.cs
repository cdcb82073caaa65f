using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using RaqqaLedger.Testing;

namespace RaqqaLedger.Benchmarks.Tests;

/// <summary>The quick benchmark run end to end, as a process: one JSON object, with the keys the README documents.</summary>
public partial class BenchCommandTests
{
    [Fact]
    public async Task BenchQuickJson_PrintsOneObject_WithEveryDocumentedKey_AndABaselineBesideEachFigure()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "RaqqaLedger.Benchmarks.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { dll, "bench", "--quick", "--json" })
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(10)).Token);

        Assert.True(process.ExitCode == 0, await stderr);
        var lines = (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var result = JsonDocument.Parse(Assert.Single(lines)).RootElement;

        var documented = DocumentedKeys();
        Assert.Equal(documented.Order(StringComparer.Ordinal), result.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.True(result.GetProperty("quick").GetBoolean());
        Assert.True(result.GetProperty("extraction").GetProperty("baselineArticlesPerSecond").GetDouble() > 0);
        Assert.Equal(["sqlite", "sqlite", "sqlite", "sqlite, 32 writers", "postgres", "postgres", "postgres"],
            result.GetProperty("append").EnumerateArray().Select(a => a.GetProperty("engine").GetString()));
        Assert.All(result.GetProperty("append").EnumerateArray(), a => Assert.True(a.GetProperty("ledgerEventsPerSecond").GetDouble() > 0 && a.GetProperty("baselineEventsPerSecond").GetDouble() > 0));
        var rebuild = Assert.Single(result.GetProperty("rebuild").EnumerateArray());
        Assert.True(rebuild.GetProperty("events").GetInt64() > 9_000);
        Assert.True(rebuild.GetProperty("peakWorkingSetMb").GetDouble() > 0);
        Assert.Equal(["/claims?asOf=&topic=", "/timeline?topic="], result.GetProperty("rest").EnumerateArray().Select(r => r.GetProperty("route").GetString()));
    }

    /// <summary>The top-level keys in the README's table under "All of it: `bench`".</summary>
    private static List<string> DocumentedKeys()
    {
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
        var section = readme[readme.IndexOf("### All of it: `bench`", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("\n### ", 5, StringComparison.Ordinal)];
        return [.. section.Split('\n').Where(l => l.StartsWith("| `", StringComparison.Ordinal))
            .SelectMany(l => KeyName().Matches(l.Split('|')[1]).Select(m => m.Groups[1].Value))];
    }

    [GeneratedRegex(@"`([a-zA-Z]+)(?:\[\])?`")]
    private static partial Regex KeyName();
}
