using RaqqaLedger.Domain.Claims;
using RaqqaLedger.Domain.Events;
using RaqqaLedger.Extraction.Rules;
using RaqqaLedger.Extraction.Tests.Extraction;

namespace RaqqaLedger.Extraction.Tests.Frames;

/// <summary>
/// Frames in the bundled rules, read in every form English gives them. None of these sentences is
/// written the way a hand-written rule expects it; each is one form a frame generates.
/// </summary>
public class FrameTests
{
    private const string Body = "Raqqa\n\n";

    private static ClaimExtracted One(string sentence, string topic) => Assert.Single(Extract.Topic(Body + sentence, topic));

    [Theory]
    // Active, with every inflection and auxiliary.
    [InlineData("About 275 fighters departed on Saturday.", """{"approx":275}""")]
    [InlineData("Some 250 fighters have pulled out of the city.", """{"approx":250}""")]
    [InlineData("More than 200 militants were able to escape.", """{"min":200}""")]
    [InlineData("Around 300 fighters were allowed to leave the city.", """{"approx":300}""")]
    // Passive.
    [InlineData("About 250 fighters were bussed out of Raqqa.", """{"approx":250}""")]
    [InlineData("Some 250 fighters were given safe passage.", """{"approx":250}""")]
    [InlineData("Up to 400 militants had been transported out overnight.", """{"max":400}""")]
    // The theme as an object, of the verb or of a permission verb.
    [InlineData("The deal allowed 275 fighters to leave.", """{"exact":275}""")]
    [InlineData("The convoy carried some 250 fighters out of the city.", """{"approx":250}""")]
    // A noun of the event.
    [InlineData("Officials confirmed the departure of 275 fighters.", """{"exact":275}""")]
    [InlineData("The agreement provided safe passage for 300 fighters.", """{"exact":300}""")]
    [InlineData("The evacuation of 250 militants began at dawn.", """{"exact":250}""")]
    public void FightersLeaving_IsReadInEveryForm(string sentence, string expected) =>
        Assert.Equal(expected, One(sentence, "fighters.departed.count").Value.ToJson());

    [Theory]
    [InlineData("Some 250 fighters (most of them Syrians) left.")]
    [InlineData("Some 250 fighters, most of them from the city, left.")]
    [InlineData("Some 250 fighters and their families left.")]
    [InlineData("Some 250 fighters on Saturday left.")]
    [InlineData("Some 250 fighters, who had held out for months, left.")]
    [InlineData("Some 250 fighters — some, but not all, of them Syrians — left.")]
    public void WordsBetweenTheThemeAndItsVerb_AreAGap(string sentence) =>
        Assert.Equal(ClaimValue.Approx(250), One(sentence, "fighters.departed.count").Value);

    [Fact]
    public void TalksBetweenLocalsAndOthers_DoNotSayWhoBrokeredTheDeal() =>
        Assert.Empty(Extract.Topic("Raqqa\n\nThe announcement came after days of talks between tribal leaders, the militia and the jihadists still inside the city.", "deal.brokered_by"));

    [Theory]
    [InlineData("Talal Silo said the city is now \"100 percent\" under SDF control.", "city.sdf_control.percent", """{"exact":100}""")]
    [InlineData("The SDF said Raqqa had been \u201C100 percent liberated\u201D.", "city.sdf_control.percent", """{"exact":100}""")]
    [InlineData("Ostapenko said the coalition had \"negotiated the safe exit\" of the militants.", "deal.brokered_by", "\"us_coalition\"")]
    public void QuotationMarksInsideAPhrase_DoNotHideItsClaim(string sentence, string topic, string expected)
    {
        var claim = Assert.Single(Extract.Topic("Raqqa\n\n" + sentence, topic));

        Assert.Equal(expected, claim.Value.ToJson());
        Assert.Equal(sentence, claim.Quote);
    }

