using RaqqaLedger.Domain.Claims;

namespace RaqqaLedger.Extraction.Tests.Extraction;

public class ClaimExtractorTests
{
    private const string Body = "Raqqa deal\n\n";

    [Theory]
    [InlineData("A portion of the foreigners have left, a local official said.", true)]
    [InlineData("Some foreign Islamic State [IS] group militants have left the city, a local official said.", true)]
    [InlineData("A batch of foreign jihadists had also departed with the convoy, residents said.", true)]
    [InlineData("Foreign fighters did not leave under the withdrawal deal, a spokesman said.", false)]
    [InlineData("The spokesman said that no foreign fighters had left the city.", false)]
    [InlineData("Foreign militants didn't leave the city, the SDF said.", false)]
    public void ForeignFighters_Departed_ReadsAffirmationsAndNegations(string sentence, bool expected)
    {
        var claim = Assert.Single(Extract.Topic(Body + sentence, "foreign_fighters.departed"));

        Assert.Equal(ClaimValue.Yes(expected), claim.Value);
    }

    [Theory]
    [InlineData("Foreign militants were excluded from the deal, according to the coalition.", false)]
    [InlineData("The coalition said the agreement purportedly excludes foreign Daesh (IS) terrorists.", false)]
    [InlineData("The coalition specifically ruled out the exit of foreign IS fighters.", false)]
    [InlineData("Foreign fighters for ISIS are not covered in the agreement, however.", false)]
    [InlineData("The coalition stressed that no foreign fighters would be allowed to escape the city.", false)]
    [InlineData("Alloush said a deal was reached for foreign IS militants to leave Raqqa.", true)]
    [InlineData("An official said both foreign and Syrian fighters would be leaving the city.", true)]
    [InlineData("The militia agreed to let foreign fighters leave, a source said.", true)]
    [InlineData("The coalition is adamant about not allowing foreign fighters to leave.", false)]
    public void Deal_AllowsForeignFighters_ReadsTermsExclusionsAndDenials(string sentence, bool expected)
    {
        var claim = Assert.Single(Extract.Topic(Body + sentence, "deal.allows_foreign_fighters"));

        Assert.Equal(ClaimValue.Yes(expected), claim.Value);
    }

    [Theory]
    [InlineData("Around 275 local fighters and their families had left, the SDF said.", "fighters.departed.count", """{"approx":275}""")]
    [InlineData("More than 200 militants have left the city, activists said.", "fighters.departed.count", """{"min":200}""")]
    [InlineData("An estimated about 100 militants had surrendered, an official said.", "fighters.surrendered.count", """{"approx":100}""")]
    [InlineData("The deal ensures the surrender of 275 local mercenaries.", "fighters.surrendered.count", """{"exact":275}""")]
    [InlineData("Up to 500 fighters were in Raqqa, he said.", "fighters.remaining.count", """{"max":500}""")]
    [InlineData("Coalition sources put the number at 300-400 fighters.", "fighters.remaining.count", """{"min":300,"max":400}""")]
    [InlineData("Between 300 and 400 militants remained in the city.", "fighters.remaining.count", """{"min":300,"max":400}""")]
    [InlineData("They have 400 hostages with them.", "hostages.count", """{"exact":400}""")]
    [InlineData("The UN estimates that 8,000 people are trapped in Raqqa.", "civilians.trapped.count", """{"exact":8000}""")]
    [InlineData("Over 3000 civilians have fled the city as part of the evacuation agreement.", "civilians.evacuated.count", """{"min":3000}""")]
    [InlineData("Nearly 270,000 people have fled Raqqa since April.", "civilians.displaced.count", """{"approx":270000}""")]
    [InlineData("Three thousand people have fled Raqqa since June.", "civilians.displaced.count", """{"exact":3000}""")]
    [InlineData("Activists say more than 1,000 civilians have been killed in Raqqa.", "civilians.killed.count", """{"min":1000}""")]
    [InlineData("They hold around 90 percent of the city.", "city.sdf_control.percent", """{"approx":90}""")]
    [InlineData("The SDF controls 90 per cent of Raqqa.", "city.sdf_control.percent", """{"exact":90}""")]
    [InlineData("The SDF now controls more than nine-tenths of Raqqa.", "city.sdf_control.percent", """{"min":90}""")]
    [InlineData("State media said the SDF held only three-quarters of Raqqa.", "city.sdf_control.percent", """{"approx":75}""")]
    public void Numbers_KeepTheirHedgeAsTheValueForm(string sentence, string topic, string expected)
    {
        var claim = Assert.Single(Extract.Topic(Body + sentence, topic));

        Assert.Equal(expected, claim.Value.ToJson());
    }

