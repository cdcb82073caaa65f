using System.Text.Json;
using RaqqaLedger.Application.Articles;
using RaqqaLedger.Domain.Articles;
using RaqqaLedger.Domain.Events;
using RaqqaLedger.EventStore;
using RaqqaLedger.EventStore.Marten;
using RaqqaLedger.Testing;
using Newsroom;

namespace RaqqaLedger.Application.Tests;

/// <summary>
/// Issue 14: on PostgreSQL the log is Marten's, so a .NET service that uses Marten and knows nothing of
/// the ledger (the Newsroom namespace below: its own event type, its own projection, Marten's async
/// daemon) can project the ledger's claims straight from the schema the ledger writes.
/// </summary>
public sealed class MartenInteropTests(PostgresCluster cluster)
{
    [Fact]
    public async Task AMartenServiceWithItsOwnProjection_SeesEveryClaimTheLedgerWrote_OnceInOrder_AndNoTombstone()
    {
        var schema = PostgresCluster.NewSchema();
        // Before the ledger, another Marten writer used the schema and failed after taking its sequence
        // numbers: Marten filled the gap with tombstone rows, which are not the ledger's.
        var tombstones = await NewsroomDesk.FailAnAppendAsync(cluster.ConnectionString, schema);
        var seeds = Directory.GetFiles(RepoPaths.Seeds, "*.txt").Order(StringComparer.Ordinal)
            .Select(f => new ArticleSubmission(Path.GetFileName(f), File.ReadAllText(f))).ToList();
        var metadata = new EventMetadata("interop", null, "test");
        await using var ledger = await MartenEventStore.OpenAsync(cluster.ConnectionString, schema);
        await new ArticleIngestion(ledger, ArticleReadingOptions.Default).IngestAsync(seeds[..3], metadata);

        var claims = await ClaimsAsync(ledger);
        var seen = await NewsroomDesk.ProjectClaimsAsync(cluster.ConnectionString, schema, claims.Count, TimeSpan.FromSeconds(60));
        // The newsroom migrated the schema for its projection: the ledger still appends, and its guards still hold.
        await new ArticleIngestion(ledger, ArticleReadingOptions.Default).IngestAsync(seeds[3..], metadata);
        var log = await ledger.ReadAllForwardAsync().ToListAsync();
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => cluster.ExecuteAsync($"DELETE FROM {schema}.mt_events"));

        Assert.True(tombstones > 0, "the failed foreign append left no tombstone to test against");
        Assert.Equal(claims.Select(c => c.EventId), seen.Select(s => s.EventId));
        Assert.Equal(claims.Select(c => JsonDocument.Parse(c.Data).RootElement.GetProperty("claimId").GetString()), seen.Select(s => s.ClaimId));
        Assert.True(seen.Zip(seen.Skip(1)).All(p => p.First.Sequence < p.Second.Sequence), "in Marten's order");
        Assert.Equal(log.Count, (await ledger.ReadHeadAsync()).Position);
        Assert.Equal(Enumerable.Range(1, log.Count).Select(p => (long)p), log.Select(e => e.Position));
        Assert.DoesNotContain(log, e => e.Type is "tombstone" or "newsroom-memo");
        Assert.True(log.Count(e => e.Type == "claim-extracted.v1") > claims.Count);
        Assert.True((await ChainVerifier.VerifyAsync(ledger)).Ok);
        Assert.Contains("append-only", refused.Message);
    }

    private static async Task<List<RecordedEvent>> ClaimsAsync(IEventStore store) =>
        await store.ReadAllForwardAsync().Where(e => e.Type == "claim-extracted.v1").ToListAsync();
}
