using System.Globalization;
using System.Text.RegularExpressions;
using RaqqaLedger.Extraction.Numbers;
using RaqqaLedger.Testing;

namespace RaqqaLedger.Extraction.Tests.Numbers;

public sealed class QuantityGrammarTests
{
    private static readonly QuantityGrammar Grammar = new(HedgeLexicon.Default);

    /// <summary>"Exact 275", "Approx 100", "Min 24", "Max 8000", "Range 300..400"; a trailing "%" marks a percentage.</summary>
    private static string Describe(QuantityMatch match)
    {
        static string N(decimal? d) => d!.Value.ToString("0.##########", CultureInfo.InvariantCulture);
        var q = match.Quantity;
        var text = q.Kind switch
        {
            QuantityKind.Range => $"Range {N(q.Min)}..{N(q.Max)}",
            QuantityKind.Min => $"Min {N(q.Min)}",
            QuantityKind.Max => $"Max {N(q.Max)}",
            _ => $"{q.Kind} {N(q.Value)}",
        };
        return match.IsPercent ? text + "%" : text;
    }

    private static IReadOnlyList<QuantityMatch> FindAll(string text) => Grammar.FindAll(text, 0, text.Length);

    [Theory]
    // Plain numbers are exact.
    [InlineData("275", "Exact 275")]
    [InlineData("8,000", "Exact 8000")]
    [InlineData("270,000", "Exact 270000")]
    [InlineData("1,000,000", "Exact 1000000")]
    [InlineData("3000", "Exact 3000")]
    [InlineData("2.5", "Exact 2.5")]
    [InlineData("2.5 million", "Exact 2500000")]
    [InlineData("3 thousand", "Exact 3000")]
    [InlineData("1.2bn", "Exact 1200000000")]
    // Number words are exact too, "a dozen" included.
    [InlineData("three thousand", "Exact 3000")]
    [InlineData("a hundred", "Exact 100")]
    [InlineData("A thousand", "Exact 1000")]
    [InlineData("one thousand", "Exact 1000")]
    [InlineData("two hundred and fifty", "Exact 250")]
    [InlineData("one hundred and one", "Exact 101")]
    [InlineData("forty-five", "Exact 45")]
    [InlineData("forty five", "Exact 45")]
    [InlineData("Ten", "Exact 10")]
    [InlineData("a dozen", "Exact 12")]
    [InlineData("two dozen", "Exact 24")]
    [InlineData("fifteen hundred", "Exact 1500")]
    [InlineData("two million five hundred thousand", "Exact 2500000")]
    // Vague amounts.
    [InlineData("dozens", "Min 24")]
    [InlineData("dozens of", "Min 24")]
    [InlineData("scores of", "Min 40")]
    [InlineData("hundreds", "Min 200")]
    [InlineData("hundreds of", "Min 200")]
    [InlineData("thousands", "Min 2000")]
    [InlineData("tens of thousands", "Min 20000")]
    [InlineData("tens of thousands of", "Min 20000")]
    [InlineData("hundreds of thousands", "Min 200000")]
    // The gold file's convention: a vague amount is the least its words allow.
    [InlineData("a few hundred", "Min 200")]
    [InlineData("a few dozen", "Min 24")]
    [InlineData("a couple of thousand", "Approx 2000")]
    [InlineData("several hundred", "Min 200")]
    [InlineData("several thousand", "Min 2000")]
    // Hedges: the one nearest the number decides.
    [InlineData("around 275", "Approx 275")]
    [InlineData("an estimated about 100", "Approx 100")]
    [InlineData("Nearly 270,000", "Approx 270000")]
    [InlineData("some 3,000", "Approx 3000")]
    [InlineData("about a hundred", "Approx 100")]
    [InlineData("roughly three thousand", "Approx 3000")]
    [InlineData("up to 8,000", "Max 8000")]
    [InlineData("about up to 8,000", "Max 8000")]
    [InlineData("up to about 8,000", "Approx 8000")]
    [InlineData("UP  TO\t8,000", "Max 8000")]
    [InlineData("no more than 500", "Max 500")]
    [InlineData("as many as 400", "Max 400")]
    [InlineData("fewer than fifty", "Max 50")]
    [InlineData("more than 1,000", "Min 1000")]
    [InlineData("over 3000", "Min 3000")]
    [InlineData("Over 3000", "Min 3000")]
    [InlineData("at least 12", "Min 12")]
    [InlineData("in excess of 2.5 million", "Min 2500000")]
    [InlineData("more than a dozen", "Min 12")]
    [InlineData("more than a few hundred", "Min 200")]
    // Ranges, hedged or not.
    [InlineData("300-400", "Range 300..400")]
    [InlineData("300–400", "Range 300..400")]
    [InlineData("300 to 400", "Range 300..400")]
    [InlineData("between 300 and 400", "Range 300..400")]
    [InlineData("from 300 to 400", "Range 300..400")]
    [InlineData("around 300 to 400", "Range 300..400")]
    [InlineData("5,000 to 7,000", "Range 5000..7000")]
    [InlineData("between two hundred and three hundred", "Range 200..300")]
    [InlineData("two to three thousand", "Range 2000..3000")]
    [InlineData("2-3 million", "Range 2000000..3000000")]
    // Percentages.
    [InlineData("90 percent", "Exact 90%")]
    [InlineData("90 per cent", "Exact 90%")]
    [InlineData("90%", "Exact 90%")]
    [InlineData("90 %", "Exact 90%")]
    [InlineData("10.5%", "Exact 10.5%")]
    [InlineData("ninety percent", "Exact 90%")]
    [InlineData("around 90 percent", "Approx 90%")]
    [InlineData("80-90 percent", "Range 80..90%")]
    public void Parse_reads_the_value_and_hedge_of_each_quantity_form(string text, string expected)
    {
        var parsed = Grammar.Parse(text);

        Assert.NotNull(parsed);
        Assert.Equal(expected, Describe(parsed));
        Assert.Equal((0, text.Length), (parsed.Start, parsed.Length));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("one")]
    [InlineData("one-time")]
    [InlineData("one of the")]
    [InlineData("once")]
    [InlineData("second")]
    [InlineData("15th")]
    [InlineData("B52")]
    [InlineData("COVID-19")]
    [InlineData("02:27")]
    [InlineData("10 a.m.")]
    [InlineData("-400")]
    [InlineData("0123")]
    [InlineData("1234567")]
    [InlineData("in 2014")]
    [InlineData("October 15")]
    [InlineData("15 Oct")]
    [InlineData("Some foreign militants")]
    [InlineData("some")]
    [InlineData("hundred")]
    [InlineData("three two")]
    [InlineData("two thousand three thousand")]
    [InlineData("3-2")]
    [InlineData("around 275 fighters")]
    public void Parse_returns_null_for_text_that_is_not_exactly_a_quantity(string text)
    {
        Assert.Null(Grammar.Parse(text));
    }