    [Fact]
    public void Percent_HeldByTheOtherSide_IsComplemented()
    {
        var claim = Assert.Single(Extract.Topic(Body + "IS now holds just 10% of the city.", "city.sdf_control.percent"));

        Assert.Equal(ClaimValue.Approx(90), claim.Value);
    }

    [Fact]
    public void ASentenceWithoutANumber_MakesNoCountClaim()
    {
        Assert.Empty(Extract.Topic(Body + "He could not confirm how many fighters had left the city or where they had gone.", "fighters.departed.count"));
    }

    [Theory]
    [InlineData("\"Foreign fighters have left,\" said Omar Allouch, an official.", "Omar Alloush", "Omar Allouch")]
    [InlineData("Foreign fighters have left, according to Alloush.", "Omar Alloush", "Alloush")]
    [InlineData("Foreign fighters did not leave, SDF spokesman Talal Selo said.", "Talal Silo", "SDF spokesman Talal Selo")]
    [InlineData("Foreign fighters did not leave, Mustafa Bali told Reuters.", "Mostafa Bali", "Mustafa Bali")]
    [InlineData("Foreign fighters did not leave, the Combined Joint Task Force said.", "US-led coalition", "the Combined Joint Task Force")]
    [InlineData("Foreign fighters did not leave, coalition sources said.", "US-led coalition", "coalition sources")]
    [InlineData("Foreign fighters did not leave, a UN official said.", "United Nations", "a UN official")]
    [InlineData("Foreign fighters did not leave, the United Nations said.", "United Nations", "the United Nations")]
    [InlineData("Foreign fighters did not leave, Jane Doe, a resident, told AFP.", "Jane Doe", "Jane Doe")]
    [InlineData("Foreign fighters did not leave.", null, null)]
    public void Speakers_ResolveAliasesToOneCanonicalName(string sentence, string? speaker, string? asWritten)
    {
        var claim = Assert.Single(Extract.Topic(Body + sentence, "foreign_fighters.departed"));

        Assert.Equal((speaker, asWritten), (claim.Speaker, claim.SpeakerAsWritten));
    }

    [Fact]
    public void PronounsAndTheOfficial_ResolveToTheLastSpeakerNamed()
    {
        const string text = Body +
            "The SDF continued to battle, SDF spokesman Mostafa Bali said. Foreign fighters did not leave under the deal, he added.\n\n" +
            "Omar Alloush, a council member, spoke to AFP. The official confirmed that a group of foreign fighters had departed.";

        var claims = Extract.Topic(text, "foreign_fighters.departed");

        Assert.Equal([("Mostafa Bali", "he"), ("Omar Alloush", "The official")], claims.Select(c => (c.Speaker, c.SpeakerAsWritten)));
    }

    [Fact]
    public void ASurname_ResolvesToTheFullNameGivenEarlier()
    {
        const string text = Body + "Analyst Sam Heller said the city was lost. Heller said foreign fighters had left the city.";

        Assert.Equal("Sam Heller", Assert.Single(Extract.Topic(text, "foreign_fighters.departed")).Speaker);
    }

    [Fact]
    public void AQuoteContinuingOnItsOwn_KeepsTheSpeakerOfTheQuoteBefore()
    {
        const string text = Body + "\"We will not make a deal,\" Dillon told AFP.\n\n\"This is a local solution.\"";

        Assert.Equal("Ryan Dillon", Assert.Single(Extract.Topic(text, "deal.brokered_by")).Speaker);
    }

