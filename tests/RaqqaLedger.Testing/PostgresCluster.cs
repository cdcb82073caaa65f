using System.Diagnostics;
using Xunit;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace RaqqaLedger.Testing;

/// <summary>
/// A throwaway PostgreSQL server for one test run: initdb into a temporary folder, start on a free
/// loopback port, stop and delete at the end. Set RAQQA_TEST_POSTGRES to a connection string to use
/// a running server instead. Never skips: if PostgreSQL cannot be started, the tests that need it fail.
/// </summary>
public sealed class PostgresCluster : IAsyncLifetime
{
    private string? directory;
    private string? binDirectory;
    private string? runAs;
    private string? serverOptions;

    public string ConnectionString { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        var external = Environment.GetEnvironmentVariable("RAQQA_TEST_POSTGRES");
        if (!string.IsNullOrWhiteSpace(external))
        {
            ConnectionString = external;
            return;
        }

        binDirectory = FindBinDirectory();
        runAs = Environment.UserName == "root" ? "postgres" : null;
        directory = Path.Combine(Path.GetTempPath(), $"raqqa-pg-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        if (runAs is not null)
            await RunAsync("chown", [$"{runAs}:", directory], asUser: null);

        var data = Path.Combine(directory, "data");
        await RunAsync(Path.Combine(binDirectory, "initdb"),
            ["-D", data, "-U", "raqqa", "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync"], runAs);

        // A port picked by the OS can be taken by someone else before the server binds it: retry.
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort();
            try
            {
                serverOptions = $"-p {port} -k {directory} -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
                await StartServerAsync();
                ConnectionString = $"Host=127.0.0.1;Port={port};Username=raqqa;Database=postgres;Maximum Pool Size=50;Timeout=30;Command Timeout=120";
                break;
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
            }
        }
    }

    private Task StartServerAsync() => RunAsync(Path.Combine(binDirectory!, "pg_ctl"),
        ["-D", Path.Combine(directory!, "data"), "-l", Path.Combine(directory!, "server.log"), "-w", "-t", "60", "-o", serverOptions!, "start"], runAs);

    /// <summary>Stops the server as an outage would, keeping its data; <see cref="StartAgainAsync"/> brings it back on the same port.</summary>
    public Task StopAsync() => serverOptions is null
        ? throw new InvalidOperationException("an external server (RAQQA_TEST_POSTGRES) is not stopped by the tests")
        : RunAsync(Path.Combine(binDirectory!, "pg_ctl"), ["-D", Path.Combine(directory!, "data"), "-m", "fast", "-w", "stop"], runAs);

    public Task StartAgainAsync() => StartServerAsync();

    /// <summary>A fresh, unique schema name, so every test gets its own ledger in the shared server.</summary>
    public static string NewSchema() => $"t_{Guid.NewGuid():N}";

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, connection);
        await cmd.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (directory is null || binDirectory is null)
            return;
        try
        {
            if (File.Exists(Path.Combine(directory, "data", "postmaster.pid"))) // a test may have stopped it
                await RunAsync(Path.Combine(binDirectory, "pg_ctl"), ["-D", Path.Combine(directory, "data"), "-m", "immediate", "-w", "stop"], runAs);
        }
        finally
        {
            try { Directory.Delete(directory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private static string FindBinDirectory()
    {
        var configured = Environment.GetEnvironmentVariable("RAQQA_PG_BIN");
        if (!string.IsNullOrWhiteSpace(configured))
            return configured;
        const string root = "/usr/lib/postgresql";
        var installed = Directory.Exists(root)
            ? Directory.GetDirectories(root)
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")));
        return installed ?? onPath ?? throw new InvalidOperationException(
            "PostgreSQL server binaries (initdb, pg_ctl) were not found under /usr/lib/postgresql/*/bin or on PATH; " +
            "install them or set RAQQA_PG_BIN, or point RAQQA_TEST_POSTGRES at a running server");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments, string? asUser)
    {
        var start = new ProcessStartInfo(asUser is null ? program : "runuser")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asUser is not null)
        {
            foreach (var a in new[] { "-u", asUser, "--", program })
                start.ArgumentList.Add(a);
        }
        foreach (var a in arguments)
            start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{Path.GetFileName(program)} failed ({process.ExitCode}): {await stderr}{await stdout}");
    }
}
