using System.Text.Json;
using RaqqaLedger.Testing;

namespace RaqqaLedger.Cli.Tests;

/// <summary>The command line against a real store; run once per backend.</summary>
public abstract partial class LedgerCliContract
{
    protected abstract CliRunner Cli { get; }

    protected async Task<long> HeadPositionAsync() => (await EventsAsync()).Count;

    protected async Task<List<JsonElement>> EventsAsync(params string[] args) =>
        [.. (await Cli.RunAsync(["events", .. args])).Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement)];

    [Fact]
    public async Task IngestSeedsTwice_FiveArticles_SecondRunAppendsNothing()
    {
        var first = await Cli.RunAsync("ingest", CliRunner.Seeds);
        var second = await Cli.RunAsync("ingest", CliRunner.Seeds);

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("5 articles: 5 new, 0 already present;", first.Out);
        var head = await HeadPositionAsync();
        Assert.Contains($"events appended (positions 1-{head})", first.Out);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("5 articles: 0 new, 5 already present; 0 claims; 0 events appended", second.Out);
        Assert.Equal(head, await HeadPositionAsync());
        var types = (await EventsAsync()).Select(e => e.GetProperty("type").GetString()).ToList();
        Assert.Equal(5, types.Count(t => t == "article-ingested.v2"));
        Assert.Equal(1, types.Count(t => t == "ruleset-published.v2"));
        Assert.Equal(head - 6, types.Count(t => t == "claim-extracted.v1"));
    }

    [Fact]
    public async Task IngestAnArticleNotInEnglish_RecordsItWithItsLanguage_AndSaysItWasNotExtracted()
    {
        var french = CliRunner.TempFile("afp-fr.txt",
            "Des combattants étrangers ont quitté Raqqa\n\nDes combattants étrangers de l'État islamique ont quitté la ville de Raqqa dans le cadre d'un accord " +
            "d'évacuation, selon un responsable local qui a précisé que les combattants syriens sont partis avec leurs familles.");

        var result = await Cli.RunAsync("ingest", french);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("0 claims", result.Out);
        Assert.Contains("not extracted: the article is in another language (fr)", result.Out);
        Assert.Contains("1 not extracted (not in English)", result.Out);
        var article = (await EventsAsync()).Single(e => e.GetProperty("type").GetString() == "article-ingested.v2");
        Assert.Equal("fr", article.GetProperty("data").GetProperty("language").GetString());
        Assert.DoesNotContain(await EventsAsync(), e => e.GetProperty("type").GetString() == "claim-extracted.v1");
    }

    [Fact]
    public async Task Articles_ShowTheSeedDatesAndHowEachWasKnown()
    {
        await Cli.RunAsync("ingest", CliRunner.Seeds);

        var result = await Cli.RunAsync("articles", "--json");

        Assert.Equal(0, result.ExitCode);
        var rows = JsonDocument.Parse(result.Out).RootElement.EnumerateArray()
            .ToDictionary(r => r.GetProperty("source").GetString()![..3], r => (r.GetProperty("published").GetString(), r.GetProperty("dateBasis").GetString()));
        Assert.Equal(("2017-10-15", "stated"), rows["000"]);
        Assert.Equal(("2017-11-14", "stated"), rows["001"]);
        Assert.Equal(("2017-10-15", "stated"), rows["002"]);
        Assert.Equal((null, "unknown"), rows["003"]);
        Assert.Equal(("2017-10-15", "inferred"), rows["004"]);
    }

    [Fact]
    public async Task Articles_AsATable_ListsEveryArticle()
    {
        await Cli.RunAsync("ingest", CliRunner.Seeds);

        var result = await Cli.RunAsync("articles");

        Assert.Contains("IS foreign militants leave Syria's Raqqa under evacuation deal", result.Out);
        Assert.Contains("5 articles", result.Out);
    }

    [Fact]
    public async Task Verify_OnAnIntactLog_PrintsTheHead()
    {
        await Cli.RunAsync("ingest", CliRunner.Seeds);

        var result = await Cli.RunAsync("verify");

        Assert.Equal(0, result.ExitCode);
        Assert.Matches($"head position {await HeadPositionAsync()} hash [0-9a-f]{{64}}", result.Out);
    }

    [Fact]
    public async Task Events_PrintOneJsonObjectPerLine_FromAPositionOrForAStream()
    {
        await Cli.RunAsync("ingest", CliRunner.Seeds);
        var head = await HeadPositionAsync();

        var fromThree = await EventsAsync("--from", "3");
        var article = fromThree.First(e => e.GetProperty("type").GetString() == "article-ingested.v2");
        var stream = article.GetProperty("streamId").GetString()!;
        var ofStream = await EventsAsync("--stream", stream);

        Assert.Equal(head - 2, fromThree.Count);
        Assert.Equal(3, fromThree[0].GetProperty("position").GetInt64());
        Assert.StartsWith("article-", stream);
        Assert.Equal(stream["article-".Length..], article.GetProperty("data").GetProperty("articleId").GetString());
        Assert.False(string.IsNullOrEmpty(article.GetProperty("metadata").GetProperty("correlationId").GetString()));
        Assert.Single(ofStream);
    }

    [Fact]
    public async Task Ingest_AnEnvelope_LetsWhatItStatesWinOverWhatIsDerived()
    {
        var text = await File.ReadAllTextAsync(Path.Combine(CliRunner.Seeds, "003_8645f3b7bcb66531.txt"));
        var envelope = JsonSerializer.Serialize(new { text, title = "SDF agrees deal", url = "https://example.org/a", outlet = "DW", publishedAt = "2017-10-14T22:05:00+03:00" });

        var result = await Cli.RunAsync("ingest", CliRunner.TempFile("dw.json", envelope));
        var events = await EventsAsync();

        Assert.Equal(0, result.ExitCode);
        var data = events.Single(e => e.GetProperty("type").GetString() == "article-ingested.v2").GetProperty("data");
        Assert.Equal("SDF agrees deal", data.GetProperty("title").GetString());
        Assert.Equal("2017-10-14", data.GetProperty("published").GetProperty("date").GetString());
        Assert.Equal("stated", data.GetProperty("published").GetProperty("basis").GetString());
        Assert.Equal("DW", data.GetProperty("outlet").GetString());
        Assert.Equal(text, data.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Ingest_FromStandardInput_ReadsRawTextOrAnEnvelope()
    {
        var raw = await Cli.RunWithInputAsync("Headline here\n\nBEIRUT – 16 October 2017: Some text about Raqqa."u8.ToArray(), "ingest", "-");
        var envelope = await Cli.RunWithInputAsync("""{"text":"Another article entirely.","publishedAt":"2017-10-20"}"""u8.ToArray(), "ingest");

        Assert.Equal(0, raw.ExitCode);
        Assert.Equal(0, envelope.ExitCode);
        var articles = JsonDocument.Parse((await Cli.RunAsync("articles", "--json")).Out).RootElement.EnumerateArray().ToList();
        Assert.Equal(["stdin", "stdin"], articles.Select(a => a.GetProperty("source").GetString()));
        Assert.Equal("2017-10-20", articles[1].GetProperty("published").GetString());
    }

    [Fact]
    public async Task Ingest_TheSameTextWithOtherLineEndingsAndSpacing_IsAlreadyPresent()
    {
        var text = await File.ReadAllTextAsync(Path.Combine(CliRunner.Seeds, "000_3751c23f4bc9054b.txt"));
        await Cli.RunAsync("ingest", CliRunner.Seeds);

        var result = await Cli.RunAsync("ingest", CliRunner.TempFile("copy.txt", text.Replace("\n", "\r\n  ")));

        Assert.Contains("0 new, 1 already present", result.Out);
    }

    private static string BundledRules => File.ReadAllText(Path.Combine(RaqqaLedger.Testing.RepoPaths.Root, "rules", "raqqa-claims.yaml"));

    [Fact]
    public async Task Rules_PublishingAChangedFile_ReExtractsAndIsListed()
    {
        await Cli.RunAsync("ingest", CliRunner.Seeds);
        var changed = RuleSetText.NextVersion(BundledRules).Replace("approx: [around, about,", "approx: [about,");

        var publish = await Cli.RunAsync("rules", "publish", CliRunner.TempFile("v2.yaml", changed));
        var again = await Cli.RunAsync("rules", "publish", CliRunner.TempFile("v2.yaml", changed));
        var list = await Cli.RunAsync("rules", "list");

        Assert.Equal(0, publish.ExitCode);
        // Without "around" as a hedge, "around 275", "around 100" and the three "around 90 percent" are read as exact.
        var bundled = RaqqaLedger.Extraction.Rules.RuleSetCompiler.Compile(BundledRules, "bundled").Version;
        Assert.Matches($@"published rule set v{bundled + 1} \([0-9a-f]{{12}}\); re-extracted 5 articles: 0 new, 5 revised, 0 retracted claims; 6 events appended", publish.Out);
        Assert.Contains("already in effect; nothing appended", again.Out);
        Assert.Contains($"v{bundled}", list.Out);
        Assert.Contains("v2.yaml", list.Out);
        Assert.Contains("(in effect)", list.Out.Split('\n').Single(l => l.StartsWith($"v{bundled + 1}", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("not: [valid", "not valid rule-set YAML")]
    [InlineData("version: 2\nname: x\ntopics:\n  - id: a.b\n    kind: yesno\n    rules:\n      - id: r\n        value: true\n        pattern: '(unclosed'\n", "does not compile")]
    [InlineData("version: 2\nname: x\ntopics:\n  - id: a.b\n    kind: count\n    rules:\n      - id: r\n        pattern: 'fighters'\n", "needs a (?<q>{Q}) group")]
    [InlineData("version: 2\nname: x\ntopics:\n  - id: a.b\n    kind: yesno\n    rules:\n      - id: r\n        value: true\n        pattern: '{NOPE}'\n", "unknown macro {NOPE}")]
    [InlineData("version: 2\nname: x\ntopics: []\n", "no topics")]
    [InlineData("version: 2\nname: x\ntopics:\n  - id: a.b\n    kind: yesno\n    rules:\n      - id: runaway\n        value: true\n        pattern: '(?<=a)(x+x+)+y'\n",
        "rule 'runaway': the pattern cannot run in linear time")]
    public async Task Rules_PublishingABadFile_FailsWithOneLineAndWritesNothing(string content, string expected)
    {
        await Cli.RunAsync("ingest", CliRunner.Seeds);
        var head = await HeadPositionAsync();

        var result = await Cli.RunAsync("rules", "publish", CliRunner.TempFile("bad.yaml", content));

        result.AssertRefused(expected);
        Assert.Equal(head, await HeadPositionAsync());
    }

    [Fact]
    public async Task Claims_FilterByTopicAndArticle_AndRefuseAnUnknownTopic()
    {
        await Cli.RunAsync("ingest", CliRunner.Seeds);
        var articleId = JsonDocument.Parse((await Cli.RunAsync("articles", "--json")).Out).RootElement.EnumerateArray()
            .Single(a => a.GetProperty("source").GetString()!.StartsWith("002", StringComparison.Ordinal)).GetProperty("id").GetString()!;

        var claims = JsonDocument.Parse((await Cli.RunAsync("claims", "--topic", "foreign_fighters.departed", "--article", articleId[..12], "--json")).Out).RootElement;
        var unknown = await Cli.RunAsync("claims", "--topic", "weather.today");

        var claim = Assert.Single(claims.EnumerateArray());
        Assert.False(claim.GetProperty("value").GetBoolean());
        Assert.Equal("Mostafa Bali", claim.GetProperty("speaker").GetString());
        Assert.Equal("he", claim.GetProperty("speakerAsWritten").GetString());
        unknown.AssertRefused("unknown topic 'weather.today'");
    }

    private static byte[] Utf8(string text) => System.Text.Encoding.UTF8.GetBytes(text);

    public static TheoryData<string, byte[], string> BadFiles => new()
    {
        { "empty.txt", [], "empty" },
        { "blank.txt", Utf8("  \n\t\n"), "empty" },
        { "truncated.json", Utf8("""{"text": "abc"""), "malformed JSON" },
        { "array.json", Utf8("[1,2]"), "JSON object" },
        { "no-text.json", Utf8("""{"title":"x"}"""), "no \"text\"" },
        { "wrong-type.json", Utf8("""{"text": 42}"""), "must be a string" },
        { "unknown-field.json", Utf8("""{"text":"x","publishedOn":"2017-10-15"}"""), "unknown envelope field" },
        { "bad-date.json", Utf8("""{"text":"x","publishedAt":"2017-02-30"}"""), "not a real date" },
        { "huge-year.json", Utf8("""{"text":"x","publishedAt":"10000-01-01"}"""), "not a real date" },
        { "bad-url.json", Utf8("""{"text":"x","url":"javascript:alert(1)"}"""), "http(s)" },
        { "notes.md", Utf8("some text"), "not an article file" },
        { "latin1.txt", [0x52, 0x61, 0x71, 0x71, 0x61, 0xE9, 0xFF, 0x0A], "not valid UTF-8" },
        { "utf16.txt", [0xFF, 0xFE, 0x52, 0x00, 0x61, 0x00], "not valid UTF-8" },
        { "image.txt", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00], "not valid UTF-8" },
        { "nul.txt", [.. Utf8("Raqqa"), 0x00, .. Utf8("fighters")], "NUL characters" },
        { "ten-megabytes.txt", Utf8(new string('x', 10_000_000)), "the limit is 1,000,000" },
    };

    [Theory]
    [MemberData(nameof(BadFiles), DisableDiscoveryEnumeration = true)] // a 10 MB case: not serialized at discovery
    public async Task Ingest_ABadFile_FailsWithOneLineAndWritesNothing(string name, byte[] content, string expected)
    {
        await Cli.RunAsync("ingest", CliRunner.Seeds);
        var head = await HeadPositionAsync();
        var good = CliRunner.TempFile("good.txt", "A perfectly good article about Raqqa.");

        var result = await Cli.RunAsync("ingest", good, CliRunner.TempFile(name, content));

        result.AssertRefused(expected);
        Assert.Equal(head, await HeadPositionAsync());
    }

    [Theory]
    [InlineData("ingest", "/no/such/path.txt")]
    [InlineData("events", "--from", "-1")]
    [InlineData("events", "--from", "abc")]
    [InlineData("frobnicate")]
    [InlineData("articles", "--jsn")]
    [InlineData("verify", "--store", "mysql://x")]
    [InlineData("verify", "--store", "sqlite:")]
    [InlineData("rules", "publish", "/no/such/rules.yaml")]
    [InlineData("claims", "--article", "abc")]
    public async Task BadArguments_FailWithOneLineAndANonZeroExit(params string[] args)
    {
        var result = await Cli.RunAsync(args);

        result.AssertRefused();
        Assert.StartsWith("error: ", result.Error);
    }
}
