using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using RaqqaLedger.EventStore;

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
        // Empty means unset (compose passes an unset variable as ""); blank is a mistake, not "no key".
        if (!string.IsNullOrEmpty(o.ApiKey) && string.IsNullOrWhiteSpace(o.ApiKey))
            throw new LedgerStartException("Raqqa:ApiKey is blank: set a key, or leave it unset to have one generated");
        var key = string.IsNullOrEmpty(o.ApiKey) ? LoadOrCreate(KeyFileFor(o), logger) : o.ApiKey.Trim();
        expected = SHA256.HashData(Encoding.UTF8.GetBytes(key));
    }

    /// <summary>Compares in constant time, over hashes so the key's length leaks nothing either. No key is ever empty.</summary>
    public bool IsValid(string? presented) =>
        !string.IsNullOrWhiteSpace(presented) && CryptographicOperations.FixedTimeEquals(expected, SHA256.HashData(Encoding.UTF8.GetBytes(presented)));

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
            return Read(path);
        var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        if (!WriteOnce(path, key))
            return Read(path); // another process starting beside this one wrote its key first
        // Printed once, to the console only (not the log): this is the one time the operator sees it.
        Console.WriteLine($"Generated an API key for writes; it is kept in {path} (owner-only). Send it as {Header}: {key}");
        logger.LogInformation("generated an API key and stored it in {Path}", path);
        return key;
    }

    private static string Read(string path)
    {
        var key = File.ReadAllText(path).Trim();
        return key.Length > 0 ? key
            : throw new LedgerStartException($"the API key file {path} is empty: delete it to have a new key generated, or write a key into it");
    }

    /// <summary>
    /// Writes the key whole or not at all: into a temporary file, flushed to disk, then renamed into place,
    /// so a start that dies mid-write (a full disk, a kill) leaves no empty or partial key to be trusted.
    /// False when the file appeared meanwhile.
    /// </summary>
    private static bool WriteOnce(string path, string key)
    {
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
                create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            using (var file = new FileStream(temporary, create))
            {
                file.Write(Encoding.ASCII.GetBytes(key));
                file.Flush(flushToDisk: true);
            }
            if (File.Exists(path))
                return false;
            File.Move(temporary, path, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(path))
        {
            return false;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            // A full disk surfaces as IOException, a file-size limit as ArgumentOutOfRangeException.
            throw new LedgerStartException($"could not write the generated API key to {path} ({e.Message}): free space or fix the folder's permissions, or set Raqqa:ApiKey");
        }
        finally
        {
            File.Delete(temporary);
        }
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
