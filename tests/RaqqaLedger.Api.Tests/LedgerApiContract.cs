using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using RaqqaLedger.Testing;

namespace RaqqaLedger.Api.Tests;

/// <summary>The REST API against a real store, through the whole ASP.NET Core pipeline; run once per backend.</summary>
public abstract partial class LedgerApiContract : IAsyncLifetime
{
    private LedgerApiFactory? factory;

    protected abstract string NewStore();

    protected LedgerApiFactory Factory => factory ??= new LedgerApiFactory(NewStore());

    protected HttpClient Reader => Factory.CreateClient();

    protected HttpClient Writer => Factory.WriterClient();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (factory is not null)
            await factory.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    protected static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    protected async Task<JsonElement> GetJsonAsync(string url) => await JsonAsync(await Reader.GetAsync(url));

    protected async Task<long> HeadAsync() => (await GetJsonAsync("/health")).GetProperty("headPosition").GetInt64();

    /// <summary>An RFC 9457 problem with this status, and the log head where it was.</summary>
    protected async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, long head, string? detail = null)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        if (detail is not null)
            Assert.Contains(detail, problem.GetProperty("detail").GetString());
        Assert.Equal(head, await HeadAsync());
    }

    private static StringContent Text(string text) => new(text, Encoding.UTF8, "text/plain");

    private const string NewArticle = """
        SDF says foreign fighters stayed in Raqqa

        16 October 2017

        Kurdish-led fighters said on Monday that 400 foreign fighters had not left the city, a spokesman for the SDF said.
        Mostafa Bali, the SDF spokesman, said no foreign fighters had left Raqqa under the deal.
        """;

    [Fact]
    public async Task Claims_AsOfThe15th_ForeignFightersDeparted_IsDisputed_AlloushTrue_BaliFalse()
    {
        var board = await GetJsonAsync("/claims?asOf=2017-10-15&topic=foreign_fighters.departed");

        var topic = Assert.Single(board.GetProperty("topics").EnumerateArray());
        Assert.Equal("disputed", topic.GetProperty("status").GetString());
        var claims = topic.GetProperty("claims").EnumerateArray().ToList();
        Assert.Contains(claims, c => c.GetProperty("speaker").GetString() == "Omar Alloush" && c.GetProperty("value").GetBoolean());
        Assert.Contains(claims, c => c.GetProperty("speaker").GetString() == "Mostafa Bali" && !c.GetProperty("value").GetBoolean());
        Assert.All(claims, c => Assert.Equal("2017-10-15", c.GetProperty("published").GetString()));
    }

    [Fact]
    public async Task PostArticle_WithoutAKey_Is401_AndTheHeadIsUnchanged_WithTheKey_201_AndTheBoardShowsItsClaims()
    {
        var head = await HeadAsync();

        await AssertProblemAsync(await Reader.PostAsync("/articles", Text(NewArticle)), HttpStatusCode.Unauthorized, head);
        var wrong = Factory.CreateClient();
        wrong.DefaultRequestHeaders.Add("X-Api-Key", "not-the-key");
        await AssertProblemAsync(await wrong.PostAsync("/articles", Text(NewArticle)), HttpStatusCode.Unauthorized, head);

        var created = await Writer.PostAsync("/articles", Text(NewArticle));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var result = await JsonAsync(created);
        var id = result.GetProperty("articleId").GetString()!;
        Assert.Equal("new", result.GetProperty("status").GetString());
        Assert.Equal(head + 1, result.GetProperty("firstPosition").GetInt64());
        Assert.Equal(await HeadAsync(), result.GetProperty("lastPosition").GetInt64());
        Assert.Equal($"/articles/{id}", created.Headers.Location?.OriginalString);

        var board = await GetJsonAsync("/claims");
        var fromIt = board.GetProperty("topics").EnumerateArray().SelectMany(t => t.GetProperty("claims").EnumerateArray())
            .Where(c => c.GetProperty("articleId").GetString() == id).ToList();
        Assert.Equal(result.GetProperty("claims").GetInt32(), fromIt.Count);
        Assert.Contains(fromIt, c => c.GetProperty("topic").GetString() == "foreign_fighters.departed" && !c.GetProperty("value").GetBoolean());

        var again = await Writer.PostAsync("/articles", Text(NewArticle));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("present", (await JsonAsync(again)).GetProperty("status").GetString());
        var article = await GetJsonAsync($"/articles/{id}");
        Assert.Equal("2017-10-16", article.GetProperty("published").GetString());
        Assert.Equal(fromIt.Count, article.GetProperty("claims").GetArrayLength());
    }

    /// <summary>Issue 15: the board read after a write comes from the kept indexes brought forward, and the API says what they hold.</summary>
    [Fact]
    public async Task AfterAWrite_TheKeptIndexesAreBroughtForward_AndReported()
    {
        await GetJsonAsync("/claims");
        var before = await GetJsonAsync("/projections/indexes");

        Assert.Equal(HttpStatusCode.Created, (await Writer.PostAsync("/articles", Text(NewArticle))).StatusCode);
        var board = await GetJsonAsync("/claims");
        var after = await GetJsonAsync("/projections/indexes");

        Assert.Contains(board.GetProperty("topics").EnumerateArray(), t => t.GetProperty("claims").EnumerateArray()
            .Any(c => c.GetProperty("quote").GetString()!.Contains("foreign fighters", StringComparison.OrdinalIgnoreCase) && c.GetProperty("recordedFrom").GetInt64() > before.GetProperty("headPosition").GetInt64()));
        Assert.Equal(await HeadAsync(), after.GetProperty("headPosition").GetInt64());
        Assert.True(after.GetProperty("broughtForward").GetInt64() > before.GetProperty("broughtForward").GetInt64());
        Assert.True(after.GetProperty("headTopics").GetInt32() > 0);
        Assert.True(after.GetProperty("approximateBytes").GetInt64() > 0);
    }

    [Fact]
    public async Task PostArticle_AsAJsonEnvelope_KeepsItsFields()
    {
        var envelope = JsonSerializer.Serialize(new { text = NewArticle, title = "SDF: no foreigners left", outlet = "DW", publishedAt = "2017-10-17" });

        var result = await JsonAsync(await Writer.PostAsync("/articles", new StringContent(envelope, Encoding.UTF8, "application/json")));

        var article = await GetJsonAsync($"/articles/{result.GetProperty("articleId").GetString()}");
        Assert.Equal(("SDF: no foreigners left", "DW", "2017-10-17"),
            (article.GetProperty("title").GetString(), article.GetProperty("outlet").GetString(), article.GetProperty("published").GetString()));
    }

    [Fact]
    public async Task Timeline_Shows275_AsLeftBySdfVia003_AndAsSurrenderingBySdfVia004()
    {
        var timeline = (await GetJsonAsync("/timeline")).EnumerateArray().ToDictionary(t => t.GetProperty("topic").GetString()!);

        IEnumerable<JsonElement> Entries(string topic) => timeline[topic].GetProperty("days").EnumerateArray()
            .SelectMany(d => d.GetProperty("entries").EnumerateArray()).Concat(timeline[topic].GetProperty("undated").EnumerateArray());
        Assert.Contains(Entries("fighters.departed.count"), e => e.GetProperty("speaker").GetString() == "SDF" && e.GetProperty("source").GetString()!.StartsWith("003", StringComparison.Ordinal));
        Assert.Contains(Entries("fighters.surrendered.count"), e => e.GetProperty("speaker").GetString() == "SDF" && e.GetProperty("source").GetString()!.StartsWith("004", StringComparison.Ordinal));
    }

    /// <summary>Follows a listing's 'next' cursors to its end: every item, and how many pages it took.</summary>
    private async Task<(List<JsonElement> Items, int Pages)> AllPagesAsync(string url, Func<JsonElement, JsonElement> listing, string items)
    {
        var all = new List<JsonElement>();
        for (var (pages, next) = (1, (string?)null); ; pages++)
        {
            var page = listing(await GetJsonAsync(next is null ? url : $"{url}&after={next}"));
            all.AddRange(page.GetProperty(items).EnumerateArray());
            Assert.True(page.GetProperty("count").GetInt32() >= all.Count);
            if (page.GetProperty("next").ValueKind == JsonValueKind.Null)
            {
                Assert.Equal(page.GetProperty("count").GetInt32(), all.Count);
                return (all, pages);
            }
            next = page.GetProperty("next").GetString();
        }
    }

    private static List<string> ClaimIds(IEnumerable<JsonElement> claims) => [.. claims.Select(c => c.GetProperty("claimId").GetString()!)];

    [Fact]
    public async Task TheBoard_ComesAPageAtATime_AndTheCursorsKeepToThePositionOfTheFirstPage_WhileArticlesArrive()
    {
        const string topic = "foreign_fighters.departed";
        var whole = Assert.Single((await GetJsonAsync($"/claims?topic={topic}&limit=1000")).GetProperty("topics").EnumerateArray());
        var wholeIds = ClaimIds(whole.GetProperty("claims").EnumerateArray());
        Assert.True(wholeIds.Count >= 3, $"the seeds give {wholeIds.Count} claims on {topic}");

        var first = Assert.Single((await GetJsonAsync($"/claims?topic={topic}&limit=2")).GetProperty("topics").EnumerateArray());
        Assert.Equal(wholeIds.Take(2), ClaimIds(first.GetProperty("claims").EnumerateArray()));
        Assert.Equal(wholeIds.Count, first.GetProperty("count").GetInt32());

        // An article arrives between pages: the next pages still read the ledger as the first did.
        Assert.Equal(HttpStatusCode.Created, (await Writer.PostAsync("/articles", Text(NewArticle))).StatusCode);
        var rest = new List<string>();
        for (var next = first.GetProperty("next").GetString(); next is not null;)
        {
            var page = Assert.Single((await GetJsonAsync($"/claims?topic={topic}&limit=2&after={next}")).GetProperty("topics").EnumerateArray());
            rest.AddRange(ClaimIds(page.GetProperty("claims").EnumerateArray()));
            next = page.GetProperty("next").ValueKind == JsonValueKind.Null ? null : page.GetProperty("next").GetString();
        }
        Assert.Equal(wholeIds.Skip(2), rest);
        Assert.True((await GetJsonAsync($"/claims?topic={topic}")).GetProperty("topics")[0].GetProperty("count").GetInt32() > wholeIds.Count);
    }

    [Fact]
    public async Task EveryListingOfTheBoardAndTheTimeline_JoinedUpPageByPage_IsTheWholeListing()
    {
        var board = await GetJsonAsync("/claims?asOf=2017-10-20&limit=1000");
        foreach (var topic in board.GetProperty("topics").EnumerateArray())
        {
            var name = topic.GetProperty("topic").GetString();
            var (paged, pages) = await AllPagesAsync($"/claims?asOf=2017-10-20&topic={name}&limit=1", b => b.GetProperty("topics")[0], "claims");
            Assert.Equal(ClaimIds(topic.GetProperty("claims").EnumerateArray()), ClaimIds(paged));
            Assert.Equal(Math.Max(1, paged.Count), pages);
        }

        var timeline = await GetJsonAsync("/timeline?limit=1000");
        Assert.NotEmpty(timeline.EnumerateArray());
        foreach (var topic in timeline.EnumerateArray())
        {
            static IEnumerable<JsonElement> Entries(JsonElement t) =>
                t.GetProperty("days").EnumerateArray().SelectMany(d => d.GetProperty("entries").EnumerateArray()).Concat(t.GetProperty("undated").EnumerateArray());
            var name = topic.GetProperty("topic").GetString();
            var paged = new List<JsonElement>();
            for (var next = (string?)null; ;)
            {
                var page = Assert.Single((await GetJsonAsync($"/timeline?topic={name}&limit=2{(next is null ? "" : $"&after={next}")}")).EnumerateArray());
                paged.AddRange(Entries(page));
                if (page.GetProperty("next").ValueKind == JsonValueKind.Null)
                    break;
                next = page.GetProperty("next").GetString();
            }
            static string Shifts(JsonElement e) => $"{e.GetProperty("claimId")} {e.GetProperty("shifts")} {e.GetProperty("contradictsClaimId")} {e.GetProperty("repeatsClaimId")}";
            Assert.Equal(Entries(topic).Select(Shifts), paged.Select(Shifts));
        }
    }

    [Fact]
    public async Task WhoSaidWhat_PageByPage_IsTheWholeListing_AndItsCursorsStayWithIt()
    {
        var whole = await GetJsonAsync("/speakers?limit=1000");
        Assert.NotEmpty(whole.EnumerateArray());
        static string Said(JsonElement s) => $"{s.GetProperty("claimId")} {s.GetProperty("value")}";
        foreach (var speaker in whole.EnumerateArray())
        {
            var name = speaker.GetProperty("speaker").GetString()!;
            var one = Assert.Single((await GetJsonAsync($"/speakers?speaker={Uri.EscapeDataString(name.ToUpperInvariant())}&limit=1")).EnumerateArray());
            foreach (var (topic, first) in speaker.GetProperty("topics").EnumerateArray().Zip(one.GetProperty("topics").EnumerateArray()))
            {
                var statements = first.GetProperty("statements").EnumerateArray().ToList();
                var changes = first.GetProperty("positionChanges").GetArrayLength();
                for (var next = first.GetProperty("next").GetString(); next is not null;)
                {
                    var page = Assert.Single(Assert.Single((await GetJsonAsync($"/speakers?limit=1&after={next}")).EnumerateArray()).GetProperty("topics").EnumerateArray());
                    statements.AddRange(page.GetProperty("statements").EnumerateArray());
                    changes += page.GetProperty("positionChanges").GetArrayLength();
                    next = page.GetProperty("next").GetString();
                }
                Assert.Equal(topic.GetProperty("count").GetInt32(), first.GetProperty("count").GetInt32());
                Assert.Equal(topic.GetProperty("statements").EnumerateArray().Select(Said), statements.Select(Said));
                Assert.Equal(topic.GetProperty("positionChanges").GetArrayLength(), changes);
            }
        }

        // A speaker's cursor is not a board's or a timeline's, nor the other way round.
        var (who, what) = whole.EnumerateArray().SelectMany(s => s.GetProperty("topics").EnumerateArray().Select(t => (Speaker: s.GetProperty("speaker").GetString(), Topic: t)))
            .First(l => l.Topic.GetProperty("count").GetInt32() > 1);
        var speakerNext = (await GetJsonAsync($"/speakers?speaker={Uri.EscapeDataString(who!)}&topic={what.GetProperty("topic")}&limit=1"))[0]
            .GetProperty("topics")[0].GetProperty("next").GetString();
        var timelineNext = Assert.Single((await GetJsonAsync($"/timeline?topic={what.GetProperty("topic")}&limit=1")).EnumerateArray()).GetProperty("next").GetString();
        var head = await HeadAsync();
        await AssertProblemAsync(await Reader.GetAsync($"/timeline?after={speakerNext}"), HttpStatusCode.BadRequest, head, "speaker's statements");
        await AssertProblemAsync(await Reader.GetAsync($"/claims?after={speakerNext}"), HttpStatusCode.BadRequest, head, "speaker's statements");
        await AssertProblemAsync(await Reader.GetAsync($"/speakers?after={timelineNext}"), HttpStatusCode.BadRequest, head, "not a speaker's statements");
        await AssertProblemAsync(await Reader.GetAsync($"/speakers?limit=0"), HttpStatusCode.BadRequest, head, "limit");
    }

    [Fact]
    public async Task ACursor_IsRefused_ForAnotherTopic_OrAnotherRecordedTime()
    {
        var page = (await GetJsonAsync("/claims?topic=foreign_fighters.departed&limit=1")).GetProperty("topics")[0];
        var next = page.GetProperty("next").GetString();
        var head = await HeadAsync();

        await AssertProblemAsync(await Reader.GetAsync($"/claims?topic=civilians.trapped.count&after={next}"), HttpStatusCode.BadRequest, head, "continues topic");
        await AssertProblemAsync(await Reader.GetAsync($"/claims?recordedAsOf=1&after={next}"), HttpStatusCode.BadRequest, head, "read at position");
    }

    [Fact]
    public async Task Events_ArePaged_AndStreamsReadable()
    {
        var first = await GetJsonAsync("/events?limit=10");
        var second = await GetJsonAsync($"/events?from={first.GetProperty("next").GetInt64()}&limit=10");
        var last = await GetJsonAsync($"/events?from={await HeadAsync()}");

        Assert.Equal(Enumerable.Range(1, 10), first.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("position").GetInt32()));
        Assert.Equal(11, second.GetProperty("events")[0].GetProperty("position").GetInt32());
        Assert.Equal(JsonValueKind.Null, last.GetProperty("next").ValueKind);
        var article = first.GetProperty("events").EnumerateArray().First(e => e.GetProperty("type").GetString() == "article-ingested.v2");
        var stream = await GetJsonAsync($"/streams/{article.GetProperty("streamId").GetString()}");
        Assert.Equal(article.GetProperty("hash").GetString(), Assert.Single(stream.GetProperty("events").EnumerateArray()).GetProperty("hash").GetString());
    }

    [Fact]
    public async Task RuleSets_PublishingNeedsTheKey_ThenRevisesClaims_AndAClaimsHistoryShowsEveryVersion()
    {
        var rules = RuleSetText.NextVersion(File.ReadAllText(Path.Combine(RepoPaths.Root, "rules", "raqqa-claims.yaml")))
            .Replace("approx: [around, about,", "approx: [about,");
        var head = await HeadAsync();
        await AssertProblemAsync(await Reader.PostAsync("/rulesets", new StringContent(rules)), HttpStatusCode.Unauthorized, head);

        var published = await Writer.PostAsync("/rulesets?source=v2.yaml", new StringContent(rules, Encoding.UTF8, "application/yaml"));
        var again = await Writer.PostAsync("/rulesets", new StringContent(rules, Encoding.UTF8, "application/yaml"));

        Assert.Equal(HttpStatusCode.Created, published.StatusCode);
        var outcome = await JsonAsync(published);
        // Without "around" as a hedge, "around 275", "around 100" and the three "around 90 percent" are read as exact.
        var bundled = RaqqaLedger.Extraction.Rules.RuleSetCompiler.Compile(File.ReadAllText(Path.Combine(RepoPaths.Root, "rules", "raqqa-claims.yaml")), "bundled").Version;
        Assert.Equal((bundled + 1, 5, 0), (outcome.GetProperty("version").GetInt32(), outcome.GetProperty("revised").GetInt32(), outcome.GetProperty("retracted").GetInt32()));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var list = (await GetJsonAsync("/rulesets")).EnumerateArray().ToList();
        Assert.Equal([false, true], list.Select(r => r.GetProperty("inEffect").GetBoolean()));

        var revised = (await GetJsonAsync("/timeline")).EnumerateArray()
            .SelectMany(t => t.GetProperty("days").EnumerateArray().SelectMany(d => d.GetProperty("entries").EnumerateArray()).Concat(t.GetProperty("undated").EnumerateArray()))
            .First(e => e.GetProperty("change").GetString() == "revised");
        var history = await GetJsonAsync($"/claims/{revised.GetProperty("claimId").GetString()}/history");
        Assert.Equal(["extracted", "revised"], history.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("change").GetString()));
        Assert.Equal(["claim-extracted.v1", "claim-revised.v1"], history.GetProperty("events").EnumerateArray().Select(v => v.GetProperty("type").GetString()));
    }

    [Fact]
    public async Task Projections_AreListed_AndRebuiltOnRequest()
    {
        var head = await HeadAsync();
        await AssertProblemAsync(await Reader.PostAsync("/projections/claims/rebuild", null), HttpStatusCode.Unauthorized, head);
        await AssertProblemAsync(await Writer.PostAsync("/projections/nonsense/rebuild", null), HttpStatusCode.NotFound, head);

        var rebuilt = await JsonAsync(await Writer.PostAsync("/projections/claims/rebuild", null));
        var list = (await GetJsonAsync("/projections")).EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!);

        Assert.Equal(head, rebuilt.GetProperty("position").GetInt64());
        Assert.Equal(("live", 0L, 2), (list["claims"].GetProperty("state").GetString(), list["claims"].GetProperty("lag").GetInt64(), list["claims"].GetProperty("generation").GetInt32()));
        Assert.Equal("live", list["articles"].GetProperty("state").GetString());
    }

    [Fact]
    public async Task AuditVerify_GivesTheHead_AndReportComesAsMarkdownOrCsv()
    {
        var verify = await GetJsonAsync("/audit/verify");
        var md = await Reader.GetAsync("/report?format=md");
        var csv = await Reader.GetAsync("/report?format=csv&from=2017-10-15&to=2017-10-15");

        Assert.True(verify.GetProperty("ok").GetBoolean());
        Assert.Equal(await HeadAsync(), verify.GetProperty("headPosition").GetInt64());
        Assert.Equal("text/markdown", md.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("# How the story changed", await md.Content.ReadAsStringAsync());
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("day,topic,shifts", await csv.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AuditDigest_IsTheHeadsPositionHashAndCommitTime_OpenToRead_AndAKeptOneStillVerifiesAfterTheLogGrew()
    {
        var response = await Reader.GetAsync("/audit/digest");
        var kept = await JsonAsync(response);
        var health = await GetJsonAsync("/health");
        var head = health.GetProperty("headPosition").GetInt64();
        var last = (await GetJsonAsync($"/events?from={head}&limit=1")).GetProperty("events")[0];

        Assert.Equal(head, kept.GetProperty("position").GetInt64());
        Assert.Equal(health.GetProperty("headHash").GetString(), kept.GetProperty("hash").GetString());
        Assert.Equal(last.GetProperty("hash").GetString(), kept.GetProperty("hash").GetString());
        Assert.Equal(last.GetProperty("recordedAt").GetString(), kept.GetProperty("recordedAt").GetString());
        Assert.Equal($"{head}:{last.GetProperty("hash").GetString()}", kept.GetProperty("digest").GetString());
        Assert.Matches("^[0-9]+:[0-9a-f]{64}$", kept.GetProperty("digest").GetString());

        Assert.Equal(HttpStatusCode.Created, (await Writer.PostAsync("/articles", Text(NewArticle))).StatusCode);
        var later = await GetJsonAsync("/audit/digest");

        Assert.True(later.GetProperty("position").GetInt64() > head);
        await using var store = await RaqqaLedger.EventStore.EventStoreFactory.OpenAsync(Factory.Store);
        var sinceKept = await RaqqaLedger.EventStore.ChainVerifier.VerifyAsync(store, RaqqaLedger.EventStore.LogDigest.Parse(kept.GetProperty("digest").GetString()!));
        Assert.True(sinceKept.Ok, sinceKept.Problem);
        Assert.Equal(later.GetProperty("position").GetInt64(), sinceKept.HeadPosition);
    }

    [Fact]
    public async Task TheOpenApiDocument_DescribesEveryRoute_WithItsErrors_AndSwaggerUiServesIt()
    {
        var document = await GetJsonAsync("/openapi/v1.json");
        var paths = document.GetProperty("paths");

        string[] expected =
        [
            "post /articles", "get /articles", "get /articles/{id}", "get /claims", "get /claims/{id}/history", "get /timeline", "get /speakers",
            "get /report", "get /events", "get /streams/{id}", "post /rulesets", "get /rulesets", "post /projections/{name}/rebuild",
            "get /projections", "get /audit/verify", "get /audit/digest", "get /health",
        ];
        var documented = paths.EnumerateObject().SelectMany(p => p.Value.EnumerateObject().Select(m => $"{m.Name} {p.Name}")).ToHashSet();
        Assert.All(expected, route => Assert.Contains(route, documented));
        var board = paths.GetProperty("/claims").GetProperty("get");
        Assert.Equal(["asOf", "recordedAsOf", "topic", "speaker", "limit", "after"], board.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        Assert.True(board.GetProperty("responses").TryGetProperty("400", out _));
        Assert.Equal("#/components/schemas/BoardDocument",
            board.GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString());
        var schemas = document.GetProperty("components").GetProperty("schemas");
        Assert.Equal(["topic", "status", "claims", "count", "next"], schemas.GetProperty("BoardTopicDocument").GetProperty("properties").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["confirmed", "disputed", "single-source"], schemas.GetProperty("ClaimStatus").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        var digest = paths.GetProperty("/audit/digest").GetProperty("get");
        Assert.Equal("#/components/schemas/HeadDigest",
            digest.GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString());
        Assert.Equal(["digest", "position", "hash", "recordedAt"], schemas.GetProperty("HeadDigest").GetProperty("properties").EnumerateObject().Select(p => p.Name));
        var post = paths.GetProperty("/articles").GetProperty("post");
        Assert.True(post.GetProperty("responses").TryGetProperty("401", out _));
        Assert.True(post.GetProperty("responses").TryGetProperty("413", out _));
        Assert.True(post.GetProperty("requestBody").GetProperty("content").TryGetProperty("text/plain", out _));
        var swagger = await Reader.GetAsync("/swagger/index.html");
        Assert.Equal(HttpStatusCode.OK, swagger.StatusCode);
        Assert.Contains("swagger", await swagger.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }
}

public sealed class SqliteApiTests : LedgerApiContract
{
    protected override string NewStore() => LedgerApiFactory.TempSqlite();

    protected override Task ExecuteOnStoreAsync(string sqlite, string postgres) => LogGuards.ExecuteSqliteAsync(Factory.Store["sqlite:".Length..], sqlite);
}

public sealed class PostgresApiTests(PostgresCluster cluster) : LedgerApiContract
{
    private readonly string schema = PostgresCluster.NewSchema();

    protected override string NewStore() => $"{cluster.ConnectionString};Schema={schema}";

    protected override Task ExecuteOnStoreAsync(string sqlite, string postgres) => cluster.ExecuteAsync($"SET search_path TO {schema};\n{postgres}");
}