    [Fact]
    public void Parse_accepts_white_space_around_the_quantity_and_reports_the_trimmed_span()
    {
        var parsed = Grammar.Parse("  around 275 \n");

        Assert.NotNull(parsed);
        Assert.Equal("Approx 275", Describe(parsed));
        Assert.Equal((2, "around 275".Length), (parsed.Start, parsed.Length));
    }

    [Fact]
    public void Parse_has_no_context_so_a_bare_year_shaped_number_is_a_count()
    {
        // Callers that matched "2000" before "fighters" must get it back; FindAll is the one that skips years.
        Assert.Equal("Exact 2000", Describe(Grammar.Parse("2000")!));
        Assert.Empty(FindAll("2000"));
    }

    public static TheoryData<string, string[]> SeedSentences => new()
    {
        {
            "The SDF later said in a statement that around 275 local fighters and their families had left as part of the deal.",
            ["around 275 => Approx 275"]
        },
        {
            "Coalition sources put the number lower at 300-400 fighters.",
            ["300-400 => Range 300..400"]
        },
        {
            "The coalition estimated earlier this week that 300 to 400 militants remained in the city.",
            ["300 to 400 => Range 300..400"]
        },
        {
            "The deal was agreed amid concern about up to 8,000 civilians still trapped in Raqa, many of them reportedly being used as human shields by IS.",
            ["about up to 8,000 => Max 8000"]
        },
        {
            "Raqa was once the de facto Syrian capital of the jihadists' self-styled \"caliphate\" in Syria and Iraq, but IS now holds just 10% of the city.",
            ["10% => Exact 10%"]
        },
        {
            "On Friday, a local official said an estimated about 100 militants had surrendered.",
            ["an estimated about 100 => Approx 100"]
        },
        {
            "According to Alloush, up to 500 fighters including both Syrian and foreign-born jihadists were in Raqqa.",
            ["up to 500 => Max 500"]
        },
        {
            "So far. Over 3000 civilians have fled the city as part of the evacuation agreement.",
            ["Over 3000 => Min 3000"]
        },
        {
            "Activists say more than 1,000 civilians have been killed in Raqqa since the battle to retake the city began in June. Nearly 270,000 people have fled Raqqa since April.",
            ["more than 1,000 => Min 1000", "Nearly 270,000 => Approx 270000"]
        },
        {
            "The United Nations estimates that 8,000 people are trapped in Raqqa and called on all parties of the conflict to take all measures needed to protect civilians.",
            ["8,000 => Exact 8000"]
        },
        {
            "They hold around 90 percent of the city, but have struggled to take remaining IS positions over fears of large numbers of civilians being held as human shields.",
            ["around 90 percent => Approx 90%"]
        },
        {
            "Earlier on Saturday, the US-led coalition said around 100 IS fighters had surrendered to the SDF in the past 24 hours, but again stressed that no foreign fighters would be allowed to escape the city.",
            ["around 100 => Approx 100", "24 => Exact 24"]
        },
        {
            "Sun, 15 Oct 2017 - 02:27 GMT",
            []
        },
        {
            "An armoured vehicle of the Syrian Democratic Forces is seen along a road at the frontline in Raqqa, Syria, Oct. 8, 2017.",
            []
        },
        {
            "CAIRO – 15 October 2017: A group of Islamic State fighters evacuated the Syrian city of Raqqa overnight, taking civilians with them as human shields, a militia spokesman told Reuters on Sunday.",
            []
        },
        {
            "AIN ISSA , Syria – US-backed forces announced the \"final phase\" of the battle to retake Syria's Raqa on Sunday, October 15, after a group of foreign Islamic State (ISIS) group fighters left their one-time stronghold under an evacuation deal.",
            []
        },
        {
            "Raqqa was the first major Syrian city to fall to the Islamic State, as it declared a \"caliphate\" and rampaged through Syria and Iraq in 2014.",
            []
        },
        {
            "They have been meeting separately since early 2016 on a way forward in the crisis.",
            []
        },
        {
            "The deal was announced Saturday, with one senior local official telling AFP that both foreign and IS fighters would be leaving the city, possibly to remaining jihadist-held territory in neighboring Deir Ezzor province.",
            []
        },
        {
            "Some foreign Islamic State militants have left Syria's Raqqa city on Sunday as part of a withdrawal deal with US-backed militias, a local official said.",
            []
        },
        {
            "Its loss would be the latest in a string of blows to the group, which has ceded large swathes of territory including Iraq's second city Mosul.",
            []
        },
    };