    [Theory]
    [InlineData("275 fighters bussed out of Raqqa", "fighters.departed.count", """{"exact":275}""")]
    [InlineData("90% of city liberated", "city.sdf_control.percent", """{"exact":90}""")]
    [InlineData("Foreign fighters left Raqqa: official", "foreign_fighters.departed", "true")]
    [InlineData("Regime forces take Mayadeen", "mayadeen.captured", "true")]
    public void AHeadline_WithNoVerbOrABareParticiple_IsRead(string headline, string topic, string expected)
    {
        var claim = Assert.Single(Extract.Topic(headline + "\n\nThe fighting went on.", topic));

        Assert.Equal(expected, claim.Value.ToJson());
    }

    [Fact]
    public void AHeadlinesSourceAfterAColon_IsItsSpeaker() =>
        Assert.Equal("local official", Assert.Single(Extract.Topic("Foreign fighters left Raqqa: local official\n\nText.", "foreign_fighters.departed")).Speaker);

    [Theory]
    [InlineData("The deal was negotiated between the Raqqa Civil Council and tribal elders.", "local_officials")]
    [InlineData("Fighters left under an arrangement worked out by the city's tribal elders.", "local_officials")]
    [InlineData("Local officials brokered the deal.", "local_officials")]
    [InlineData("The fighters left under a locally negotiated agreement.", "local_officials")]
    [InlineData("The departure was the fruit of days of talks between tribal sheikhs of the province and the Raqqa Civil Council.", "local_officials")]
    [InlineData("The agreement was arranged by a local council.", "local_officials")]
    [InlineData("Fighters left under a US-brokered deal.", "us_coalition")]
    [InlineData("The talks were run by the council and the elders.", "local_officials")]
    [InlineData("The talks, which he said had been handled by local officials, ended on Saturday.", "local_officials")]
    [InlineData("The arrangement was worked out over two nights by tribal elders.", "local_officials")]
    [InlineData("Tribal elders negotiated with Islamic State for a week.", "local_officials")]
    [InlineData("Moscow said the United States had brokered the agreement.", "us_coalition")]
    [InlineData("That arrangement, which was negotiated and agreed by local Syrian leaders, was announced.", "local_officials")]
    [InlineData("He said the arrangement had been struck \"by the Raqqa Civil Council and the tribal elders\".", "local_officials")]
    [InlineData("The civil council and tribal elders negotiated the terms.", "local_officials")]
    [InlineData("The arrangement was a local one, reached by local leaders.", "local_officials")]
    public void WhoBrokeredTheDeal_IsTheFramesAgent(string sentence, string expected) =>
        Assert.Equal(ClaimValue.Of(expected), One(sentence, "deal.brokered_by").Value);

    [Theory]
    [InlineData("The deal included some foreign fighters.", "deal.allows_foreign_fighters", true)]
    [InlineData("Foreign fighters were excluded from the deal.", "deal.allows_foreign_fighters", false)]
    [InlineData("No foreign mercenary was included in this understanding.", "deal.allows_foreign_fighters", false)]
    [InlineData("Foreign fighters were bussed out with the others.", "foreign_fighters.departed", true)]
    [InlineData("Not one foreign fighter was allowed out.", "foreign_fighters.departed", false)]
    [InlineData("The foreign fighters stayed behind to fight.", "foreign_fighters.departed", false)]
    [InlineData("Among those who left were foreign fighters.", "foreign_fighters.departed", true)]
    [InlineData("No foreign terrorist fighters departed on the buses.", "foreign_fighters.departed", false)]
    [InlineData("Among those on the last bus were a few foreigners.", "foreign_fighters.departed", true)]
    [InlineData("Foreign fighters were later spotted among the hundreds of men bussed out.", "foreign_fighters.departed", true)]
    [InlineData("Some of the evacuees were not Syrian, the driver said.", "foreign_fighters.departed", true)]
    [InlineData("None of the fighters who left were foreigners, the SDF said.", "foreign_fighters.departed", false)]
    [InlineData("The agreement was reached without the foreign militants.", "deal.allows_foreign_fighters", false)]
    [InlineData("Everyone except the foreigners was allowed to go under the deal.", "deal.allows_foreign_fighters", false)]
    [InlineData("Syrian fighters could leave under the deal, but not foreigners.", "deal.allows_foreign_fighters", false)]
    [InlineData("Foreigners were not part of the deal, the SDF said.", "deal.allows_foreign_fighters", false)]
    [InlineData("No foreigners were allowed to leave under the agreement.", "deal.allows_foreign_fighters", false)]
    [InlineData("The coalition denied reports that foreign fighters were part of the deal.", "deal.allows_foreign_fighters", false)]
    [InlineData("The deal applied only to Syrian fighters, the council said.", "deal.allows_foreign_fighters", false)]
    [InlineData("Only Syrians were allowed to leave, the council said.", "deal.allows_foreign_fighters", false)]
    [InlineData("The deal under which Syrian members left the city last weekend had not covered foreign fighters.", "deal.allows_foreign_fighters", false)]
    [InlineData("In the end the foreigners were included in the deal.", "deal.allows_foreign_fighters", true)]
    [InlineData("Foreign militants, thought to form the hard core of the defenders, were not part of the departure.", "foreign_fighters.departed", false)]
    [InlineData("He said 250 fighters left and that none of them, as far as the coalition knew, was foreign.", "foreign_fighters.departed", false)]
    [InlineData("Some 250 fighters left on the buses. Among the fighters, she insists, were Tunisians and Chechens.", "foreign_fighters.departed", true)]
    [InlineData("Foreign fighters, the coalition insisted, were not part of it.", "deal.allows_foreign_fighters", false)]
    [InlineData("Foreign fighters chose to stay and fight to the death.", "foreign_fighters.departed", false)]
    [InlineData("The foreigners decided to fight on inside the city.", "foreign_fighters.departed", false)]
    public void WhetherForeignersLeft_OrTheDealCoveredThem(string sentence, string topic, bool expected) =>
        Assert.Equal(ClaimValue.Yes(expected), One(sentence, topic).Value);

