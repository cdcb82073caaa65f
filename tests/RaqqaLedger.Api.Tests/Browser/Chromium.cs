using System.Diagnostics;
using System.Text;

namespace RaqqaLedger.Api.Tests.Browser;

/// <summary>
/// Debian's headless Chromium and its driver, installed with apt-get when missing, so the browser test
/// runs on a fresh machine with nothing but <c>dotnet test</c>. RAQQA_CHROMIUM and RAQQA_CHROMEDRIVER
/// point at other binaries instead. Never skips: when the browser cannot be had, the test fails and says why.
/// </summary>
public static class Chromium
{
    public const string DefaultBrowser = "/usr/bin/chromium";
    public const string DefaultDriver = "/usr/bin/chromedriver";

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static (string Browser, string Driver)? found;

    public static async Task<(string Browser, string Driver)> EnsureAsync(Action<string> log, CancellationToken cancellationToken)
    {
        await Gate.WaitAsync(cancellationToken);
        try
        {
            return found ??= await FindOrInstallAsync(log, cancellationToken);
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task<(string Browser, string Driver)> FindOrInstallAsync(Action<string> log, CancellationToken cancellationToken)
    {
        var browserOverride = Environment.GetEnvironmentVariable("RAQQA_CHROMIUM");
        var driverOverride = Environment.GetEnvironmentVariable("RAQQA_CHROMEDRIVER");
        var browser = string.IsNullOrWhiteSpace(browserOverride) ? DefaultBrowser : browserOverride;
        var driver = string.IsNullOrWhiteSpace(driverOverride) ? DefaultDriver : driverOverride;
        if (File.Exists(browser) && File.Exists(driver))
            return (browser, driver);

        // Only the Debian packages' own paths are installed; an override that points nowhere is a mistake to report.
        if (browser != DefaultBrowser && !File.Exists(browser))
            throw new InvalidOperationException($"RAQQA_CHROMIUM is '{browser}', which does not exist.");
        if (driver != DefaultDriver && !File.Exists(driver))
            throw new InvalidOperationException($"RAQQA_CHROMEDRIVER is '{driver}', which does not exist.");

        await InstallAsync(log, cancellationToken);
        if (!File.Exists(browser) || !File.Exists(driver))
            throw new InvalidOperationException($"apt-get installed chromium and chromium-driver, but {browser} or {driver} is still missing.");
        return (browser, driver);
    }

    /// <summary>apt-get install, one test process at a time (a lock file), apt-get update first only if the install fails.</summary>
    private static async Task InstallAsync(Action<string> log, CancellationToken cancellationToken)
    {
        var lockPath = Path.Combine(Path.GetTempPath(), "raqqa-ledger-chromium-install.lock");
        using var held = await LockAsync(lockPath, TimeSpan.FromMinutes(20), cancellationToken);
        if (File.Exists(DefaultBrowser) && File.Exists(DefaultDriver))
            return; // another test process installed them while this one waited

        if (!File.Exists("/usr/bin/apt-get"))
            throw new InvalidOperationException(
                "Chromium is missing and this is not a Debian-like system with apt-get: install chromium and chromedriver, and set RAQQA_CHROMIUM and RAQQA_CHROMEDRIVER to them.");
        string[] prefix = await IsRootAsync(cancellationToken) ? []
            : File.Exists("/usr/bin/sudo") ? ["/usr/bin/sudo", "-n", "--preserve-env=DEBIAN_FRONTEND"]
            : throw new InvalidOperationException(
                "Chromium is missing and installing it needs root: run 'apt-get install -y chromium chromium-driver' as root, or set RAQQA_CHROMIUM and RAQQA_CHROMEDRIVER.");

        string[] install = ["/usr/bin/apt-get", "-o", "DPkg::Lock::Timeout=600", "install", "-y", "chromium", "chromium-driver"];
        log("Chromium is missing: apt-get install -y chromium chromium-driver");
        var first = await RunAsync([.. prefix, .. install], cancellationToken);
        if (first.ExitCode == 0)
            return;

        log("apt-get install failed; running apt-get update and trying again");
        var update = await RunAsync([.. prefix, "/usr/bin/apt-get", "-o", "DPkg::Lock::Timeout=600", "update"], cancellationToken);
        var second = await RunAsync([.. prefix, .. install], cancellationToken);
        if (second.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"Could not install Chromium for the browser test (apt-get install exited {second.ExitCode}). " +
                "Install it yourself with 'apt-get install -y chromium chromium-driver' as root, or set RAQQA_CHROMIUM and RAQQA_CHROMEDRIVER.\n" +
                $"--- apt-get update (exit {update.ExitCode}) ---\n{Tail(update.Output)}\n--- apt-get install ---\n{Tail(second.Output)}");
        }
    }

    private static async Task<FileStream> LockAsync(string path, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                // FileShare.None takes an exclusive advisory lock (flock) on Unix, held until disposed.
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
            }
        }
    }

    private static async Task<bool> IsRootAsync(CancellationToken cancellationToken)
    {
        var id = await RunAsync(["/usr/bin/id", "-u"], cancellationToken);
        return id.ExitCode == 0 && id.Output.Trim() == "0";
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string[] command, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(command[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in command.Skip(1))
            start.ArgumentList.Add(argument);
        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        start.Environment["NEEDRESTART_MODE"] = "a";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {command[0]}");
        process.StandardInput.Close();
        var output = new StringBuilder();
        var stdout = PumpAsync(process.StandardOutput, output);
        var stderr = PumpAsync(process.StandardError, output);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        await Task.WhenAll(stdout, stderr);
        lock (output)
            return (process.ExitCode, output.ToString());
    }

    private static async Task PumpAsync(StreamReader reader, StringBuilder output)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (output)
                output.AppendLine(line);
        }
    }

    private static string Tail(string text, int lines = 30) => string.Join('\n', text.Split('\n').TakeLast(lines));
}
