using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
namespace RaqqaLedger.Testing;

/// <summary>
/// The built API (raqqa-ledger-api.dll, copied beside the assembly of whoever references the API
/// project) as a child process on a free loopback port, so a browser or a load generator reaches it
/// over real HTTP. By default on a fresh SQLite store, where on first start it ingests the seeds and
/// runs the projections before it listens; it is ready when /health answers.
/// </summary>
public sealed class ApiProcess : IAsyncDisposable
{
    public const string Key = "browser-test-key-0123456789";

    private readonly Process process;
    private readonly StringBuilder output;
    private readonly string directory;

    private ApiProcess(Process process, StringBuilder output, string directory, Uri baseAddress)
    {
        this.process = process;
        this.output = output;
        this.directory = directory;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>CPU time the API process has used so far, user and system.</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            process.Refresh();
            return process.TotalProcessorTime;
        }
    }

    public string Output
    {
        get
        {
            lock (output)
                return output.ToString();
        }
    }

    /// <param name="store">The store to serve (a store spec); null for a fresh SQLite file in a temporary folder.</param>
    /// <param name="settings">More configuration as environment variables, e.g. Raqqa__WriteLimit.</param>
    public static Task<ApiProcess> StartAsync(CancellationToken cancellationToken, string? store = null, IReadOnlyDictionary<string, string>? settings = null) =>
        StartAsync(cancellationToken, store, settings, healthy: true);

    /// <summary>Starts the API and returns once it answers /health at all, healthy or not (a store that is down, say).</summary>
    public static Task<ApiProcess> StartListeningAsync(CancellationToken cancellationToken, string? store = null, IReadOnlyDictionary<string, string>? settings = null) =>
        StartAsync(cancellationToken, store, settings, healthy: false);

    private static async Task<ApiProcess> StartAsync(CancellationToken cancellationToken, string? store, IReadOnlyDictionary<string, string>? settings, bool healthy)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "raqqa-ledger-api.dll");
        if (!File.Exists(dll))
            throw new InvalidOperationException($"{dll} is missing: the test project references the API project, so a build puts it there.");
        var dotnet = DotnetHost();
        for (var attempt = 1; ; attempt++)
        {
            var api = Start(dotnet, dll, FreePort(), store, settings, shellSetup: null);
            try
            {
                await api.WaitUntilAnsweredAsync(TimeSpan.FromSeconds(120), healthy, cancellationToken);
                return api;
            }
            catch (InvalidOperationException) when (attempt < 3 && api.Output.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                await api.DisposeAsync(); // someone took the port between our probe and the API's bind: another port
            }
            catch
            {
                await api.DisposeAsync();
                throw;
            }
        }
    }

    /// <summary>
    /// Starts the API and waits for it to exit, for a start that must fail: its exit code and output, or
    /// null for the code when it was still running after <paramref name="timeout"/> (it is then killed).
    /// </summary>
    /// <param name="shellSetup">Run by bash before the API, e.g. "ulimit -f 0" for a disk that takes no more bytes.</param>
    public static async Task<(int? ExitCode, string Output, string Directory)> RunToExitAsync(IReadOnlyDictionary<string, string> settings,
        string? shellSetup, TimeSpan timeout, CancellationToken cancellationToken, string? directory = null)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "raqqa-ledger-api.dll");
        var api = Start(DotnetHost(), dll, FreePort(), store: null, settings, shellSetup, directory);
        try
        {
            await api.process.WaitForExitAsync(cancellationToken).WaitAsync(timeout, cancellationToken);
            await api.process.WaitForExitAsync(cancellationToken); // and its output read to the end
            return (api.process.ExitCode, api.Output, api.directory);
        }
        catch (TimeoutException)
        {
            api.process.Kill(entireProcessTree: true);
            return (null, api.Output, api.directory);
        }
    }

    private static ApiProcess Start(string dotnet, string dll, int port, string? store, IReadOnlyDictionary<string, string>? settings,
        string? shellSetup, string? directory = null)
    {
        directory ??= Path.Combine(Path.GetTempPath(), "raqqa-api-process", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var baseAddress = new Uri($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo(shellSetup is null ? dotnet : "bash")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (shellSetup is not null)
        {
            foreach (var argument in new[] { "-c", shellSetup + "; exec \"$@\"", "bash", dotnet })
                start.ArgumentList.Add(argument);
        }
        foreach (var argument in new[] { dll, "--urls", baseAddress.ToString().TrimEnd('/') })
            start.ArgumentList.Add(argument);
        start.Environment["Raqqa__Store"] = store ?? $"sqlite:{Path.Combine(directory, "ledger.db")}";
        start.Environment["Raqqa__ApiKey"] = Key;
        start.Environment["Raqqa__SeedsPath"] = RepoPaths.Seeds;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment.Remove("ASPNETCORE_URLS");
        start.Environment.Remove("RAQQA_STORE");
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
            start.Environment[name] = value;

        var output = new StringBuilder();
        var process = new Process { StartInfo = start };
        void Append(object sender, DataReceivedEventArgs e)
        {
            if (e.Data is null)
                return;
            lock (output)
                output.AppendLine(e.Data);
        }
        process.OutputDataReceived += Append;
        process.ErrorDataReceived += Append;
        if (!process.Start())
            throw new InvalidOperationException($"could not start {dotnet} {dll}");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ApiProcess(process, output, directory, baseAddress);
    }

    private async Task WaitUntilAnsweredAsync(TimeSpan timeout, bool healthy, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"the API exited with code {process.ExitCode} before answering /health:\n{Output}");
            try
            {
                using var response = await client.GetAsync(new Uri("/health", UriKind.Relative), cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK || !healthy)
                    return;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // one slow answer while it starts
            }
            if (clock.Elapsed > timeout)
                throw new InvalidOperationException($"the API did not answer /health within {timeout.TotalSeconds} s:\n{Output}");
            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The dotnet host running these tests, so the API runs on the same runtime.</summary>
    private static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host))
            return host;
        if (Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet")
            return self;
        if (Environment.GetEnvironmentVariable("DOTNET_ROOT") is { Length: > 0 } root && File.Exists(Path.Combine(root, "dotnet")))
            return Path.Combine(root, "dotnet");
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "dotnet"))
            .FirstOrDefault(File.Exists);
        return onPath ?? "dotnet";
    }

    /// <summary>SIGKILL, as a crash or an OOM kill would end it: no shutdown code runs.</summary>
    public async Task KillAsync()
    {
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            }
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
        process.Dispose();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // a file still held open: the OS temp cleaner gets it
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
