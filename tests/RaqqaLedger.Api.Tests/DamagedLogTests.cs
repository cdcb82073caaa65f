using System.Net;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using RaqqaLedger.EventStore;
using RaqqaLedger.Testing;

namespace RaqqaLedger.Api.Tests;

/// <summary>
/// A log damaged by someone with database access and the guards dropped: a row put past the recorded
/// head (issue 13.3), a payload that is not JSON (13.8). The API starts, serves what it can and idles
/// (it waits for commits, it does not spin), and /audit/verify names the damaged position.
/// </summary>
public sealed class DamagedLogTests
{
    [Fact]
    public async Task APIStartedOnALogWithARowPastTheHead_ServesIdles_AndVerifyNamesTheRow()
    {
        var ct = TestContext.Current.CancellationToken;
        var folder = LedgerApiFactory.TempFolder();
        var store = LedgerApiFactory.SqliteIn(folder);
        long head;
        await using (var first = await ApiProcess.StartAsync(ct, store))
            head = await HeadAsync(first, ct);
        await InsertStrayRowAsync(folder, head + 1);

        await using var api = await ApiProcess.StartAsync(ct, store);

        await AssertIdleAsync(api, ct);
        using var client = new HttpClient { BaseAddress = api.BaseAddress };
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/claims", ct)).StatusCode);
        await AssertVerifyNamesAsync(client, head + 1, ct);
    }

    [Fact]
    public async Task ARowPutPastTheHeadWhileTheAPIRuns_DoesNotSetItsFollowerSpinning()
    {
        var ct = TestContext.Current.CancellationToken;
        var folder = LedgerApiFactory.TempFolder();
        await using var api = await ApiProcess.StartAsync(ct, LedgerApiFactory.SqliteIn(folder));
        var head = await HeadAsync(api, ct);

        await InsertStrayRowAsync(folder, head + 1);

        await AssertIdleAsync(api, ct);
        using var client = new HttpClient { BaseAddress = api.BaseAddress };
        await AssertVerifyNamesAsync(client, head + 1, ct);
    }

    [Fact]
    public async Task APIStartedOnALogWithAPayloadThatIsNotJson_ServesTheRest_SaysWhatItSkipped_AndVerifyNamesIt()
    {
        var ct = TestContext.Current.CancellationToken;
        var folder = LedgerApiFactory.TempFolder();
        var path = Path.Combine(folder, "ledger.db");
        long head, damaged;
        await using (var first = await ApiProcess.StartAsync(ct, $"sqlite:{path}"))
            head = await HeadAsync(first, ct);
        await using (var connection = new SqliteConnection($"Data Source={path};Pooling=false"))
        {
            await connection.OpenAsync(ct);
            await using var find = new SqliteCommand("SELECT MIN(position) FROM events WHERE type LIKE 'claim-extracted.%'", connection);
            damaged = (long)(await find.ExecuteScalarAsync(ct))!;
        }
        // The payload edited into something that is not JSON, and the views dropped so the start reads the whole log again.
        await LogGuards.ExecuteSqliteAsync(path, LogGuards.RemoveSqlite);
        await LogGuards.ExecuteSqliteAsync(path, $"UPDATE events SET data = 'not json {{' WHERE position = {damaged};"
            + " DROP TABLE view_checkpoints; DROP TABLE view_articles; DROP TABLE view_article_bands; DROP TABLE view_claims; DROP TABLE view_claim_articles; DROP TABLE view_rule_status;");
        SqliteConnection.ClearAllPools();

        await using var api = await ApiProcess.StartAsync(ct, $"sqlite:{path}");

        using var client = new HttpClient { BaseAddress = api.BaseAddress };
        using var board = JsonDocument.Parse(await client.GetStringAsync("/claims", ct));
        Assert.NotEmpty(board.RootElement.GetProperty("topics").EnumerateArray().SelectMany(t => t.GetProperty("claims").EnumerateArray()));
        using var health = JsonDocument.Parse(await client.GetStringAsync("/health", ct));
        Assert.Equal(head, health.RootElement.GetProperty("headPosition").GetInt64());
        Assert.Contains(damaged, health.RootElement.GetProperty("skippedPositions").EnumerateArray().Select(p => p.GetInt64()));
        await AssertVerifyNamesAsync(client, damaged, ct);
        await AssertIdleAsync(api, ct);
    }

    private static async Task InsertStrayRowAsync(string folder, long position)
    {
        var path = Path.Combine(folder, "ledger.db");
        await LogGuards.ExecuteSqliteAsync(path, LogGuards.RemoveSqlite);
        await LogGuards.ExecuteSqliteAsync(path,
            "INSERT INTO events (position, stream_id, stream_version, event_id, type, data, metadata, recorded_at, hash) " +
            $"VALUES ({position}, 'intruder', 0, '{Guid.NewGuid():D}', 'thing-happened.v1', '{{}}', '{{}}', '{HashChain.FormatTime(DateTimeOffset.UtcNow)}', zeroblob(32))");
        SqliteConnection.ClearAllPools();
    }

    private static async Task<long> HeadAsync(ApiProcess api, CancellationToken ct)
    {
        using var client = new HttpClient { BaseAddress = api.BaseAddress };
        using var health = JsonDocument.Parse(await client.GetStringAsync("/health", ct));
        return health.RootElement.GetProperty("headPosition").GetInt64();
    }

    /// <summary>Over two quiet seconds the process uses well under a core: it waits rather than re-reading the row.</summary>
    private static async Task AssertIdleAsync(ApiProcess api, CancellationToken ct)
    {
        await Task.Delay(TimeSpan.FromSeconds(3), ct); // the start's own work (JIT tiering) settles
        var before = api.ProcessorTime;
        await Task.Delay(TimeSpan.FromSeconds(2), ct);
        var used = api.ProcessorTime - before;
        Assert.True(used < TimeSpan.FromSeconds(0.5), $"the API used {used.TotalSeconds:F2} s of CPU in 2 idle seconds");
    }

    private static async Task AssertVerifyNamesAsync(HttpClient client, long position, CancellationToken ct)
    {
        var answer = await client.GetAsync("/audit/verify", ct);
        var text = await answer.Content.ReadAsStringAsync(ct);
        Assert.True(answer.StatusCode == HttpStatusCode.OK, text);
        using var verify = JsonDocument.Parse(text);
        Assert.False(verify.RootElement.GetProperty("ok").GetBoolean());
        Assert.Equal(position, verify.RootElement.GetProperty("firstBadPosition").GetInt64());
    }
}
