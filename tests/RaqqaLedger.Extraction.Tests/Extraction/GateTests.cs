using System.Text;
using System.Text.RegularExpressions;
using RaqqaLedger.Domain.Articles;
using RaqqaLedger.Extraction.Rules;
using RaqqaLedger.Extraction.Text;
using RaqqaLedger.Testing;

namespace RaqqaLedger.Extraction.Tests.Extraction;

/// <summary>
/// Issue 12 (throughput): a rule is tried only on a sentence holding the text its pattern cannot match
/// without. The gate must never turn away a sentence the pattern matches.
/// </summary>
public sealed class GateTests
{
    [Theory]
    [InlineData(@"\bhuman\s+shields?\b", "human & shield")]
    [InlineData(@"\b(?:deals?|agreements?|accord)\b", "accord,agreement,deal")]
    [InlineData(@"foreign|only\s+(?:Syrian|local)", "foreign,local,syrian")]
    [InlineData(@"\b\w+\s+left\b", "left")]
    [InlineData(@"(?:fighters?|\w+)\s+left", "left")]
    [InlineData(@"(?:Raqq?ah?|Rakk?a)\s+city", "city & raka,rakka,raqa,raqqa")]
    [InlineData(@"(?-i:IS)\s+FIGHTERS", "fighters")]
    [InlineData(@"\d+\s*%", "%")]
    [InlineData(@"[’']s\s+control", "control")]
    [InlineData(@"(?:a|b)c", "")]
    [InlineData(@"x(?=foreign)(?<!domestic)", "")]
    [InlineData(@"(?:more\s+than\s+)?(?<q>\d+)", "")]
    [InlineData(@"convoy(?:\s+of\s+buses)?", "convoy")]
    [InlineData(@"(?:civilians|[^.]{1,60}?people)\s+trapped", "civilians,people & trapped")]
    public void RequiredText_NamesTheTextAPatternCannotMatchWithout(string pattern, string expected)
    {
        var factors = RequiredText.Of(pattern).Select(f => string.Join(',', f)).Order(StringComparer.Ordinal);

        Assert.Equal(expected, string.Join(" & ", factors));
    }

    [Theory]
    [InlineData("fighter|militants?|gunm", RegexOptions.IgnoreCase, true)]
    [InlineData("hostage|captive", RegexOptions.IgnoreCase | RegexOptions.Compiled, true)]
    [InlineData("hostage|captive", RegexOptions.None, false)]
    [InlineData(@"\bfighter", RegexOptions.IgnoreCase, false)]
    [InlineData(@"per\s+cent|percent", RegexOptions.IgnoreCase, false)]
    [InlineData("(?-i:ISIS)|fighters", RegexOptions.IgnoreCase, false)]
    [InlineData("fighter|us", RegexOptions.IgnoreCase, false)]
    public void APatternOfPlainTextIsAnsweredByItsGateAlone(string pattern, RegexOptions options, bool plain) =>
        Assert.Equal(plain, RequiredText.IsPlainText(pattern, options));

    [Fact]
    public void TheScanner_FindsEveryKey_OverlappingAndFolded_InEachSentenceApart()
    {
        var builder = new GateBuilder();
        var fighters = builder.For(new Regex("fighters"));
        var fight = builder.For(new Regex("fight"));
        var ighter = builder.For(new Regex("ighter"));
        var kit = builder.For(new Regex("kit"));
        var quote = builder.For(new Regex("’s control"));
        var keys = builder.Scanner().Read(["Two FIGHTERS", "a \u212AIT", "IS’s control", "nothing here"]);

        Assert.True(fighters.Passes(keys, 0) && fight.Passes(keys, 0) && ighter.Passes(keys, 0));
        Assert.False(kit.Passes(keys, 0) || quote.Passes(keys, 0));
        Assert.True(kit.Passes(keys, 1)); // the Kelvin sign matches k when case is ignored
        Assert.True(quote.Passes(keys, 2));
        Assert.False(fighters.Passes(keys, 3) || fight.Passes(keys, 3) || kit.Passes(keys, 3) || quote.Passes(keys, 3));
        Assert.True(Gate.Open.Passes(keys, 3));
    }

