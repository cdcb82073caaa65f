using System.Net;
using System.Text;
using System.Text.Json;
using RaqqaLedger.Testing;

namespace RaqqaLedger.Api.Tests;

/// <summary>
/// PostgreSQL down under the API and at its start (issue 13.7), on a server of the test's own (the shared
/// one serves every other test): 503 with Retry-After while it is down, /health naming the store, and
/// recovery without a restart once it is back.
/// </summary>
public sealed class OutageTests
{
    private const string Article = "Raqqa deal: 250 fighters left the city on Sunday, SDF spokesman Talal Silo said.";

    [Fact]
    public async Task PostgresStoppedUnderTheApi_Gives503WithRetryAfter_AndTheApiRecoversWithoutARestart()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var postgres = new PostgresCluster();
        await postgres.InitializeAsync();
        await using var api = await ApiProcess.StartAsync(ct, $"{postgres.ConnectionString};Schema=outage");
        using var client = Client(api);

        await postgres.StopAsync();
        var health = await client.GetAsync("/health", ct);
        var board = await client.GetAsync("/claims", ct);
        var write = await client.PostAsync("/articles", new StringContent(Article, Encoding.UTF8, "text/plain"), ct);

        await AssertUnavailableAsync(health, "store");
        await AssertUnavailableAsync(board);
        await AssertUnavailableAsync(write);

        await postgres.StartAgainAsync();
        await WaitForAsync(async () => (await client.GetAsync("/health", ct)).StatusCode == HttpStatusCode.OK, ct);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/claims", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync("/articles", new StringContent(Article, Encoding.UTF8, "text/plain"), ct)).StatusCode);
    }

    [Fact]
    public async Task AnApiStartedWhilePostgresIsDown_ListensWith503_AndOpensTheStoreOnceItIsBack()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var postgres = new PostgresCluster();
        await postgres.InitializeAsync();
        await postgres.StopAsync();

        await using var api = await ApiProcess.StartListeningAsync(ct, $"{postgres.ConnectionString};Schema=late");
        using var client = Client(api);
        await AssertUnavailableAsync(await client.GetAsync("/health", ct), "store");

        await postgres.StartAgainAsync();
        await WaitForAsync(async () => (await client.GetAsync("/health", ct)).StatusCode == HttpStatusCode.OK, ct);
        var answer = await client.GetAsync("/claims", ct);
        Assert.True(answer.IsSuccessStatusCode, api.Output);
        using var claims = JsonDocument.Parse(await answer.Content.ReadAsStringAsync(ct));
        Assert.NotEmpty(claims.RootElement.GetProperty("topics").EnumerateArray()); // the seeds went in once it could
    }

    private static HttpClient Client(ApiProcess api)
    {
        var client = new HttpClient { BaseAddress = api.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiProcess.Key);
        return client;
    }

    private static async Task AssertUnavailableAsync(HttpResponseMessage response, string? names = null)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{(int)response.StatusCode}: {text}");
        Assert.True(response.Headers.RetryAfter is not null, "no Retry-After");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        if (names is not null)
            Assert.Contains(names, JsonDocument.Parse(text).RootElement.GetProperty("detail").GetString());
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "not within 60 s");
            await Task.Delay(250, ct);
        }
    }
}
