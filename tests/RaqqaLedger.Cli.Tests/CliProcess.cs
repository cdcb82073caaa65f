using System.Diagnostics;
using System.Text;

namespace RaqqaLedger.Cli.Tests;

/// <summary>
/// The built raqqa-ledger (raqqa-ledger.dll beside the tests) as a child process, with its streams
/// collected, so a test can wait for it as a shell would or kill it part-way.
/// </summary>
public sealed class CliProcess : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new(), error = new();

    private CliProcess(Process process) => this.process = process;

    public int Id => process.Id;

    public bool HasExited => process.HasExited;

    /// <param name="store">RAQQA_STORE for the child; null leaves it unset (the default store under the working folder).</param>
    public static CliProcess Start(string workingDirectory, string? store, params string[] args) => Start(workingDirectory, store, holdInput: false, args);

    /// <param name="holdInput">Keep standard input open until <see cref="ReleaseInputAsync"/>: a child reading "-" waits there.</param>
    public static CliProcess Start(string workingDirectory, string? store, bool holdInput, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "raqqa-ledger.dll"));
        foreach (var a in args)
            start.ArgumentList.Add(a);
        if (store is null)
            start.Environment.Remove("RAQQA_STORE");
        else
            start.Environment["RAQQA_STORE"] = store;
        var process = new Process { StartInfo = start };
        var child = new CliProcess(process);
        process.OutputDataReceived += (_, e) => Collect(child.output, e.Data);
        process.ErrorDataReceived += (_, e) => Collect(child.error, e.Data);
        process.Start();
        if (!holdInput)
            process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Runs to the end and returns what a shell would see.</summary>
    public static async Task<CliResult> RunAsync(string workingDirectory, string? store, params string[] args)
    {
        using var child = Start(workingDirectory, store, args);
        return await child.WaitAsync(TimeSpan.FromMinutes(2));
    }

    public async Task<CliResult> WaitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cancel.Token);
        return new CliResult(process.ExitCode, Read(output), Read(error));
    }

    /// <summary>Writes <paramref name="bytes"/> to standard input and closes it.</summary>
    public async Task ReleaseInputAsync(byte[] bytes)
    {
        await process.StandardInput.BaseStream.WriteAsync(bytes);
        process.StandardInput.Close();
    }

    /// <summary>Waits until the child has used no CPU for a while: started up and blocked, on its input for one.</summary>
    public async Task WaitUntilIdleAsync(TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        var last = TimeSpan.MinValue;
        while (clock.Elapsed < timeout && !process.HasExited)
        {
            process.Refresh();
            var used = process.TotalProcessorTime;
            if (used == last)
                return;
            last = used;
            await Task.Delay(300);
        }
        Assert.False(process.HasExited, "the child exited while it should be waiting");
        Assert.Fail($"the child was still busy after {timeout.TotalSeconds} s");
    }

    /// <summary>SIGKILL on Linux: no handler runs, nothing is flushed or disposed.</summary>
    public async Task KillAsync()
    {
        process.Kill();
        await process.WaitForExitAsync();
    }

    public void Dispose()
    {
        try
        {
            if (!process.HasExited)
                process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
        process.Dispose();
    }

    private static void Collect(StringBuilder into, string? line)
    {
        if (line is null)
            return;
        lock (into)
            into.AppendLine(line);
    }

    private static string Read(StringBuilder from)
    {
        lock (from)
            return from.ToString();
    }
}
