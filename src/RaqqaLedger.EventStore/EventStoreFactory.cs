using Npgsql;
using RaqqaLedger.EventStore.Marten;
using RaqqaLedger.EventStore.Sqlite;

namespace RaqqaLedger.EventStore;

/// <summary>
/// Opens a store from a one-string spec: "sqlite:PATH" (the embedded default; add ";synchronous=normal"
/// to acknowledge commits before they are synced to disk), or a PostgreSQL
/// connection string ("Host=…;Database=…", "postgres:Host=…" or "postgresql://user:pass@host:port/db").
/// A PostgreSQL spec may name the schema with "Schema=NAME" (default "ledger").
/// </summary>
public static class EventStoreFactory
{
    public const string DefaultSpec = "sqlite:data/raqqa-ledger.db";

    public static async Task<GroupCommit.GroupCommitEventStore> OpenAsync(string spec, TimeProvider? clock = null, CancellationToken cancellationToken = default)
    {
        var parsed = Parse(spec);
        return parsed.Engine switch
        {
            StoreEngine.Sqlite => await SqliteEventStore.OpenAsync(parsed.Target, clock, cancellationToken, parsed.Sync),
            _ => await MartenEventStore.OpenAsync(parsed.Target, parsed.Schema ?? MartenEventStore.DefaultSchema, clock, cancellationToken),
        };
    }

    /// <exception cref="ArgumentException">The spec names no store we can open.</exception>
    public static StoreSpec Parse(string spec)
    {
        if (string.IsNullOrWhiteSpace(spec))
            throw new ArgumentException("the store spec is empty; use sqlite:PATH or a PostgreSQL connection string");
        if (spec.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase))
        {
            var path = spec["sqlite:".Length..];
            var sync = SqliteSync.Full;
            // "sqlite:PATH;synchronous=normal" trades the last commits before a power cut for speed.
            if (path.LastIndexOf(";synchronous=", StringComparison.OrdinalIgnoreCase) is var option and >= 0)
            {
                sync = path[(option + ";synchronous=".Length)..].Trim().ToLowerInvariant() switch
                {
                    "full" => SqliteSync.Full,
                    "normal" => SqliteSync.Normal,
                    var other => throw new ArgumentException($"sqlite: synchronous must be full (the default) or normal, not '{other}'"),
                };
                path = path[..option];
            }
            if (path.Length == 0)
                throw new ArgumentException("sqlite: needs a file path, e.g. sqlite:data/raqqa-ledger.db");
            return new StoreSpec(StoreEngine.Sqlite, path, null, sync);
        }
        var text = spec.StartsWith("postgres:", StringComparison.OrdinalIgnoreCase) && !spec.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
            ? spec["postgres:".Length..]
            : spec;
        if (text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
            text = FromUri(text);
        if (!text.Contains('='))
            throw new ArgumentException($"unrecognised store '{Redact(spec)}': use sqlite:PATH or a PostgreSQL connection string such as Host=127.0.0.1;Database=raqqa");
        try
        {
            var builder = new NpgsqlConnectionStringBuilder();
            string? schema = null;
            foreach (var part in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var eq = part.IndexOf('=');
                if (eq <= 0)
                    throw new ArgumentException($"malformed connection string part '{Redact(part)}'");
                var key = part[..eq].Trim();
                if (key.Equals("Schema", StringComparison.OrdinalIgnoreCase))
                    schema = part[(eq + 1)..].Trim();
                else
                    builder[key] = part[(eq + 1)..].Trim();
            }
            return new StoreSpec(StoreEngine.Postgres, builder.ConnectionString, schema);
        }
        catch (Exception e) when (e is ArgumentException or KeyNotFoundException or FormatException)
        {
            throw new ArgumentException($"invalid PostgreSQL connection string: {e.Message}");
        }
    }

    private static string FromUri(string uriText)
    {
        if (!Uri.TryCreate(uriText, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
            throw new ArgumentException("invalid PostgreSQL URI: expected postgresql://user:password@host:port/database");
        var builder = new NpgsqlConnectionStringBuilder { Host = uri.Host, Port = uri.Port > 0 ? uri.Port : 5432 };
        var database = Uri.UnescapeDataString(uri.AbsolutePath.Trim('/'));
        if (database.Length > 0)
            builder.Database = database;
        if (uri.UserInfo.Length > 0)
        {
            var parts = uri.UserInfo.Split(':', 2);
            builder.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length == 2)
                builder.Password = Uri.UnescapeDataString(parts[1]);
        }
        return builder.ConnectionString;
    }

    /// <summary>Keeps passwords out of error messages.</summary>
    private static string Redact(string text) =>
        System.Text.RegularExpressions.Regex.Replace(text, "(?i)(password|pwd)\\s*=[^;]*", "$1=***");
}

public enum StoreEngine { Sqlite, Postgres }

/// <summary>When a SQLite commit is acknowledged: once synced to disk (Full), or once in the write-ahead log (Normal).</summary>
public enum SqliteSync { Full, Normal }

/// <param name="Target">The SQLite file path, or the PostgreSQL connection string.</param>
public sealed record StoreSpec(StoreEngine Engine, string Target, string? Schema, SqliteSync Sync = SqliteSync.Full);