    [Theory]
    [InlineData("A DOZEN fighters")]
    [InlineData("several hundred people")]
    [InlineData("Scores of civilians")]
    [InlineData("forty-five militants")]
    [InlineData("some 1,200 residents")]
    [InlineData("two to three thousand")]
    [InlineData("a few hundred")]
    [InlineData("tens of thousands")]
    public void EveryQuantityHoldsTheTextOfTheQuantityGate(string text)
    {
        var rules = RuleSetCompiler.Compile(DefaultRules.Content, DefaultRules.Source);

        Assert.NotEmpty(rules.Quantities.FindAll(text, 0, text.Length));
        Assert.True(rules.QuantityGate.Passes(rules.Keys.Read([text]), 0));
        Assert.False(rules.QuantityGate.Passes(rules.Keys.Read(["Foreign fighters left the city"]), 0));
    }

    /// <summary>A whole-span pattern turned away early answers as its regex does, on any span.</summary>
    [Theory]
    [InlineData(@"^\s+(?:of|for)\s+(?:the\s+)?$")]
    [InlineData(@"^(?:\s+to)?\s+$")]
    [InlineData(@"^\s+(?:[\w-]+\s+)?$")]
    [InlineData(@"^(?:\s+(?:out|off))?(?:\s+from\s+[^,;.]{1,10}?)??\s+(?:(?:the|a)\s+)?(?:[\w’'-]+\s+){0,3}?$")]
    [InlineData(@"^[^,]*(?=x).$")]
    [InlineData(@"^(?:of|for)$")]
    public void AWholeSpanPattern_AnswersAsItsRegex(string pattern)
    {
        var regex = new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        var gated = new WholeSpanPattern(regex);
        var random = new Random(5);
        string[] pieces = [" ", "  ", "of", "FOR", "the", "to", "out", "from", "a", "x", ",", ";", ".", "\n", "-", "’", "K", "é", "(", "7"];
        for (var i = 0; i < 20_000; i++)
        {
            var span = string.Concat(Enumerable.Range(0, random.Next(0, 7)).Select(_ => pieces[random.Next(pieces.Length)]));
            Assert.True(regex.IsMatch(span) == gated.IsMatch(span), $"/{pattern}/ on '{span}'");
        }
    }