    [Theory]
    [MemberData(nameof(SeedSentences))]
    public void FindAll_finds_each_quantity_of_a_seed_sentence_with_its_span(string sentence, string[] expected)
    {
        var found = FindAll(sentence).Select(m => $"{sentence.Substring(m.Start, m.Length)} => {Describe(m)}");

        Assert.Equal(expected, found);
    }

    [Fact]
    public void Seed_sentences_of_the_FindAll_table_are_quoted_verbatim_from_the_seed_articles()
    {
        var seeds = string.Join("\n", Directory.GetFiles(RepoPaths.Seeds, "*.txt").Order().Select(File.ReadAllText));

        foreach (var row in SeedSentences)
            Assert.Contains(row.Data.Item1, seeds, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("in 2014")]
    [InlineData("2017")]
    [InlineData("October 15, 2017")]
    [InlineData("15 October 2017")]
    [InlineData("15 October, 2017")]
    [InlineData("on October 15")]
    [InlineData("Sunday, 15 Oct")]
    [InlineData("between 2014 and 2017")]
    [InlineData("from 2014 to 2017")]
    [InlineData("2014-2017")]
    [InlineData("mid-2017")]
    [InlineData("the 1990s")]
    [InlineData("2017 was a turning point")]
    [InlineData("in 2014 fighters took the city")]
    [InlineData("02:27 GMT")]
    [InlineData("at 10 a.m. local time")]
    [InlineData("at 10am")]
    [InlineData("on the 15th")]
    [InlineData("Iraq's second city")]
    [InlineData("IS-held areas")]
    [InlineData("B52 bombers")]
    [InlineData("COVID-19 cases")]
    [InlineData("F-16 jets")]
    [InlineData("call 555-123-4567")]
    [InlineData("call +963 112345678")]
    [InlineData("ref 0931234567")]
    [InlineData("hash 3f9a2c7d")]
    [InlineData("id a3f9c2")]
    [InlineData("version 1.2.3")]
    [InlineData("their one-time stronghold")]
    [InlineData("one of the commanders")]
    [InlineData("once the capital")]
    [InlineData("a 15-year-old boy")]
    [InlineData("the 3-2 vote")]
    public void FindAll_skips_dates_times_ordinals_ids_and_lone_one(string text)
    {
        Assert.Empty(FindAll(text));
    }

    [Theory]
    [InlineData("3000 civilians have fled", "3000 => Exact 3000")]
    [InlineData("2,000 fighters left", "2,000 => Exact 2000")]
    [InlineData("2000 foreign fighters left", "2000 => Exact 2000")]
    [InlineData("1999 people were counted", "1999 => Exact 1999")]
    [InlineData("about 2017 fighters", "about 2017 => Approx 2017")]
    [InlineData("In June 2017, 300 fighters remained", "300 => Exact 300")]
    [InlineData("in October some 3,000 people fled", "some 3,000 => Approx 3000")]
    [InlineData("It began in June. Fifteen people died.", "Fifteen => Exact 15")]
    [InlineData("one thousand fighters", "one thousand => Exact 1000")]
    [InlineData("dozens of fighters", "dozens of => Min 24")]
    [InlineData("there are hundreds, maybe thousands", "hundreds => Min 200", "thousands => Min 2000")]
    [InlineData("300-400 fighters and 50 to 60 civilians", "300-400 => Range 300..400", "50 to 60 => Range 50..60")]
    [InlineData("up to 8,000 - or 9,000 - civilians", "up to 8,000 => Max 8000", "9,000 => Exact 9000")]
    [InlineData("it took 3 years and cost $2.5 million", "3 => Exact 3", "2.5 million => Exact 2500000")]
    [InlineData("ten fighters and two hundred and fifty civilians", "ten => Exact 10", "two hundred and fifty => Exact 250")]
    [InlineData("He was one of 12 men", "12 => Exact 12")]
    [InlineData("killed 300 and wounded 400", "300 => Exact 300", "400 => Exact 400")]
    [InlineData("between 300 and 400 fighters, and 200 civilians", "between 300 and 400 => Range 300..400", "200 => Exact 200")]
    [InlineData("a 2,000-strong force", "2,000 => Exact 2000")]
    [InlineData("(up to 500 fighters)", "up to 500 => Max 500")]
    public void FindAll_reads_counts_in_context_including_year_shaped_numbers_and_number_words(string text, params string[] expected)
    {
        var found = FindAll(text).Select(m => $"{text.Substring(m.Start, m.Length)} => {Describe(m)}");

        Assert.Equal(expected, found);
    }

    [Fact]
    public void Values_carry_no_trailing_zeros_from_scale_words()
    {
        Assert.Equal("2500000", Grammar.Parse("2.5 million")!.Quantity.Value!.Value.ToString(CultureInfo.InvariantCulture));
        Assert.Equal("1200000000", Grammar.Parse("1.2bn")!.Quantity.Value!.Value.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void FindAll_searches_only_the_given_slice_and_reports_spans_in_the_whole_text()
    {
        const string text = "Earlier 500 left. Now around 275 local fighters and 90% of the city. Later 600.";
        var start = text.IndexOf("Now", StringComparison.Ordinal);
        var length = text.IndexOf("Later", StringComparison.Ordinal) - start;

        var found = Grammar.FindAll(text, start, length);

        Assert.Equal(
            [("around 275", "Approx 275"), ("90%", "Exact 90%")],
            found.Select(m => (text.Substring(m.Start, m.Length), Describe(m))));
        Assert.Equal(text.IndexOf("around", StringComparison.Ordinal), found[0].Start);
    }

    [Fact]
    public void FindAll_rejects_a_slice_outside_the_text()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Grammar.FindAll("300 fighters", 5, 20));
        Assert.Throws<ArgumentOutOfRangeException>(() => Grammar.FindAll("300 fighters", -1, 3));
    }

    /// <summary>Text built from the words and forms the grammar cares about, in random order (fixed seed).</summary>
    private static IEnumerable<string> WordSalad()
    {
        string[] pieces =
        [
            "around", "about", "up", "to", "more", "than", "no more than", "over", "some", "an", "estimated", "between", "and",
            "from", "a", "few", "a couple of", "hundred", "hundreds", "of", "thousands", "tens", "dozen", "dozens", "several",
            "scores", "one", "two", "forty-five", "twenty", "three", "fifteen hundred", "300", "400", "8,000", "1,000,000", "2017",
            "2000", "15", "1.5", "2.5", "million", "bn", "02:27", "10%", "90", "percent", "per cent", "%", "-", "–", "3-2",
            "300-400", "555-123-4567", "October", "Oct.", "15 Oct", "June.", "in", "since", "fighters", "civilians", "people",
            "was", "the", "city", ",", ".", "(up", "to 400)", "a.m.", "15th", "B52", "COVID-19", "one-time", "2,000-strong",
        ];
        var random = new Random(20171015);
        for (var i = 0; i < 3000; i++)
            yield return string.Join(random.Next(4) == 0 ? "  " : " ", Enumerable.Range(0, random.Next(1, 12)).Select(_ => pieces[random.Next(pieces.Length)]));
    }

    [Fact]
    public void FindAll_agrees_with_a_plain_left_to_right_scan_with_Pattern()
    {
        // FindAll only tries the regex near digits and number words; this checks that it misses nothing the plain
        // scan finds and adds nothing it does not, over the seed articles and a salad of tricky forms.
        var scan = new Regex(Grammar.Pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        var texts = Directory.GetFiles(RepoPaths.Seeds, "*.txt").Select(File.ReadAllText).Concat(WordSalad());
        foreach (var text in texts)
        {
            var expected = scan.Matches(text)
                .Select(m => (m.Index, m.Length, Parsed: Grammar.Parse(m.Value)))
                .Where(m => m.Parsed is not null)
                .Select(m => $"{m.Index}+{m.Length} {Describe(m.Parsed!)}");

            var found = FindAll(text).Select(m => $"{m.Start}+{m.Length} {Describe(m)}");

            Assert.True(expected.SequenceEqual(found), $"'{text}': scan [{string.Join(", ", expected)}], FindAll [{string.Join(", ", found)}]");
        }
    }

    [Fact]
    public void Pattern_has_no_capturing_groups_of_its_own()
    {
        var regex = new Regex(Grammar.Pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        Assert.Equal([0], regex.GetGroupNumbers());
    }

    [Theory]
    [InlineData("The SDF said that around 275 local fighters and their families had left.", "around 275", "Approx 275")]
    [InlineData("Coalition sources put the number lower at 300-400 fighters.", "300-400", "Range 300..400")]
    [InlineData("He said dozens of militants surrendered.", "dozens of", "Min 24")]
    [InlineData("Over 3000 fighters have left.", "Over 3000", "Min 3000")]
    [InlineData("In 2017 fighters left, then 2000 fighters left.", "2000", "Exact 2000")]
    public void Pattern_embeds_in_a_larger_regex_with_a_named_group_whose_text_parses(string sentence, string quantity, string expected)
    {
        var regex = new Regex("(?<q>" + Grammar.Pattern + @")\s+(?:local\s+)?(?:of\s+)?(?:fighters|militants)",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        var match = regex.Match(sentence);

        Assert.True(match.Success);
        Assert.Equal(quantity, match.Groups["q"].Value);
        Assert.Equal(expected, Describe(Grammar.Parse(match.Groups["q"].Value)!));
    }

    [Fact]
    public void Pattern_gives_back_the_of_of_a_vague_amount_when_the_caller_needs_it()
    {
        var regex = new Regex("(?<q>" + Grammar.Pattern + @")\s+of\s+(?:the\s+)?(?:city|civilians)",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        Assert.Equal("hundreds", regex.Match("hundreds of civilians fled").Groups["q"].Value);
        Assert.Equal("around 90 percent", regex.Match("They hold around 90 percent of the city").Groups["q"].Value);
    }

    [Fact]
    public void Hedges_come_from_the_lexicon_so_a_rule_set_can_add_its_own()
    {
        var custom = new QuantityGrammar(new HedgeLexicon(["circa"], ["a minimum of"], ["a maximum of", "tops"]));

        Assert.Equal("Approx 300", Describe(custom.Parse("circa 300")!));
        Assert.Equal("Min 300", Describe(custom.Parse("a minimum of 300")!));
        Assert.Equal("Max 300", Describe(custom.Parse("A  maximum of 300")!));
        // "around" is not in this lexicon, so only the number is a quantity.
        Assert.Equal(["275 => Exact 275"],
            custom.FindAll("around 275 left", 0, 15).Select(m => $"{"around 275 left".Substring(m.Start, m.Length)} => {Describe(m)}"));
    }

    [Fact]
    public void An_empty_lexicon_still_finds_plain_numbers()
    {
        var bare = new QuantityGrammar(new HedgeLexicon([], [], []));

        Assert.Equal("Exact 275", Describe(bare.Parse("275")!));
        Assert.Null(bare.Parse("around 275"));
    }

    [Fact]
    public void FindAll_over_every_seed_article_reports_no_date_or_time_as_a_quantity()
    {
        foreach (var file in Directory.GetFiles(RepoPaths.Seeds, "*.txt"))
        {
            var text = File.ReadAllText(file);
            foreach (var match in Grammar.FindAll(text, 0, text.Length))
            {
                var value = match.Quantity.Value ?? match.Quantity.Min ?? match.Quantity.Max;
                Assert.False(value is >= 2013 and <= 2018, $"{Path.GetFileName(file)}: '{text.Substring(match.Start, match.Length)}'");
            }
        }
    }
}
