using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using RaqqaLedger.Storage;

namespace RaqqaLedger.Api.Hosting;

/// <summary>
/// The key every write must carry in X-Api-Key. From configuration; or, on a first start without
/// one, generated, written beside the database readable by its owner only, and printed once.
/// </summary>
public sealed class ApiKeys
{
    public const string Header = "X-Api-Key";
    private readonly byte[] expected;

    public ApiKeys(IOptions<LedgerOptions> options, ILogger<ApiKeys> logger)
    {
        var o = options.Value;
        var key = string.IsNullOrWhiteSpace(o.ApiKey) ? LoadOrCreate(KeyFileFor(o), logger) : o.ApiKey.Trim();
        expected = SHA256.HashData(Encoding.UTF8.GetBytes(key));
    }

    /// <summary>Compares in constant time, over hashes so the key's length leaks nothing either.</summary>
    public bool IsValid(string? presented) =>
        presented is not null && CryptographicOperations.FixedTimeEquals(expected, SHA256.HashData(Encoding.UTF8.GetBytes(presented)));

    private static string KeyFileFor(LedgerOptions o)
    {
        if (!string.IsNullOrWhiteSpace(o.ApiKeyFile))
            return o.ApiKeyFile;
        var spec = EventStoreFactory.Parse(o.Store);
        var folder = spec.Engine == StoreEngine.Sqlite ? Path.GetDirectoryName(Path.GetFullPath(spec.Target))! : Path.GetFullPath("data");
        return Path.Combine(folder, "api-key");
    }

    private static string LoadOrCreate(string path, ILogger logger)
    {
        if (File.Exists(path))
            return File.ReadAllText(path).Trim();
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
            create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var writer = new StreamWriter(path, Encoding.ASCII, create))
            writer.Write(key);
        // Printed once, to the console only (not the log): this is the one time the operator sees it.
        Console.WriteLine($"Generated an API key for writes; it is kept in {path} (owner-only). Send it as {Header}: {key}");
        logger.LogInformation("generated an API key and stored it in {Path}", path);
        return key;
    }

    /// <summary>An endpoint filter: 401 unless the request carries the key.</summary>
    public static RouteHandlerBuilder Require(RouteHandlerBuilder builder) => builder
        .AddEndpointFilter(async (context, next) =>
        {
            var keys = context.HttpContext.RequestServices.GetRequiredService<ApiKeys>();
            if (!keys.IsValid(context.HttpContext.Request.Headers[Header].FirstOrDefault()))
                return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized",
                    detail: $"writes need a valid {Header} header");
            return await next(context);
        })
        .ProducesProblem(StatusCodes.Status401Unauthorized);
}
