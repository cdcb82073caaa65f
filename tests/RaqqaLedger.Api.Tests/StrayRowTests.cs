using System.Net;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using RaqqaLedger.Storage;
using RaqqaLedger.Testing;

namespace RaqqaLedger.Api.Tests;

/// <summary>
/// A row put in the log past the recorded head by someone with database access and the guards dropped
/// (issue 13.3): the API starts, serves and idles (it waits for commits, it does not spin on the row),
/// and /audit/verify names the row's position.
/// </summary>
public sealed class StrayRowTests
{
    [Fact]
    public async Task APIStartedOnALogWithARowPastTheHead_ServesIdles_AndVerifyNamesTheRow()
    {
        var ct = TestContext.Current.CancellationToken;
        var folder = Path.Combine(Path.GetTempPath(), "raqqa-api-tests", Guid.NewGuid().ToString("N"));
        var store = $"sqlite:{Path.Combine(folder, "ledger.db")}";
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
        var folder = Path.Combine(Path.GetTempPath(), "raqqa-api-tests", Guid.NewGuid().ToString("N"));
        await using var api = await ApiProcess.StartAsync(ct, $"sqlite:{Path.Combine(folder, "ledger.db")}");
        var head = await HeadAsync(api, ct);

        await InsertStrayRowAsync(folder, head + 1);

        await AssertIdleAsync(api, ct);
        using var client = new HttpClient { BaseAddress = api.BaseAddress };
        await AssertVerifyNamesAsync(client, head + 1, ct);
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