    [Fact]
    public void TheSameClaimInTheSameWords_ARepeatedHeadline_IsOneClaim()
    {
        const string text = "IS foreign militants leave Raqqa\n\nIS foreign militants leave Raqqa\nThe convoy was seen on the road.";

        var claims = Extract.Topic(text, "foreign_fighters.departed");

        Assert.Single(claims);
        Assert.Null(claims[0].Speaker);
    }

    /// <summary>
    /// A standfirst and a lede that say the same in other words are two reports, each kept with its own
    /// sentence: an auditor asking where the article said so gets both places.
    /// </summary>
    [Fact]
    public void TheSameClaimInOtherWords_IsAClaimOfEachSentence()
    {
        const string text = "IS foreign militants leave Raqqa\n\nIS foreign militants leave Raqqa under the deal. Later, foreign militants left Raqqa, AFP reported.";

        var claims = Extract.Topic(text, "foreign_fighters.departed");

        Assert.Equal(3, claims.Count);
        Assert.All(claims, c => Assert.Null(c.Speaker));
        Assert.Equal(3, claims.Select(c => c.Span.Start).Distinct().Count());
    }

    [Fact]
    public void TheSameValueFromTwoSpeakers_IsTwoClaims()
    {
        const string text = Body + "Foreign fighters have left, Alloush said. Foreign fighters have left, a local official said.";

        Assert.Equal(2, Extract.Topic(text, "foreign_fighters.departed").Count);
    }

    [Theory]
    [InlineData("A convoy with foreign fighters left on Saturday, a local official said.", "2017-10-15", "2017-10-14", "2017-10-14")]
    [InlineData("Foreign fighters left the city last night, a local official said.", "2017-10-15", "2017-10-14", "2017-10-14")]
    [InlineData("Foreign fighters left the city earlier this week, a local official said.", "2017-10-15", "2017-10-09", "2017-10-14")]
    [InlineData("Foreign fighters left the city on October 12, a local official said.", "2017-10-15", "2017-10-12", "2017-10-12")]
    [InlineData("Foreign fighters left the city on Saturday, a local official said.", null, null, null)]
    public void RelativeDates_ResolveAgainstThePublicationDate(string sentence, string? published, string? from, string? to)
    {
        var claim = Assert.Single(Extract.From(Body + sentence, published), c => c.Topic == "foreign_fighters.departed");

        Assert.NotNull(claim.EventDate);
        Assert.Equal(from, claim.EventDate!.From?.ToString("yyyy-MM-dd"));
        Assert.Equal(to, claim.EventDate.To?.ToString("yyyy-MM-dd"));
    }

    [Fact]
    public void Quotes_AreExactTextOfTheArticleAtTheirSpan()
    {
        foreach (var prefix in new[] { "000", "001", "002", "003", "004" })
        {
            var article = Extract.Article(Extract.Seed(prefix), null);
            foreach (var claim in Extract.Default.Extract(article))
                Assert.Equal(claim.Quote, article.Text.Substring(claim.Span.Start, claim.Span.Length));
        }
    }

    [Fact]
    public void Extraction_IsDeterministic()
    {
        var article = Extract.Article(Extract.Seed("004"));
        var again = new ClaimExtractor(Rules.RuleSetCompiler.Compile(Rules.DefaultRules.Content, "again"));

        Assert.Equal(Extract.Default.Extract(article), again.Extract(article));
    }

    [Fact]
    public void ClaimIds_DoNotDependOnTheValue_SoAChangedReadingIsARevision()
    {
        var a = ClaimExtractor.ClaimIdOf("article", "hostages.count", 120, 0);

        Assert.Equal(a, ClaimExtractor.ClaimIdOf("article", "hostages.count", 120, 0));
        Assert.NotEqual(a, ClaimExtractor.ClaimIdOf("article", "hostages.count", 121, 0));
        Assert.NotEqual(a, ClaimExtractor.ClaimIdOf("article", "hostages.count", 120, 1));
    }
}

