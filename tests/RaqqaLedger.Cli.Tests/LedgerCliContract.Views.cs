using System.Text.Json;
using RaqqaLedger.Testing;

namespace RaqqaLedger.Cli.Tests;

/// <summary>The view commands — board, timeline, speakers, report, replay — on the seeds.</summary>
public abstract partial class LedgerCliContract
{
    private async Task<JsonElement> JsonOfAsync(params string[] args)
    {
        var result = await Cli.RunAsync(args);
        Assert.True(result.ExitCode == 0, result.Error);
        return JsonDocument.Parse(result.Out).RootElement;
    }

    private static IEnumerable<JsonElement> BoardClaims(JsonElement board) =>
        board.GetProperty("topics").EnumerateArray().SelectMany(t => t.GetProperty("claims").EnumerateArray());

    private static JsonElement Topic(JsonElement board, string topic) =>
        board.GetProperty("topics").EnumerateArray().Single(t => t.GetProperty("topic").GetString() == topic);

    [Fact]
    public async Task Board_AsOfThe14th_HoldsNothingPublishedOnThe15th()
    {
        await Cli.RunAsync("ingest", CliRunner.Seeds);

        var board = await JsonOfAsync("board", "--as-of", "2017-10-14", "--json");
        var later = await JsonOfAsync("board", "--as-of", "2017-10-15", "--json");

        Assert.Empty(board.GetProperty("topics").EnumerateArray());
        Assert.DoesNotContain(BoardClaims(board), c => c.GetProperty("published").GetString() == "2017-10-15");
        Assert.Contains(BoardClaims(later), c => c.GetProperty("published").GetString() == "2017-10-15");
        // The one undated seed (003) is listed apart, never placed on a day.
        Assert.NotEmpty(board.GetProperty("undated").EnumerateArray());
        Assert.All(board.GetProperty("undated").EnumerateArray(), c => Assert.Equal(JsonValueKind.Null, c.GetProperty("published").ValueKind));
    }

    [Fact]
    public async Task Board_AsOfThe15th_ForeignFightersDeparted_IsDisputed_AlloushTrue_BaliFalse()
    {
        await Cli.RunAsync("ingest", CliRunner.Seeds);

        var board = await JsonOfAsync("board", "--as-of", "2017-10-15", "--topic", "foreign_fighters.departed", "--json");

        var topic = Assert.Single(board.GetProperty("topics").EnumerateArray());
        Assert.Equal("disputed", topic.GetProperty("status").GetString());
        var claims = topic.GetProperty("claims").EnumerateArray().ToList();
        Assert.All(claims, c => Assert.True(c.TryGetProperty("value", out _) && c.TryGetProperty("articleId", out _) && c.TryGetProperty("published", out _)));
        Assert.Contains(claims, c => c.GetProperty("speaker").GetString() == "Omar Alloush" && c.GetProperty("value").GetBoolean());
        Assert.Contains(claims, c => c.GetProperty("speaker").GetString() == "Mostafa Bali" && !c.GetProperty("value").GetBoolean());
        Assert.DoesNotContain(claims, c => c.GetProperty("speaker").GetString() == "Omar Alloush" && !c.GetProperty("value").GetBoolean());
    }