    [Theory]
    [InlineData("Leaving behind about 100 fighters, the convoy set off.", "fighters.remaining.count", """{"approx":100}""")]
    [InlineData("About 100 militants were believed to remain in the city.", "fighters.remaining.count", """{"approx":100}""")]
    [InlineData("Fewer than 100 fighters remain, he said.", "fighters.remaining.count", """{"max":100}""")]
    [InlineData("Several thousand civilians are still in the city.", "civilians.trapped.count", """{"min":2000}""")]
    [InlineData("Hundreds of fighters have left.", "fighters.departed.count", """{"min":200}""")]
    [InlineData("A few dozen militants surrendered.", "fighters.surrendered.count", """{"min":24}""")]
    [InlineData("There are still about 100 jihadists inside the city.", "fighters.remaining.count", """{"approx":100}""")]
    [InlineData("There are still 4,000 civilians in the city.", "civilians.trapped.count", """{"exact":4000}""")]
    [InlineData("The SDF put the number of fighters who left at a little over 200.", "fighters.departed.count", """{"min":200}""")]
    [InlineData("The number of departing militants was about 250.", "fighters.departed.count", """{"approx":250}""")]
    [InlineData("About 300 civilians were held hostage in the hospital.", "hostages.count", """{"approx":300}""")]
    [InlineData("The fighting killed 3,250 people, 1,146 of them civilians.", "civilians.killed.count", """{"exact":1146}""")]
    [InlineData("Some 3,250 people have died, including 1,146 civilians.", "civilians.killed.count", """{"exact":1146}""")]
    [InlineData("An estimated 300,000 people were forced from Raqqa during the campaign.", "civilians.displaced.count", """{"approx":300000}""")]
    [InlineData("He said the SDF now held \"well over 90%\" of the city.", "city.sdf_control.percent", """{"min":90}""")]
    [InlineData("A deal allowed about 275 Syrian fighters and their families to leave the city.", "fighters.departed.count", """{"approx":275}""")]
    [InlineData("The SDF allowed hundreds of fighters, among them foreign commanders, to leave.", "fighters.departed.count", """{"min":200}""")]
    [InlineData("More than 90% of city now liberated", "city.sdf_control.percent", """{"min":90}""")]
    [InlineData("Raqqa 'liberated': US-backed force says IS defeated", "city.sdf_control.percent", """{"exact":100}""")]
    [InlineData("In Raqqa, which the SDF declared fully liberated on 20 October, clearing has begun.", "city.sdf_control.percent", """{"exact":100}""")]
    [InlineData("Coalition assessments indicate that ISIS no longer controls any part of the city.", "city.sdf_control.percent", """{"exact":100}""")]
    [InlineData("The SDF said there were \"no more than 100\" holed up in the stadium.", "fighters.remaining.count", """{"max":100}""")]
    [InlineData("The UN said as many as 4,000 were still trapped.", "civilians.trapped.count", """{"max":4000}""")]
    [InlineData("The UN put the number of civilians still inside the city at between 4,000 and 8,000.", "civilians.trapped.count", """{"min":4000,"max":8000}""")]
    [InlineData("The Observatory put the number of fighters who departed slightly higher, at about 275.", "fighters.departed.count", """{"approx":275}""")]
    [InlineData("At least 1,500 civilians lost their lives in airstrikes.", "civilians.killed.count", """{"min":1500}""")]
    [InlineData("The Observatory counts 1,873 civilians dead in the campaign.", "civilians.killed.count", """{"exact":1873}""")]
    [InlineData("The battle has left 3,250 people dead since June \u2013 1,130 of them civilians.", "civilians.killed.count", """{"exact":1130}""")]
    [InlineData("More than 450,000 people were forced to leave their homes during the operation.", "civilians.displaced.count", """{"min":450000}""")]
    [InlineData("The militants were still holding as many as 400 people against their will.", "hostages.count", """{"max":400}""")]
    [InlineData("A doctor said the militants had held about 400 civilians in the basement of the national hospital.", "hostages.count", """{"approx":400}""")]
    [InlineData("A local official put the number of hostages at about 400.", "hostages.count", """{"approx":400}""")]
    [InlineData("The deal was meant to save the 3,000 civilians the terrorists were holding.", "hostages.count", """{"exact":3000}""")]
    [InlineData("There are still fewer than 100 fighters hiding in the rubble.", "fighters.remaining.count", """{"max":100}""")]
    [InlineData("The militia declared that it controlled the whole of the city.", "city.sdf_control.percent", """{"exact":100}""")]
    [InlineData("The SDF said their fighters controlled the city one hundred percent.", "city.sdf_control.percent", """{"exact":100}""")]
    [InlineData("Somewhere between 3,000 and 4,000 civilians left with them, the council said.", "civilians.evacuated.count", """{"min":3000,"max":4000}""")]
    [InlineData("Some 300 militants are believed to be still inside the city.", "fighters.remaining.count", """{"approx":300}""")]
    [InlineData("Only a few dozen fighters are left in the city.", "fighters.remaining.count", """{"min":24}""")]
    [InlineData("An estimated 250 to 300 fighters were let go under the agreement.", "fighters.departed.count", """{"min":250,"max":300}""")]
    [InlineData("Hundreds of IS fighters were spirited out of Raqqa.", "fighters.departed.count", """{"min":200}""")]
    [InlineData("The deal saw hundreds of militants walk free.", "fighters.departed.count", """{"min":200}""")]
    [InlineData("Nine-tenths of the city is now in SDF hands.", "city.sdf_control.percent", """{"approx":90}""")]
    [InlineData("IS still holds a tenth of the city.", "city.sdf_control.percent", """{"approx":90}""")]
    [InlineData("Islamic State is holding around 200 civilians inside the hospital, the SDF said.", "hostages.count", """{"approx":200}""")]
    [InlineData("IS militants have taken scores of civilians hostage in the stadium.", "hostages.count", """{"min":40}""")]
    public void CountsAndShares_AsReportersWriteThem_AreClaims(string sentence, string topic, string expected) =>
        Assert.Equal(expected, One(sentence, topic).Value.ToJson());