    /// <summary>Event dates are looked for only at words the date pattern can begin with: the list must hold every such word.</summary>
    [Fact]
    public void EveryDateExpressionBeginsWithADigitOrAStartWord()
    {
        var scan = new Regex(EventDates.Pattern.Replace(@"\G", "", StringComparison.Ordinal), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        var sentences = FixtureSentences()
            .Concat(["Sepember 3", "on 14th Oct., 2017", "Tonight the convoy", "In the last 24 hours", "EARLIER THIS WEEK", "Sunday's deal", "last night"]);

        var found = 0;
        foreach (var sentence in sentences)
        {
            foreach (Match m in scan.Matches(sentence))
            {
                found++;
                var word = new string([.. m.Value.TakeWhile(char.IsAsciiLetter)]);
                Assert.True(char.IsAsciiDigit(m.Value[0]) || EventDates.StartWords.Contains(word), $"'{m.Value}' begins with a word the list lacks");
            }
            Assert.Equal(scan.Match(sentence) is { Success: true } first ? first.Value.Trim() : null, EventDates.Find(sentence, new DateOnly(2017, 10, 15))?.Text);
        }
        Assert.True(found > 100, $"only {found} date expressions read");
    }

    /// <summary>Every pattern of the bundled rules with a gate, on every sentence of the seeds and the invented held-out sets.</summary>
    [Fact]
    public void TheBundledRulesGates_NeverTurnAwayASentenceTheirPatternMatches()
    {
        var rules = RuleSetCompiler.Compile(DefaultRules.Content, DefaultRules.Source);
        var builder = new GateBuilder();
        var patterns = rules.Topics.SelectMany(t => t.Rules).SelectMany(r => new[] { r.Pattern, r.Unless?.Regex, r.Context?.Regex })
            .Concat(rules.Topics.Select(t => t.Cue?.Regex))
            .OfType<Regex>().Distinct().Select(r => (Regex: r, Gate: builder.For(r))).ToList();
        var scanner = builder.Scanner();
        var sentences = FixtureSentences().ToList();
        var keys = scanner.Read(sentences);

        var matched = 0;
        for (var i = 0; i < sentences.Count; i++)
        {
            foreach (var (regex, gate) in patterns)
            {
                if (!regex.IsMatch(sentences[i]))
                    continue;
                matched++;
                Assert.True(gate.Passes(keys, i), $"the gate of /{regex}/ turned away a sentence it matches: {sentences[i]}");
            }
        }
        Assert.True(matched > 500, $"only {matched} matches: the test reads too little");
        Assert.True(patterns.Count(p => !p.Gate.IsOpen) > patterns.Count * 3 / 4, "most bundled patterns should have a gate");
    }

    /// <summary>Random patterns and texts: whatever a pattern matches, its gate lets through.</summary>
    [Fact]
    public void RandomPatterns_GatesNeverTurnAwayAMatch()
    {
        var random = new Random(12);
        string[] words = ["fox", "dog", "kit", "cats", "ox", "a", "sky"];
        string Atom(int depth) => random.Next(depth > 2 ? 5 : 9) switch
        {
            0 => words[random.Next(words.Length)],
            1 => Regex.Escape(words[random.Next(words.Length)]) + "s?",
            2 => @"\s+",
            3 => random.Next(2) == 0 ? @"\w+" : "[a-z]{1,3}",
            4 => random.Next(2) == 0 ? @"\b" : "[ko]",
            5 => $"(?:{Pattern(depth + 1)}|{Pattern(depth + 1)})",
            6 => $"(?:{Pattern(depth + 1)})" + new[] { "?", "*", "+", "{2}", "{1,2}" }[random.Next(5)],
            7 => $"(?={Pattern(depth + 1)})",
            _ => $"(?-i:{Pattern(depth + 1)})",
        };
        string Pattern(int depth) => string.Concat(Enumerable.Range(0, 1 + random.Next(3)).Select(_ => Atom(depth)));
        string Text()
        {
            var text = new StringBuilder();
            for (var w = random.Next(1, 7); w > 0; w--)
            {
                var word = words[random.Next(words.Length)];
                word = random.Next(4) switch { 0 => word.ToUpperInvariant(), 1 => word.Replace('k', '\u212A'), _ => word };
                text.Append(word).Append(random.Next(3) == 0 ? "" : " ");
            }
            return text.ToString();
        }

        var checkedMatches = 0;
        for (var round = 0; round < 400; round++)
        {
            var builder = new GateBuilder();
            var cases = Enumerable.Range(0, 10).Select(_ => Pattern(0)).Distinct()
                .Select(p => new Regex(p, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)).Select(r => (Regex: r, Gate: builder.For(r))).ToList();
            var texts = Enumerable.Range(0, 30).Select(_ => Text()).ToList();
            var keys = builder.Scanner().Read(texts);
            for (var i = 0; i < texts.Count; i++)
            {
                foreach (var (regex, gate) in cases.Where(c => c.Regex.IsMatch(texts[i])))
                {
                    checkedMatches++;
                    Assert.True(gate.Passes(keys, i), $"the gate of /{regex}/ turned away '{texts[i]}'");
                }
            }
        }
        Assert.True(checkedMatches > 10_000, $"only {checkedMatches} matches checked");
    }

    /// <summary>A frame's gate asks for its theme's words: a sentence without them is not read for the frame at all.</summary>
    [Fact]
    public void AFrameIsTriedOnlyWhereItsThemeCanStand()
    {
        var rules = RuleSetCompiler.Compile(DefaultRules.Content, DefaultRules.Source);
        var frame = rules.TopicsById["foreign_fighters.departed"].Rules.First(r => r.Id == "ffd.foreigners-left");
        var keys = rules.Keys.Read(["Some 250 fighters left the city.", "Foreign fighters left the city."]);

        Assert.False(frame.Gate.Passes(keys, 0));
        Assert.True(frame.Gate.Passes(keys, 1));
        var article = ArticleIntake.Ingest(new ArticleSubmission("t.txt", "Raqqa deal\n\nForeign fighters left the city, an official said."), ArticleReadingOptions.Default);
        Assert.Contains(new ClaimExtractor(rules).Extract(article), c => c.Topic == "foreign_fighters.departed" && c.RuleId == "ffd.foreigners-left");
    }

    /// <summary>Every sentence of the seeds and of the invented held-out sets.</summary>
    private static IEnumerable<string> FixtureSentences() =>
        Directory.GetFiles(RepoPaths.Seeds, "*.txt")
            .Concat(Directory.GetDirectories(Path.Combine(RepoPaths.Root, "tests", "fixtures")).SelectMany(d => Directory.GetFiles(d, "*.txt")))
            .SelectMany(f => SentenceSplitter.Split(File.ReadAllText(f)).Select(s => s.Text));
}
