using System.Text.Json;
using RaqqaLedger.Testing;

namespace RaqqaLedger.Cli.Tests;

/// <summary>Extraction quality, scored through the eval command as a user would run it.</summary>
public class EvalTests
{
    private static string Fixtures => Path.Combine(RepoPaths.Root, "tests", "fixtures");

    private static async Task<(double Precision, double Recall, double Attribution, JsonElement Topics)> EvalAsync(string gold, string articles)
    {
        var result = await CliRunner.ForTempSqlite().RunAsync("eval", "--gold", gold, "--articles", articles, "--json");
        Assert.True(result.ExitCode == 0, result.Error);
        var root = JsonDocument.Parse(result.Out).RootElement;
        return (root.GetProperty("precision").GetDouble(), root.GetProperty("recall").GetDouble(), root.GetProperty("attribution").GetDouble(), root.GetProperty("topics"));
    }

    [Fact]
    public async Task Seeds_ScoreAtLeastTheIssueTargets()
    {
        var (precision, recall, attribution, topics) = await EvalAsync(Path.Combine(Fixtures, "gold", "seed-claims.json"), CliRunner.Seeds);

        Assert.True(precision >= 0.95, $"precision {precision}");
        Assert.True(recall >= 0.95, $"recall {recall}");
        Assert.True(attribution >= 0.95, $"attribution {attribution}");
        Assert.Equal(14, topics.EnumerateObject().Count());
    }

    /// <summary>
    /// Articles written and annotated by someone who had not seen the rules: a guard against rules
    /// that only fit the seeds. Each floor sits below the set's score today so honest rule changes can
    /// move it a little; a real regression fails here. Scores (precision / recall / attribution), under
    /// the strict scoring (the claim must come from the gold quote's sentence):
    /// heldout 0.96 / 0.89 / 0.87; heldout2 0.96 / 0.81 / 0.87; heldout3 0.91 / 0.90 / 0.95 (sets 1-3
    /// predate the convention that vague amounts are claims, so those count as spurious there);
    /// heldout4 0.98 / 0.84 / 0.84 after tuning on it (0.92 / 0.41 / 0.67 blind); heldout5, never tuned on,
    /// 0.94 / 0.76 / 0.84 (0.99 / 0.54 / 0.76 under the rules before frames), 0.94 / 0.76 / 0.83 since set 6;
    /// heldout6 0.96 / 0.81 / 0.79 after tuning on it (0.93 / 0.60 / 0.72 blind); heldout7, never tuned on and its
    /// misses never read, 0.96 / 0.63 / 0.64 (0.95 / 0.58 / 0.62 blind, before the changes made for sets 6 and 8);
    /// heldout8 0.95 / 0.73 / 0.72 after tuning on it (0.93 / 0.54 / 0.74 blind). After the speaker work of
    /// 2026-12-07 (issuers of releases, transcript labels, organisations' anaphors): heldout 0.91, heldout2 0.90,
    /// heldout4 0.92, heldout6 0.96 / 0.83 / 0.86, heldout7 0.96 / 0.64 / 0.73, heldout8 0.82 attribution.
    /// heldout9 0.96 / 0.71 / 0.82 after tuning on it (0.96 / 0.65 / 0.80 blind, 2026-12-08); with transcript labels
    /// speaking for their paragraph, heldout7 0.96 / 0.65 / 0.79.
    /// </summary>
    [Theory]
    [InlineData("heldout", 0.90, 0.84, 0.82)]
    [InlineData("heldout2", 0.90, 0.76, 0.82)]
    [InlineData("heldout3", 0.86, 0.85, 0.90)]
    [InlineData("heldout4", 0.94, 0.79, 0.86)]
    [InlineData("heldout5", 0.90, 0.75, 0.78)]
    [InlineData("heldout6", 0.90, 0.77, 0.80)]
    [InlineData("heldout7", 0.90, 0.60, 0.72)]
    [InlineData("heldout8", 0.90, 0.68, 0.74)]
    [InlineData("heldout9", 0.90, 0.66, 0.77)]
    public async Task HeldOutArticles_ScoreAboveTheFloor(string set, double minPrecision, double minRecall, double minAttribution)
    {
        var heldOut = Path.Combine(Fixtures, set);

        var (precision, recall, attribution, _) = await EvalAsync(Path.Combine(heldOut, $"{set}-claims.json"), heldOut);

        Assert.True(precision >= minPrecision, $"precision {precision}");
        Assert.True(recall >= minRecall, $"recall {recall}");
        Assert.True(attribution >= minAttribution, $"attribution {attribution}");
    }