    [Fact]
    public async Task Timeline_Shows275_AsLeftBySdfVia003_AndAsSurrenderingBySdfVia004()
    {
        await Cli.RunAsync("ingest", CliRunner.Seeds);

        var timeline = (await JsonOfAsync("timeline", "--json")).EnumerateArray().ToDictionary(t => t.GetProperty("topic").GetString()!);

        IEnumerable<JsonElement> Entries(string topic) => timeline[topic].GetProperty("days").EnumerateArray()
            .SelectMany(d => d.GetProperty("entries").EnumerateArray()).Concat(timeline[topic].GetProperty("undated").EnumerateArray());
        static decimal? Figure(JsonElement v) => v.ValueKind == JsonValueKind.Object && (v.TryGetProperty("approx", out var n) || v.TryGetProperty("exact", out n)) ? n.GetDecimal() : null;
        Assert.Contains(Entries("fighters.departed.count"), e =>
            Figure(e.GetProperty("value")) == 275 && e.GetProperty("speaker").GetString() == "SDF" && e.GetProperty("source").GetString()!.StartsWith("003", StringComparison.Ordinal));
        var surrendered = Assert.Single(Entries("fighters.surrendered.count"), e => Figure(e.GetProperty("value")) == 275);
        Assert.Equal("SDF", surrendered.GetProperty("speaker").GetString());
        Assert.StartsWith("004", surrendered.GetProperty("source").GetString());
        Assert.Equal("2017-10-15", surrendered.GetProperty("published").GetString());
        Assert.Equal(["first-report"], surrendered.GetProperty("shifts").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public async Task Timeline_MarksTheContradiction_AndKeepsToTheRangeAskedFor()
    {
        await Cli.RunAsync("ingest", CliRunner.Seeds);

        var timeline = await JsonOfAsync("timeline", "--topic", "foreign_fighters.departed", "--from", "2017-10-15", "--to", "2017-10-15", "--json");

        var topic = Assert.Single(timeline.EnumerateArray());
        var day = Assert.Single(topic.GetProperty("days").EnumerateArray());
        Assert.Equal("2017-10-15", day.GetProperty("day").GetString());
        var bali = day.GetProperty("entries").EnumerateArray().Single(e => e.GetProperty("speaker").GetString() == "Mostafa Bali");
        Assert.Contains("contradiction", bali.GetProperty("shifts").EnumerateArray().Select(s => s.GetString()));
        Assert.NotEqual(JsonValueKind.Null, bali.GetProperty("contradictsClaimId").ValueKind);
    }

    [Fact]
    public async Task Board_RecordedAsOfBeforeARuleIsRemoved_StillShowsItsClaims_TheCurrentBoardDoesNot()
    {
        await Cli.RunAsync("ingest", CliRunner.Seeds);
        var before = await HeadPositionAsync();
        var withoutRule = RuleSetText.NextVersion(RuleSetText.Without(BundledRules, "ffd.foreigners-left"));
        Assert.Equal(0, (await Cli.RunAsync("rules", "publish", CliRunner.TempFile("v2.yaml", withoutRule))).ExitCode);

        var then = await JsonOfAsync("board", "--recorded-as-of", before.ToString(System.Globalization.CultureInfo.InvariantCulture), "--json");
        var now = await JsonOfAsync("board", "--json");

        static bool FromRule(JsonElement c) => c.GetProperty("rule").GetString() == "ffd.foreigners-left";
        Assert.Contains(BoardClaims(then), FromRule);
        Assert.DoesNotContain(BoardClaims(now), FromRule);
        // The same holds for the reported-time view of the 15th: Bali's denial made it disputed then.
        Assert.Equal("disputed", Topic(await JsonOfAsync("board", "--as-of", "2017-10-15", "--recorded-as-of", $"{before}", "--json"), "foreign_fighters.departed").GetProperty("status").GetString());
        // And the timeline shows the retraction.
        var timeline = (await JsonOfAsync("timeline", "--topic", "foreign_fighters.departed", "--json")).EnumerateArray().Single();
        Assert.Contains(timeline.GetProperty("days").EnumerateArray().SelectMany(d => d.GetProperty("entries").EnumerateArray()),
            e => FromRule(e) && e.GetProperty("shifts").EnumerateArray().Select(s => s.GetString()).SequenceEqual(["retraction"]));
    }

    [Fact]
    public async Task Board_RecordedAsOfATime_ReadsTheLogAsItStoodThen()
    {
        var beforeAnything = DateTimeOffset.UtcNow.AddMinutes(-1).ToString("O");
        await Cli.RunAsync("ingest", CliRunner.Seeds);

        var empty = await JsonOfAsync("board", "--recorded-as-of", beforeAnything, "--json");
        var now = await JsonOfAsync("board", "--recorded-as-of", DateTimeOffset.UtcNow.AddMinutes(1).ToString("O"), "--json");

        Assert.Empty(empty.GetProperty("topics").EnumerateArray());
        Assert.Equal(0, empty.GetProperty("recordedAsOf").GetInt64());
        Assert.Equal(await HeadPositionAsync(), now.GetProperty("recordedAsOf").GetInt64());
        Assert.NotEmpty(now.GetProperty("topics").EnumerateArray());
    }

    [Fact]
    public async Task Board_TheStatusRuleComesFromTheRuleSet_SoPublishingOneCanChangeAStatus()
    {
        await Cli.RunAsync("ingest", CliRunner.Seeds);
        var confirmedBefore = (await JsonOfAsync("board", "--json")).GetProperty("topics").EnumerateArray()
            .Where(t => t.GetProperty("status").GetString() == "confirmed").Select(t => t.GetProperty("topic").GetString()).ToList();
        Assert.NotEmpty(confirmedBefore);

        var stricter = RuleSetText.NextVersion(BundledRules).Replace("confirmed_min_sources: 2", "confirmed_min_sources: 9");
        Assert.Equal(0, (await Cli.RunAsync("rules", "publish", CliRunner.TempFile("v2.yaml", stricter))).ExitCode);

        var board = await JsonOfAsync("board", "--json");
        Assert.Equal(9, board.GetProperty("statusRule").GetProperty("confirmedMinSources").GetInt32());
        Assert.All(confirmedBefore, t => Assert.Equal("single-source", Topic(board, t!).GetProperty("status").GetString()));
    }

    [Fact]
    public async Task Speakers_ListWhoSaidWhatByTopic()
    {
        await Cli.RunAsync("ingest", CliRunner.Seeds);

        var speakers = (await JsonOfAsync("speakers", "--json")).EnumerateArray().ToDictionary(s => s.GetProperty("speaker").GetString()!);

        var bali = speakers["Mostafa Bali"].GetProperty("topics").EnumerateArray().Single(t => t.GetProperty("topic").GetString() == "foreign_fighters.departed");
        Assert.All(bali.GetProperty("statements").EnumerateArray(), s => Assert.False(s.GetProperty("value").GetBoolean()));
        Assert.DoesNotContain(speakers.Keys, k => k.Length == 0);
        var table = await Cli.RunAsync("speakers");
        Assert.Contains("Omar Alloush", table.Out);
    }

    [Fact]
    public async Task Report_InMarkdownAndCsv_TellsHowTheStoryChanged()
    {
        await Cli.RunAsync("ingest", CliRunner.Seeds);

        var md = await Cli.RunAsync("report", "--format", "md");
        var csv = await Cli.RunAsync("report", "--from", "2017-10-15", "--to", "2017-10-15", "--format", "csv");

        Assert.Equal(0, md.ExitCode);
        Assert.StartsWith("# How the story changed, 2017-10-14 to 2017-11-14", md.Out);
        Assert.Contains("| foreign_fighters.departed | disputed |", md.Out);
        Assert.Contains("### 2017-10-15", md.Out);
        Assert.Contains("## Reports of unknown date", md.Out);
        var lines = csv.Out.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("day,topic,shifts,value,speaker,source,article_id", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("2017-10-15,foreign_fighters.departed,", StringComparison.Ordinal));
        Assert.DoesNotContain(lines.Skip(1), l => l.StartsWith("2017-11-14", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Replay_RebuildsEveryProjection_AndTheViewsStayTheSame()
    {
        await Cli.RunAsync("ingest", CliRunner.Seeds);
        var board = (await Cli.RunAsync("board", "--json")).Out;

        var replay = await Cli.RunAsync("replay");
        var one = await Cli.RunAsync("replay", "--projection", "claims");
        var status = await Cli.RunAsync("projections");

        Assert.Equal(0, replay.ExitCode);
        Assert.Matches(@"articles: rebuilt to position \d+ from the 5 events it folds \(generation 2\)", replay.Out);
        Assert.Matches(@"claims: rebuilt to position \d+ from the \d+ events it folds \(generation 3\)", one.Out);
        Assert.Equal(board, (await Cli.RunAsync("board", "--json")).Out);
        Assert.Matches($@"claims\s+{RaqqaLedger.Projections.ClaimsProjection.Version}\s+\d+\s+0\s+live\s+3", status.Out);
    }

    [Theory]
    [InlineData("board", "--as-of", "2017-02-30")]
    [InlineData("board", "--as-of", "15/10/2017")]
    [InlineData("board", "--recorded-as-of", "-1")]
    [InlineData("board", "--recorded-as-of", "999999")]
    [InlineData("board", "--recorded-as-of", "yesterday")]
    [InlineData("board", "--topic", "no.such.topic")]
    [InlineData("timeline", "--from", "2017-11-14", "--to", "2017-10-14")]
    [InlineData("timeline", "--to", "10000-01-01")]
    [InlineData("report", "--format", "pdf")]
    [InlineData("report")]
    [InlineData("replay", "--projection", "nonsense")]
    public async Task ViewCommands_RefuseBadArguments_WithOneLineAndExit2(params string[] args)
    {
        await Cli.RunAsync("ingest", CliRunner.Seeds);
        var head = await HeadPositionAsync();

        var result = await Cli.RunAsync(args);

        result.AssertRefused();
        Assert.Equal(head, await HeadPositionAsync());
    }
}
