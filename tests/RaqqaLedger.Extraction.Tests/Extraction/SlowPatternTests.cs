using System.Diagnostics;
using System.Text.RegularExpressions;
using RaqqaLedger.Domain.Articles;
using RaqqaLedger.Extraction.Rules;

namespace RaqqaLedger.Extraction.Tests.Extraction;

/// <summary>
/// Issue 13.5: a pattern that could take exponential time on a backtracking engine runs on the linear-time
/// one, or, where that engine cannot run it, is refused when the rule set is compiled, naming the rule.
/// </summary>
public sealed class SlowPatternTests
{
    private static string RuleSet(string pattern) =>
        $"version: 1\nname: t\nattribution:\n  verbs: [say]\ntopics:\n  - id: a.b\n    kind: yesno\n    rules:\n      - id: slow-rule\n        pattern: '{pattern}'\n        value: true\n";

    [Theory]
    [InlineData("(x+x+)+y")]
    [InlineData(@"^(\w+\s?)+$")]
    [InlineData("(a?)*b")]
    [InlineData(@"fighters\s+(?:\w+\s*)+left")]
    public void APatternThatCouldTakeExponentialTime_RunsInLinearTime(string pattern)
    {
        var rules = RuleSetCompiler.Compile(RuleSet(pattern), "t.yaml");
        var article = ArticleIntake.Ingest(new ArticleSubmission("x.txt", "Raqqa " + new string('x', 30_000) + "! fighters " + string.Concat(Enumerable.Repeat("word ", 3_000)) + "stayed."),
            ArticleReadingOptions.Default);

        var clock = Stopwatch.StartNew();
        new ClaimExtractor(rules).Extract(article);

        Assert.True(rules.Topics[0].Rules[0].Pattern!.Options.HasFlag(RegexOptions.NonBacktracking));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [Theory]
    [InlineData("(?<=a)(x+x+)+y", "lookbehind")]
    [InlineData(@"(\w+\s?)+(?!\w)", "lookahead")]
    public void APatternThatCouldTakeExponentialTime_AndCannotRunOnTheLinearEngine_IsRefusedNamingTheRule(string pattern, string construct)
    {
        var error = Assert.Throws<InvalidRuleSetException>(() => RuleSetCompiler.Compile(RuleSet(pattern), "t.yaml"));

        Assert.Contains("slow-rule", error.Message, StringComparison.Ordinal);
        Assert.Contains("cannot run in linear time", error.Message, StringComparison.Ordinal);
        Assert.True(error.Message.Contains(construct, StringComparison.OrdinalIgnoreCase), error.Message);
    }

    [Theory]
    [InlineData(@"(?:(?:local|Arab|tribal)\s+)+elders")]
    [InlineData(@"\b(?:now\s+|still\s+|only\s+)*holds")]
    [InlineData(@"foreign\s+fighters\s+(?:had\s+)?left")]
    public void APatternThatReadsEachCharacterOneWay_KeepsTheFastEngine(string pattern)
    {
        var rules = RuleSetCompiler.Compile(RuleSet(pattern), "t.yaml");

        Assert.False(rules.Topics[0].Rules[0].Pattern!.Options.HasFlag(RegexOptions.NonBacktracking));
    }

    [Fact]
    public void TheBundledRules_AllKeepTheFastEngine()
    {
        var rules = RuleSetCompiler.Compile(DefaultRules.Content, DefaultRules.Source);

        Assert.DoesNotContain(rules.Topics.SelectMany(t => t.Rules), r => r.Pattern?.Options.HasFlag(RegexOptions.NonBacktracking) == true);
    }

    [Theory]
    [InlineData(@"(?:\w+\s?)+officials")]
    [InlineData(@"(?:(?:previously|[a-z]+ly)\s+)+officials")]
    [InlineData(@"(?:a|ab|b)+\s+officials")]
    [InlineData(@"(?:(?:(?:senior|local)\s+){0,2}){0,2}officials")]
    public void SpeakerDescriptorsThatCouldTakeExponentialTime_AreRefused(string descriptors)
    {
        var content = RuleSet("foreign").Replace("  verbs: [say]\n", $"  verbs: [say]\n  descriptors: '{descriptors}'\n", StringComparison.Ordinal);

        var error = Assert.Throws<InvalidRuleSetException>(() => RuleSetCompiler.Compile(content, "t.yaml"));

        Assert.Contains("attribution.descriptors cannot run in linear time", error.Message, StringComparison.Ordinal);
    }
}