    [Fact]
    public async Task Misses_AreListedPerArticle_InTextAndJson()
    {
        var gold = Path.Combine(Fixtures, "gold", "seed-claims.json");

        var text = await CliRunner.ForTempSqlite().RunAsync("eval", "--gold", gold, "--articles", CliRunner.Seeds, "--misses");
        var json = await CliRunner.ForTempSqlite().RunAsync("eval", "--gold", gold, "--articles", CliRunner.Seeds, "--misses", "--json");

        Assert.True(text.ExitCode == 0, text.Error);
        foreach (var file in Directory.GetFiles(CliRunner.Seeds, "*.txt").Select(Path.GetFileName))
            Assert.Contains(file!, text.Out, StringComparison.Ordinal);
        var articles = JsonDocument.Parse(json.Out).RootElement.GetProperty("articles").EnumerateArray().ToList();
        Assert.Equal(5, articles.Count);
        Assert.All(articles, a =>
        {
            Assert.Equal(JsonValueKind.Array, a.GetProperty("missed").ValueKind);
            Assert.Equal(a.GetProperty("gold").GetInt32() - a.GetProperty("found").GetInt32(), a.GetProperty("missed").GetArrayLength());
        });
    }

    /// <summary>A gold quote that is not in its article could never be found: the gold file is wrong, say so.</summary>
    [Fact]
    public async Task AGoldQuoteNotInItsArticle_IsRefused()
    {
        var article = CliRunner.TempFile("a.txt", await File.ReadAllBytesAsync(Path.Combine(CliRunner.Seeds, "003_8645f3b7bcb66531.txt")));
        var gold = Path.Combine(Path.GetDirectoryName(article)!, "gold.json");
        await File.WriteAllTextAsync(gold,
            """{"articles": [{"file": "a.txt", "claims": [{"topic": "hostages.count", "value": {"exact": 400}, "speaker": null, "quote": "no such words"}]}]}""");

        var result = await CliRunner.ForTempSqlite().RunAsync("eval", "--gold", gold, "--articles", Path.GetDirectoryName(article)!);

        result.AssertRefused();
        Assert.Contains("no such words", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--gold", "/no/such/gold.json", "--articles", ".")]
    [InlineData("--gold", "README.md", "--articles", ".")]
    [InlineData("--articles", ".")]
    public async Task BadArguments_FailWithOneLine(params string[] args)
    {
        var result = await CliRunner.ForTempSqlite().RunAsync(["eval", .. args.Select(a => a == "README.md" ? Path.Combine(RepoPaths.Root, a) : a)]);

        result.AssertRefused();
    }
}

/// <summary>The fixtures themselves: a gold claim whose quote is not in its article would score nothing.</summary>
public class GoldFixtureTests
{
    public static TheoryData<string, string> GoldFiles => new()
    {
        { Path.Combine("tests", "fixtures", "gold", "seed-claims.json"), "seeds" },
        { Path.Combine("tests", "fixtures", "heldout", "heldout-claims.json"), Path.Combine("tests", "fixtures", "heldout") },
        { Path.Combine("tests", "fixtures", "heldout2", "heldout2-claims.json"), Path.Combine("tests", "fixtures", "heldout2") },
        { Path.Combine("tests", "fixtures", "heldout3", "heldout3-claims.json"), Path.Combine("tests", "fixtures", "heldout3") },
        { Path.Combine("tests", "fixtures", "heldout4", "heldout4-claims.json"), Path.Combine("tests", "fixtures", "heldout4") },
        { Path.Combine("tests", "fixtures", "heldout5", "heldout5-claims.json"), Path.Combine("tests", "fixtures", "heldout5") },
        { Path.Combine("tests", "fixtures", "heldout6", "heldout6-claims.json"), Path.Combine("tests", "fixtures", "heldout6") },
        { Path.Combine("tests", "fixtures", "heldout7", "heldout7-claims.json"), Path.Combine("tests", "fixtures", "heldout7") },
        { Path.Combine("tests", "fixtures", "heldout8", "heldout8-claims.json"), Path.Combine("tests", "fixtures", "heldout8") },
        { Path.Combine("tests", "fixtures", "heldout9", "heldout9-claims.json"), Path.Combine("tests", "fixtures", "heldout9") },
    };

    [Theory]
    [MemberData(nameof(GoldFiles))]
    public void EveryGoldQuote_IsExactTextOfItsArticle_AndEveryTopicIsKnown(string goldFile, string articles)
    {
        var gold = RaqqaLedger.Application.Evaluation.GoldFile.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, goldFile)), goldFile);
        var topics = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, goldFile))).RootElement.GetProperty("topics")
            .EnumerateObject().Select(t => t.Name).ToHashSet();

        Assert.NotEmpty(gold.Articles);
        foreach (var article in gold.Articles)
        {
            var text = File.ReadAllText(Path.Combine(RepoPaths.Root, articles, article.File));
            Assert.All(article.Claims, c =>
            {
                Assert.Contains(c.Topic, topics);
                Assert.Contains(c.Quote!, text);
            });
        }
    }
}