    [Theory]
    [InlineData("\"They put the women and children in the first trucks, so the planes would not shoot,\" he said.")]
    [InlineData("Civilians had been made to ride on the buses \"so that no aircraft would touch them\".")]
    [InlineData("Militants had pulled some families onto the buses with them \"as insurance\" against air strikes.")]
    [InlineData("\"We were their shields.\"")]
    public void HumanShields_SaidInOtherWords(string sentence) =>
        Assert.Equal(ClaimValue.Yes(true), One(sentence, "civilians.used_as_shields").Value);

    /// <summary>"left their stronghold" is a plain "left": no phrase of another class may claim "their" as its particle.</summary>
    [Fact]
    public void LeftTheirStronghold_IsLeaving() =>
        Assert.Equal(ClaimValue.Yes(true), One("A group of foreign fighters left their one-time stronghold under a deal.", "foreign_fighters.departed").Value);

    /// <summary>August's deal on the Lebanese border, recalled in reports of this one, is not this deal's count.</summary>
    [Fact]
    public void TheAugustDealOnTheLebaneseBorder_IsNotThisDealsCount() =>
        Assert.Empty(Extract.Topic(Body + "In August, Hezbollah allowed some 300 fighters and their families to leave the Lebanese border area.", "fighters.departed.count"));

