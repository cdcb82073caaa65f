using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using RaqqaLedger.Testing;

namespace RaqqaLedger.Api.Tests;

/// <summary>The API killed (SIGKILL) in the middle of concurrent writes: every write it acknowledged is in the log, once.</summary>
public sealed class CrashTests
{
    [Fact]
    public async Task KilledDuringConcurrentPosts_EveryAcknowledgedArticleIsThereOnce_AndTheChainHolds()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = LedgerApiFactory.TempSqlite();
        var settings = new Dictionary<string, string> { ["Raqqa__WriteLimit"] = "0", ["Raqqa__SeedsPath"] = "" };
        var acknowledged = new ConcurrentBag<string>();

        await using (var api = await ApiProcess.StartAsync(ct, store, settings))
        {
            using var client = new HttpClient { BaseAddress = api.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
            client.DefaultRequestHeaders.Add("X-Api-Key", ApiProcess.Key);
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var next = 0;
            var writers = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    var n = Interlocked.Increment(ref next);
                    var text = $"Raqqa report number {n}: some {n} fighters left the city on Sunday, a spokesman said.";
                    try
                    {
                        var answer = await client.PostAsync("/articles", new StringContent(text, Encoding.UTF8, "text/plain"), stop.Token);
                        if (answer.StatusCode == HttpStatusCode.Created)
                            acknowledged.Add(JsonDocument.Parse(await answer.Content.ReadAsStringAsync(stop.Token)).RootElement.GetProperty("articleId").GetString()!);
                    }
                    catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
                    {
                        return; // the server is gone: what it answered before is what counts
                    }
                }
            }, CancellationToken.None)).ToList();

            await WaitForAsync(() => acknowledged.Count >= 40, ct);
            await api.KillAsync();
            await stop.CancelAsync();
            await Task.WhenAll(writers);
        }

        await using var again = await ApiProcess.StartAsync(ct, store, settings);
        using var reader = new HttpClient { BaseAddress = again.BaseAddress };
        using var articles = JsonDocument.Parse(await reader.GetStringAsync("/articles", ct));
        var ids = articles.RootElement.EnumerateArray().Select(a => a.GetProperty("id").GetString()!).ToList();
        using var verify = JsonDocument.Parse(await reader.GetStringAsync("/audit/verify", ct));

        Assert.True(verify.RootElement.GetProperty("ok").GetBoolean(), verify.RootElement.ToString());
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(acknowledged, id => Assert.Contains(id, ids));
    }

    private static async Task WaitForAsync(Func<bool> condition, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "not within 60 s");
            await Task.Delay(20, ct);
        }
    }
}
