using System.Net;
using System.Text;
using System.Text.Json;
using RaqqaLedger.Domain.Articles;

namespace RaqqaLedger.Api.Tests;

/// <summary>Keys kept out of the log, the write rate limit and the security headers; on SQLite (none of it depends on the store).</summary>
public sealed class SecurityTests
{
    private static StringContent Text(string text) => new(text, Encoding.UTF8, "text/plain");

    private static async Task<long> HeadAsync(HttpClient client) =>
        JsonDocument.Parse(await client.GetStringAsync("/health")).RootElement.GetProperty("headPosition").GetInt64();

    [Fact]
    public async Task TheConfiguredKey_RightOrWrong_NeverAppearsInTheLog_EvenAtTraceLevel()
    {
        var logs = new CapturedLogs();
        const string wrongKey = "wrong-key-9f8e7d6c5b4a";
        await using var api = new LedgerApiFactory(LedgerApiFactory.TempSqlite(), logs: logs);
        var writer = api.WriterClient();
        var wrong = api.CreateClient();
        wrong.DefaultRequestHeaders.Add("X-Api-Key", wrongKey);

        Assert.Equal(HttpStatusCode.Created, (await writer.PostAsync("/articles", Text("An article about Raqqa, 16 October 2017."))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await writer.PostAsync("/articles", Text(""))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await writer.PostAsync("/projections/claims/rebuild", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.PostAsync("/articles", Text("Another article about Raqqa."))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.PostAsync("/rulesets", Text("version: 9"))).StatusCode);

        Assert.True(logs.Entries.Count > 20, $"only {logs.Entries.Count} log entries were captured");
        Assert.Contains(logs.Entries, e => e.Contains("IngestArticle handled", StringComparison.Ordinal));
        Assert.DoesNotContain(LedgerApiFactory.Key, logs.All, StringComparison.Ordinal);
        Assert.DoesNotContain(wrongKey, logs.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AGeneratedKey_IsNeverLogged_OnFirstStartOrWhenUsed()
    {
        var logs = new CapturedLogs();
        var store = LedgerApiFactory.TempSqlite();
        await using var api = new LedgerApiFactory(store, apiKey: null, logs: logs);
        var client = api.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        var key = (await File.ReadAllTextAsync(Path.Combine(Path.GetDirectoryName(store["sqlite:".Length..])!, "api-key"))).Trim();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);

        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync("/articles", Text("An article about Raqqa, 17 October 2017."))).StatusCode);

        Assert.Contains(logs.Entries, e => e.Contains("generated an API key", StringComparison.Ordinal));
        Assert.DoesNotContain(key, logs.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WritesOverTheLimit_Get429ProblemDetailsWithRetryAfter_WriteNothing_AndReadsAreNotLimited()
    {
        await using var api = new LedgerApiFactory(LedgerApiFactory.TempSqlite(),
            settings: new Dictionary<string, string> { ["Raqqa:WriteLimit"] = "3", ["Raqqa:WriteLimitWindowSeconds"] = "60" });
        var writer = api.WriterClient();
        var reader = api.CreateClient();
        string Article(int i) => $"Article {i} about Raqqa.\n\n16 October 2017\n\nThe SDF said {i} fighters had left the city.";

        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.Created, (await writer.PostAsync("/articles", Text(Article(i)))).StatusCode);
        var head = await HeadAsync(reader);
        var refused = await writer.PostAsync("/articles", Text(Article(3)));
        var refusedWithoutKey = await reader.PostAsync("/articles", Text(Article(3)));
        for (var i = 0; i < 20; i++)
            Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/claims?asOf=2017-10-16")).StatusCode);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.Contains("at most 3 writes per 60 s", problem.GetProperty("detail").GetString());
        var retryAfter = refused.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value.TotalSeconds, 1, 60);
        Assert.Equal(HttpStatusCode.TooManyRequests, refusedWithoutKey.StatusCode);
        Assert.Equal(head, await HeadAsync(reader));

        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/articles/{ArticleText.IdOf(Article(3))}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/articles/{ArticleText.IdOf(Article(2))}")).StatusCode);
    }

    [Theory]
    [InlineData("/", HttpStatusCode.OK)]
    [InlineData("/index.html", HttpStatusCode.OK)]
    [InlineData("/claims?asOf=2017-10-15", HttpStatusCode.OK)]
    [InlineData("/claims?asOf=2017-02-30", HttpStatusCode.BadRequest)]
    [InlineData("/articles/0123456789abcdef", HttpStatusCode.NotFound)]
    [InlineData("/no/such/route", HttpStatusCode.NotFound)]
    [InlineData("POST /articles", HttpStatusCode.Unauthorized)]
    [InlineData("POST /articles with the key and no text", HttpStatusCode.BadRequest)]
    public async Task ThePageAndEveryAnswer_CarryTheSecurityHeaders(string what, HttpStatusCode status)
    {
        await using var api = new LedgerApiFactory(LedgerApiFactory.TempSqlite());
        var response = what.StartsWith("POST", StringComparison.Ordinal)
            ? await (what.Contains("with the key", StringComparison.Ordinal) ? api.WriterClient() : api.CreateClient()).PostAsync("/articles", Text(""))
            : await api.CreateClient().GetAsync(what);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'self'", csp);
        Assert.Contains("script-src 'self'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
    }
}
