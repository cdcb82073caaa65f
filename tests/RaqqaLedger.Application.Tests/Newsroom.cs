using JasperFx;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Projections;
using Weasel.Core;

// A newsroom's own service, written against Marten alone: the ledger's claim events read into its own
// type by their stored name, folded by its own projection under Marten's async daemon.
namespace Newsroom;

public sealed record ClaimNoted(string ClaimId, string Topic, string? Speaker);

public sealed record ClaimSeen(Guid EventId, long Sequence, string ClaimId);

public sealed class ClaimsSeen
{
    public string Id { get; set; } = "";
    public List<ClaimSeen> Claims { get; set; } = [];
}

public sealed class ClaimsSeenProjection : MultiStreamProjection<ClaimsSeen, string>
{
    public ClaimsSeenProjection() => Identity<IEvent<ClaimNoted>>(_ => "all");

    public void Apply(ClaimsSeen view, IEvent<ClaimNoted> e) => view.Claims.Add(new ClaimSeen(e.Id, e.Sequence, e.Data.ClaimId));
}

public sealed record Memo(string Text);

public static class NewsroomDesk
{
    /// <summary>The newsroom's Marten on the ledger's schema, with the event settings a reader of it keeps, and then its own.</summary>
    private static DocumentStore Open(string connectionString, string schema, Action<StoreOptions> own) => DocumentStore.For(options =>
    {
        options.Connection(connectionString);
        options.DatabaseSchemaName = schema;
        options.Events.DatabaseSchemaName = schema;
        options.Events.StreamIdentity = StreamIdentity.AsString;
        options.Events.MetadataConfig.HeadersEnabled = true;
        options.Events.MapEventType<Memo>("newsroom-memo");
        own(options);
    });

    /// <summary>Runs the daemon until it has seen <paramref name="expected"/> claims, and returns what its projection saw.</summary>
    public static async Task<List<ClaimSeen>> ProjectClaimsAsync(string connectionString, string schema, int expected, TimeSpan timeout)
    {
        using var store = Open(connectionString, schema, options =>
        {
            options.UseSystemTextJsonForSerialization(casing: Casing.CamelCase);
            options.Events.MapEventType<ClaimNoted>("claim-extracted.v1");
            options.Projections.Add<ClaimsSeenProjection>(ProjectionLifecycle.Async);
        });
        // The projection's table before the daemon starts: starting both at once races.
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        using var daemon = await store.BuildProjectionDaemonAsync();
        await daemon.StartAllAsync();
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            await using var session = store.QuerySession();
            var view = await session.LoadAsync<ClaimsSeen>("all");
            if ((view?.Claims.Count ?? 0) >= expected || DateTime.UtcNow > deadline)
            {
                await daemon.StopAllAsync();
                return view?.Claims ?? [];
            }
            await Task.Delay(200);
        }
    }

    /// <summary>An append in Marten's Rich mode that fails on its expected version after taking its sequence numbers; returns the tombstones left.</summary>
    public static async Task<int> FailAnAppendAsync(string connectionString, string schema)
    {
        // Rich appends take their sequence numbers before they write: what leaves tombstones when one fails.
        using var store = Open(connectionString, schema, options => options.Events.AppendMode = EventAppendMode.Rich);
        await using (var session = store.LightweightSession())
        {
            session.Events.Append("newsroom-memos", 1, new Memo("first"));
            await session.SaveChangesAsync();
        }
        await using (var stale = store.LightweightSession())
        {
            stale.Events.Append("newsroom-memos", 1, new Memo("stale"), new Memo("stale too"));
            await Assert.ThrowsAnyAsync<Exception>(() => stale.SaveChangesAsync());
        }
        // Marten writes the tombstones from a background queue: wait for them, a few seconds at most.
        for (var waited = 0; ; waited += 100)
        {
            await using var query = store.QuerySession();
            var tombstones = await query.Events.QueryAllRawEvents().CountAsync(e => e.EventTypeName == "tombstone");
            if (tombstones > 0 || waited >= 10_000)
                return tombstones;
            await Task.Delay(100);
        }
    }
}
