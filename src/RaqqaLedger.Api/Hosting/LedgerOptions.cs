using RaqqaLedger.EventStore;

namespace RaqqaLedger.Api.Hosting;

/// <summary>The API's settings, section "Raqqa" (environment: Raqqa__Store, Raqqa__ApiKey, …). Every one has a working default.</summary>
public sealed class LedgerOptions
{
    /// <summary>sqlite:PATH or a PostgreSQL connection string, as for the CLI; RAQQA_STORE also works.</summary>
    public string Store { get; set; } = EventStoreFactory.DefaultSpec;

    /// <summary>The key writes must carry in X-Api-Key. When empty, one is generated on first start and kept in <see cref="ApiKeyFile"/>.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Where a generated key is kept; by default beside the SQLite file, or under data/ for PostgreSQL.</summary>
    public string? ApiKeyFile { get; set; }

    /// <summary>Ingested on first start when the log is empty; empty to skip.</summary>
    public string SeedsPath { get; set; } = "seeds";

    /// <summary>The largest request body accepted; larger ones get 413.</summary>
    public long MaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Writes one client (IP address) may make per <see cref="WriteLimitWindowSeconds"/>; more get 429. 0 for no limit.</summary>
    public int WriteLimit { get; set; } = 60;

    public int WriteLimitWindowSeconds { get; set; } = 60;

    /// <summary>Expensive reads (/audit/verify) one client may make per <see cref="WriteLimitWindowSeconds"/>; more get 429. 0 for no limit.</summary>
    public int ExpensiveLimit { get; set; } = 12;
}
