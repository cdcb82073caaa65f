using System.Net;
using System.Text;

namespace RaqqaLedger.Api.Tests;

/// <summary>Faults under a running API (issue 13), on each backend: what is stored is answered as stored.</summary>
public abstract partial class LedgerApiContract
{
    /// <summary>Runs SQL on the API's store directly, past the API: the first text on SQLite, the second in the PostgreSQL schema.</summary>
    protected abstract Task ExecuteOnStoreAsync(string sqlite, string postgres);

    private const string BreakViewWritesSqlite =
        "CREATE TRIGGER views_fail BEFORE UPDATE ON view_checkpoints BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END;";

    private const string BreakViewWritesPostgres = """
        CREATE FUNCTION views_fail() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'could not extend file: No space left on device'; END $$;
        CREATE TRIGGER views_fail BEFORE UPDATE ON view_checkpoints FOR EACH ROW EXECUTE FUNCTION views_fail();
        """;

    [Fact]
    public async Task AWriteCommittedWhileTheViewsCannotFollow_IsASuccessNamingItsPositions_SaysTheViewsAreBehind_AndTheViewsCatchUpLater()
    {
        var head = await HeadAsync();
        await ExecuteOnStoreAsync(BreakViewWritesSqlite, BreakViewWritesPostgres);

        var created = await Writer.PostAsync("/articles", new StringContent(NewArticle, Encoding.UTF8, "text/plain"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var result = await JsonAsync(created);
        Assert.Equal(head + 1, result.GetProperty("firstPosition").GetInt64());
        Assert.Equal(await HeadAsync(), result.GetProperty("lastPosition").GetInt64());
        Assert.Equal("behind", Assert.Single(created.Headers.GetValues(ViewsHeader)));
        var id = result.GetProperty("articleId").GetString()!;
        Assert.Equal(HttpStatusCode.NotFound, (await Reader.GetAsync($"/articles/{id}", TestContext.Current.CancellationToken)).StatusCode);

        // The fault cleared, the views follow by themselves: no write needed to wake them.
        await ExecuteOnStoreAsync("DROP TRIGGER views_fail;", "DROP TRIGGER views_fail ON view_checkpoints;");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await Reader.GetAsync($"/articles/{id}", TestContext.Current.CancellationToken)).StatusCode != HttpStatusCode.OK)
        {
            Assert.True(DateTime.UtcNow < deadline, "the views did not catch up within 30 s of the fault clearing");
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
        var next = await Writer.PostAsync("/articles", new StringContent(NewArticle + "\nA later paragraph.", Encoding.UTF8, "text/plain"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, next.StatusCode);
        Assert.False(next.Headers.Contains(ViewsHeader));
    }

    private const string ViewsHeader = "Raqqa-Views";

    /// <summary>Issue 13.9: the costly route is limited per client, and a repeat on the same head is answered from memory.</summary>
    [Fact]
    public async Task AuditVerify_IsLimitedPerClient_AndRepeatsAreCheap()
    {
        await using var api = new LedgerApiFactory(NewStore(), settings: new Dictionary<string, string> { ["Raqqa:ExpensiveLimit"] = "3" });
        var client = api.CreateClient();
        var ct = TestContext.Current.CancellationToken;

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 4; i++)
            answers.Add(await client.GetAsync("/audit/verify", ct));

        Assert.All(answers.Take(3), a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        var texts = await Task.WhenAll(answers.Take(3).Select(a => a.Content.ReadAsStringAsync(ct)));
        Assert.All(texts, t => Assert.Contains("\"ok\":true", t, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.TooManyRequests, answers[3].StatusCode);
        Assert.NotNull(answers[3].Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/claims", ct)).StatusCode); // other reads are not limited
    }
}
