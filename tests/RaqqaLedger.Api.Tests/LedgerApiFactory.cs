using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;
using RaqqaLedger.Testing;

namespace RaqqaLedger.Api.Tests;

/// <summary>The API in-process on a store of its own, with the seeds ingested on first start, as a fresh deployment would be.</summary>
/// <param name="apiKey">The configured key; null to let the API generate one on first start.</param>
/// <param name="logs">Also gets every log entry, at every level.</param>
/// <param name="settings">More configuration, e.g. "Raqqa:WriteLimit".</param>
public sealed class LedgerApiFactory(string store, string? apiKey = LedgerApiFactory.Key, ILoggerProvider? logs = null, IReadOnlyDictionary<string, string>? settings = null)
    : WebApplicationFactory<Program>
{
    public const string Key = "test-key-0123456789";

    public string Store { get; } = store;

    public static string TempSqlite() => SqliteIn(TempFolder());

    /// <summary>A new folder name under the API tests' temporary folder (not yet created).</summary>
    public static string TempFolder() => Path.Combine(Path.GetTempPath(), "raqqa-api-tests", Guid.NewGuid().ToString("N"));

    /// <summary>The SQLite store in <paramref name="folder"/>, as the API's Raqqa:Store setting names it.</summary>
    public static string SqliteIn(string folder) => $"sqlite:{Path.Combine(folder, "ledger.db")}";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Raqqa:Store", Store);
        if (apiKey is not null)
            builder.UseSetting("Raqqa:ApiKey", apiKey);
        builder.UseSetting("Raqqa:SeedsPath", RepoPaths.Seeds);
        builder.UseEnvironment("Production");
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
            builder.UseSetting(name, value);
        if (logs is not null)
            builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
    }

    public HttpClient WriterClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", apiKey ?? Key);
        return client;
    }
}