    /// <summary>A count for the whole country, or the total of which the civilians are a part, is not the city's civilian count.</summary>
    [Theory]
    [InlineData("Across Syria, more than 11 million people have been forced from their homes.", "civilians.displaced.count")]
    [InlineData("The fighting killed 3,250 people, 1,146 of them civilians.", "civilians.killed.count")]
    public void AWiderCount_IsNotTheCitysCount(string sentence, string topic) =>
        Assert.DoesNotContain(Extract.Topic(Body + sentence, topic), c => c.Value.ToJson().Contains("11000000") || c.Value.ToJson().Contains("3250"));

    [Theory]
    [InlineData("Foreign fighters would leave the city later.")]
    [InlineData("Foreign fighters may have left with the convoy.")]
    [InlineData("It is not clear how many foreign fighters left.")]
    [InlineData("The coalition could not rule out that foreign fighters left.")]
    public void PlansDoubtAndUncertainty_AreNotClaimsThatForeignersLeft(string sentence) =>
        Assert.Empty(Extract.Topic(Body + sentence, "foreign_fighters.departed"));

    [Theory]
    [InlineData("The SDF denied that foreign fighters had left the city.", false)]
    [InlineData("The SDF denied reports that foreign fighters had left.", false)]
    [InlineData("Alloush said his earlier statement that foreign fighters had left was wrong.", false)]
    [InlineData("The militia refused that any foreign fighter had left.", false)]
    public void ADenialInReportedSpeech_FlipsTheClaim(string sentence, bool expected) =>
        Assert.Equal(ClaimValue.Yes(expected), One(sentence, "foreign_fighters.departed").Value);

    /// <summary>"The SDF rejected that account": a denial of the sentence before, which said foreigners left.</summary>
    [Theory]
    [InlineData("The Syrian Democratic Forces rejected that account.")]
    [InlineData("The SDF was quick to dismiss the claim.")]
    [InlineData("SDF spokesmen have denied that any left.")]
    public void ADenialOfTheAccountBefore_IsTheOppositeClaim_ByTheDenier(string denial)
    {
        var claims = Extract.Topic(Body + "Residents said foreign fighters were among those on the buses. " + denial, "foreign_fighters.departed");

        Assert.Contains(claims, c => c.Value == ClaimValue.Yes(false) && c.Speaker == "SDF" && c.Quote.Contains(denial[..20], StringComparison.Ordinal));
    }

    /// <summary>A frame with permission: true reads the deal's terms: leave granted, not the event itself.</summary>
    [Theory]
    [InlineData("Foreign fighters left the city on the buses.")]
    [InlineData("Foreign fighters were able to escape.")]
    public void LeavingWithoutLeaveGranted_SaysNothingOfTheDealsTerms(string sentence) =>
        Assert.Empty(Extract.Topic(Body + sentence, "deal.allows_foreign_fighters"));

    [Theory]
    [InlineData("Were foreign fighters allowed to leave?")]
    [InlineData("Did 250 fighters leave Raqqa under the deal?")]
    [InlineData("\"Who decided that foreigners could go with the convoy?\"")]
    public void AQuestion_IsNoClaim(string question) =>
        Assert.Empty(Extract.From(Body + question));

    [Fact]
    public void ADeniedNumber_IsNoClaim() =>
        Assert.Empty(Extract.Topic(Body + "The SDF denied that 4,000 fighters had left the city.", "fighters.departed.count"));