/// <summary>The rules read English: an article in another language is recorded, marked, and said to be skipped.</summary>
public class LanguageTests
{
    private const string French =
        "Des combattants étrangers ont quitté Raqqa\n\nDes combattants étrangers de l'État islamique ont quitté la ville de Raqqa dans le cadre d'un accord d'évacuation, " +
        "selon un responsable local. Environ 275 combattants syriens sont partis avec leurs familles, a précisé le responsable, qui n'a pas donné de détails sur les étrangers.";

    [Fact]
    public void AnArticleInAnotherLanguage_IsMarked_AndExtractionSaysItSkippedIt()
    {
        var article = Extract.Article(French);

        Assert.Equal("fr", article.Language);
        Assert.Empty(Extract.Default.Extract(article));
        Assert.Contains("(fr)", ClaimExtractor.SkipReason(article), StringComparison.Ordinal);
    }

    [Fact]
    public void AnEnglishArticle_IsRead()
    {
        var article = Extract.Article("Raqqa deal\n\nForeign fighters have left the city of Raqqa under an evacuation deal, a local official said on Sunday, and the militia confirmed it.");

        Assert.Equal("en", article.Language);
        Assert.Null(ClaimExtractor.SkipReason(article));
        Assert.NotEmpty(Extract.Default.Extract(article));
    }

    [Fact]
    public void AnArticleRecordedBeforeLanguagesWere_IsJudgedByItsText()
    {
        var article = Extract.Article(French) with { Language = null };

        Assert.Empty(Extract.Default.Extract(article));
        Assert.NotNull(ClaimExtractor.SkipReason(article));
    }

    [Fact]
    public void EveryFixtureArticle_IsReadAsEnglish()
    {
        var folders = new[] { Testing.RepoPaths.Seeds }.Concat(Directory.GetDirectories(Path.Combine(Testing.RepoPaths.Root, "tests", "fixtures"), "heldout*"));
        var texts = folders.SelectMany(f => Directory.GetFiles(f, "*.txt")).ToList();

        Assert.NotEmpty(texts);
        Assert.All(texts, path => Assert.Equal("en", Extract.Article(File.ReadAllText(path)).Language));
    }
}

/// <summary>A quotation of several sentences is one unit with its attribution.</summary>
public class QuotationTests
{
    private const string Silo =
        "Raqqa\n\n\"Some 250 fighters left with their families. None of them were foreigners,\" SDF spokesman Talal Silo told Reuters.";

    [Fact]
    public void AClaimInAQuotationsSecondSentence_IsTheSpeakersAfterIt_AndItsQuoteIsTheWholeQuotation()
    {
        var claims = Extract.From(Silo);

        var foreign = Assert.Single(claims, c => c.Topic == "foreign_fighters.departed");
        Assert.Equal((ClaimValue.Yes(false), "Talal Silo"), (foreign.Value, foreign.Speaker));
        Assert.StartsWith("\"Some 250 fighters", foreign.Quote, StringComparison.Ordinal);
        Assert.EndsWith("told Reuters.", foreign.Quote, StringComparison.Ordinal);
        var count = Assert.Single(claims, c => c.Topic == "fighters.departed.count");
        Assert.Equal((ClaimValue.Approx(250), "Talal Silo"), (count.Value, count.Speaker));
    }

    [Fact]
    public void AQuotationEndingInAFullStop_EndsItsSentence()
    {
        var sentences = RaqqaLedger.Extraction.Text.SentenceSplitter.Split("\"The battle is over.\" Bali said more would follow. Then he left.");

        Assert.Equal(["\"The battle is over.\"", "Bali said more would follow.", "Then he left."], sentences.Select(s => s.Text));
    }

    [Fact]
    public void AQuotationLeftOpenAtTheEndOfAParagraph_DoesNotHoldItsSentencesTogether()
    {
        var sentences = RaqqaLedger.Extraction.Text.SentenceSplitter.Split("\"We took the city. The fighters left. The rest is history");

        Assert.Equal(3, sentences.Count);
    }
}