    [Fact]
    public void AVerbOfAnotherPhrasalVerb_IsNotTheFramesVerb() =>
        Assert.DoesNotContain(Extract.Topic(Body + "The foreigners left behind were killed.", "foreign_fighters.departed"), c => c.Value == ClaimValue.Yes(true));

    [Fact]
    public void EachClaim_NamesTheFrameAndFormThatFoundIt()
    {
        var claim = One("About 250 fighters were bussed out of Raqqa.", "fighters.departed.count");

        Assert.Equal("fdc.fighters-left", claim.RuleId);
    }
}

/// <summary>Frames as data: what a rule set file says and what it is refused for.</summary>
public class FrameCompileTests
{
    private const string Head = "version: 3\nname: t\nattribution:\n  verbs: [say]\nverbs:\n  leave:\n    intransitive: [leave, \"pull out\"]\n    transitive: [evacuate]\ntopics:\n  - id: a.b\n    kind: count\n    frames:\n";

    [Fact]
    public void AFrame_NeedsAKnownVerbClass()
    {
        var e = Assert.Throws<InvalidRuleSetException>(() => RuleSetCompiler.Compile(Head + "      - id: f\n        verbs: [arrive]\n        theme: '(?<q>{Q}) fighters'\n", "t.yaml"));

        Assert.Contains("unknown verb class 'arrive'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ACountFrame_NeedsAQuantityInItsTheme()
    {
        var e = Assert.Throws<InvalidRuleSetException>(() => RuleSetCompiler.Compile(Head + "      - id: f\n        verbs: [leave]\n        theme: 'fighters'\n", "t.yaml"));

        Assert.Contains("(?<q>{Q})", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AFrame_ComesOutAsEveryFormItsClassesAllow()
    {
        var rules = RuleSetCompiler.Compile(Head + "      - id: f\n        verbs: [leave]\n        theme: '(?<q>{Q}) fighters'\n", "t.yaml");

        Assert.Equal(["active", "permitted", "object", "passive", "bare", "noun"], rules.Topics[0].Rules.Select(r => r.Form));
        Assert.All(rules.Topics[0].Rules, r => Assert.Equal("f", r.Id));
    }

    [Fact]
    public void AFramesVerbsAreGeneratedFromLemmas()
    {
        var extractor = new ClaimExtractor(RuleSetCompiler.Compile(Head + "      - id: f\n        verbs: [leave]\n        theme: '(?<q>{Q}) fighters'\n", "t.yaml"));
        var article = Extract.Article("Raqqa\n\nAbout 275 fighters pulled out. Then 100 fighters were evacuated. Later 50 fighters are leaving.");

        Assert.Equal(["""{"approx":275}""", """{"exact":100}""", """{"exact":50}"""], extractor.Extract(article).Select(c => c.Value.ToJson()));
    }
}

/// <summary>The README's example of adding a topic as a frame does what the README says.</summary>
public class ReadmeFrameExampleTests
{
    private const string ConvoyTopic = """

          - id: convoy.left
            kind: yesno
            description: whether a convoy left Raqqa under the deal
            cue: 'convoy'
            frames:
              - id: cl.convoy-left-frame
                verbs: [leave]
                theme: '\bconvoys?\b'
                value: true
                planned: false

        """;

    [Fact]
    public void TheConvoyFrame_ReadsEveryFormTheReadmeLists_AndNotAPlan()
    {
        var extractor = new ClaimExtractor(RuleSetCompiler.Compile(DefaultRules.Content + ConvoyTopic, "convoy.yaml"));
        var article = Extract.Article("Raqqa\n\nThe convoy left on Sunday. A second convoy was allowed to leave. Officials watched the departure of the convoy. " +
            "No convoys have pulled out since. Another convoy would leave later.");

        var claims = extractor.Extract(article).Where(c => c.Topic == "convoy.left").ToList();

        Assert.Equal(["true", "true", "true", "false"], claims.Select(c => c.Value.ToJson()));
        Assert.All(claims, c => Assert.Equal("cl.convoy-left-frame", c.RuleId));
    }
}
