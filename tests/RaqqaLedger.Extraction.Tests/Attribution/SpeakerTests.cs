using RaqqaLedger.Extraction.Tests.Extraction;

namespace RaqqaLedger.Extraction.Tests.Attribution;

/// <summary>Who a claim is credited to: roles resolved in their article, organisations as themselves.</summary>
public class SpeakerTests
{
    private static string? SpeakerOf(string text, string topic = "foreign_fighters.departed") =>
        Assert.Single(Extract.Topic(text, topic)).Speaker;

    [Fact]
    public void ARolePhrase_IsThePersonTheArticleNamesWithThatRoleEarlier()
    {
        const string text = "Raqqa\n\nSDF spokesman Talal Silo spoke on Sunday. Later a militia spokesman said foreign fighters had not left.";

        Assert.Equal("Talal Silo", SpeakerOf(text));
    }

    [Fact]
    public void ARolePhrase_IsThePersonNamedWithItLater_WhenNoneWasEarlier()
    {
        const string text = "Raqqa\n\nForeign fighters did not leave, a militia spokesman told Reuters. SDF spokesman Mostafa Bali said the battle went on.";

        Assert.Equal("Mostafa Bali", SpeakerOf(text));
    }

    [Fact]
    public void ARolePhrase_WithNoOneNamedInIt_IsTheOrganisationItNames()
    {
        const string text = "Raqqa\n\nForeign fighters did not leave, an SDF spokesman said.";

        Assert.Equal("SDF", SpeakerOf(text));
    }

    [Fact]
    public void ARole_IsNobodysAlias_AcrossArticles()
    {
        // Bali is the militia's spokesman in one article; in another, the same words name nobody known.
        const string other = "Raqqa\n\nForeign fighters did not leave, a militia spokesman said.";

        Assert.Equal("SDF", SpeakerOf(other));
    }

    [Fact]
    public void AnUnnamedOfficial_IsACategory() =>
        Assert.Equal("local official", SpeakerOf("Raqqa\n\nForeign fighters have left, a local official said."));

    [Fact]
    public void AnOrganisation_IsItsOwnSpeaker() =>
        Assert.Equal("Syrian Observatory for Human Rights",
            SpeakerOf("Raqqa\n\nThe Syrian Observatory for Human Rights said more than 1,000 civilians had been killed in the city.", "civilians.killed.count"));

    [Fact]
    public void ThePersonWhoHeadsAnOrganisation_IsThePerson() =>
        Assert.Equal("Rami Abdurrahman",
            SpeakerOf("Raqqa\n\nRami Abdurrahman, the head of the Syrian Observatory for Human Rights said more than 1,000 civilians had been killed.", "civilians.killed.count"));

    /// <summary>"according to figures compiled by X", "according to lists kept by X": the figures are X's.</summary>
    [Theory]
    [InlineData("At least 1,130 civilians have been killed in the city since June, according to figures compiled by the Syrian Observatory for Human Rights.", "civilians.killed.count", "Syrian Observatory for Human Rights")]
    [InlineData("About 3,000 civilians left with the convoy, according to lists kept by the Raqqa Civil Council.", "civilians.evacuated.count", "Raqqa Civil Council")]
    [InlineData("According to the numbers of the Raqqa Civil Council, about 3,500 civilians were evacuated with the agreement.", "civilians.evacuated.count", "Raqqa Civil Council")]
    public void FiguresAccordingToWhoKeptThem_AreThatSpeakers(string sentence, string topic, string expected) =>
        Assert.Equal(expected, SpeakerOf("Raqqa\n\n" + sentence, topic));

    [Fact]
    public void AnOrganisationsLaterShortName_IsTheOrganisation() =>
        Assert.Equal("Syrian Observatory for Human Rights",
            SpeakerOf("Raqqa\n\nAccording to the Observatory, more than 1,000 civilians have been killed in the city.", "civilians.killed.count"));

    [Fact]
    public void ATitle_IsNotPartOfTheName() =>
        Assert.Equal("Ryan Dillon", SpeakerOf("Raqqa\n\nForeign fighters were excluded from the deal, said Colonel Ryan Dillon.", "deal.allows_foreign_fighters"));

    [Fact]
    public void ThePlaceOfTheDateline_IsNeverASpeaker() =>
        Assert.Null(SpeakerOf("Raqqa falls\n\nBEIRUT — After capturing the town of Mayadeen, government forces moved east.", "mayadeen.captured"));

    [Fact]
    public void APersonNamedBetweenCommasAfterTheirRole_IsTheSpeaker() =>
        Assert.Equal("Talal Silo", SpeakerOf("Raqqa\n\nAn official of the SDF spoke first. The spokesman, Talal Silo, said foreign fighters did not leave."));

    [Fact]
    public void NothingButSpaceBetweenCommasAfterARole_IsNoName() =>
        Assert.Equal("SDF", SpeakerOf("Raqqa\n\nSDF officials spoke. Foreign fighters did not leave, the SDF spokesman,   , said on Sunday."));

    [Theory]
    [InlineData("Sheikh Hamad")]
    [InlineData("Hamad")]
    [InlineData("Khatib")]
    public void AFirstNameOrSurnameAlone_IsThePersonTheArticleNamesInFull(string mention) =>
        Assert.Equal("Hamad al-Khatib", SpeakerOf($"Raqqa\n\nHamad al-Khatib, a tribal elder, sat in the shade. Foreign fighters did not leave, {mention} said."));

    [Fact]
    public void ASpokesmenOfAnOrganisation_AreTheOrganisation() =>
        Assert.Equal("SDF", SpeakerOf("Raqqa\n\nSDF spokesmen said foreign fighters did not leave."));

    [Theory]
    [InlineData("Foreign fighters did not leave, an SDF commander who asked not to be named told AFP.", "SDF")]
    [InlineData("Foreign fighters did not leave, the coalition backing the SDF said.", "US-led coalition")]
    [InlineData("Foreign fighters did not leave, the coalition said.", "US-led coalition")]
    public void AModifierBetweenSpeakerAndVerb_IsReadOver(string sentence, string speaker) =>
        Assert.Equal(speaker, SpeakerOf("Raqqa\n\n" + sentence));

    /// <summary>A press release or statement speaks in its issuer's voice, not an outlet's.</summary>
    [Theory]
    [InlineData("Combined Joint Task Force - Operation Inherent Resolve\nNews Release\n\nUpdate on Raqqah\n\nSOUTHWEST ASIA - Foreign terrorist fighters were excluded from the arrangement.", "US-led coalition")]
    [InlineData("Statement of the Raqqa Civil Council on the agreement\n\nRaqqa, 14 October 2017\n\nThe foreign terrorists are excluded from this agreement.", "Raqqa Civil Council")]
    [InlineData("PRESS RELEASE\nFor immediate release\n\nKurdish-led forces and the city\n\nSyrian Democratic Forces - General Command\n\nThe foreign mercenaries were excluded from the agreement.", "SDF")]
    [InlineData("Raqqa after the battle\n\nPublic statement | Levant Aid Network (LAN) | Amman, 21 October 2017\n\nThe foreign fighters were excluded from the arrangement.", "Levant Aid Network")]
    [InlineData("Statement on the situation in Raqqa\n\nAmman, 18 October 2017\n\nStatement attributed to Maria Lindqvist, Regional Humanitarian Coordinator\n\nThe foreign fighters were excluded from the arrangement.", "Maria Lindqvist")]
    public void ThePlainVoiceOfAReleaseOrStatement_IsItsIssuer(string text, string issuer) =>
        Assert.Equal(issuer, SpeakerOf(text, "deal.allows_foreign_fighters"));

    [Theory]
    [InlineData("Coalition statement on Raqqa deal\n\nBy Jane Roe\n\nBEIRUT (Reuters) - Foreign fighters were excluded from the arrangement.")]
    [InlineData("Statement by the coalition on Raqqa angers Ankara\n\nBy John Doe, Oct 16, 2017\n\nForeign fighters were excluded from the arrangement.")]
    public void AReportAboutAStatement_KeepsTheOutletsVoice(string text) =>
        Assert.Null(SpeakerOf(text, "deal.allows_foreign_fighters"));

    [Fact]
    public void AnAcronymGivenAfterAName_IsThatName() =>
        Assert.Equal("Levant Aid Network", SpeakerOf(
            "Raqqa\n\nThe Levant Aid Network (LAN) opened a clinic in Ain Issa. LAN said more than 1,000 civilians had been killed in the city.", "civilians.killed.count"));

    /// <summary>"the group", "the council", "it": an organisation's anaphor points to the last organisation, not to its spokesman.</summary>
    [Theory]
    [InlineData("SDF spokesman Talal Silo spoke on Sunday. Until Monday, the group said, dozens of fighters were still holed up in the hospital.", "SDF")]
    [InlineData("Talal Silo of the SDF spoke on Sunday. Dozens of fighters were still holed up in the hospital, it said.", "SDF")]
    public void AnOrganisationsAnaphor_IsTheLastOrganisation(string body, string expected) =>
        Assert.Equal(expected, SpeakerOf("Raqqa\n\n" + body, "fighters.remaining.count"));

    /// <summary>An attribution verb inside a quotation belongs to the quotation; the speaker is named outside it.</summary>
    [Theory]
    [InlineData("\"Then they climbed onto my truck, French, Tunisians, a Chechen who did not speak a word of Arabic,\" said Mahmoud Darwish.")]
    [InlineData("\"Foreigners left on my truck, a Tunisian who sat beside me and did not say one word,\" Mahmoud Darwish said.")]
    public void AVerbInsideAQuote_DoesNotNameTheSpeaker(string sentence) =>
        Assert.Equal("Mahmoud Darwish", SpeakerOf("Raqqa\n\n" + sentence));

    /// <summary>"By X's count", "by his estimate": the figure is X's.</summary>
    [Theory]
    [InlineData("By the UN's estimate as many as 8,000 people were still trapped in the city.", "civilians.trapped.count", "United Nations")]
    [InlineData("Rami Abdurrahman spoke from Britain. By his count, about 8,000 civilians were still trapped in the city.", "civilians.trapped.count", "Rami Abdurrahman")]
    public void ByItsOwnersCount_IsTheOwnersFigure(string body, string topic, string expected) =>
        Assert.Equal(expected, SpeakerOf("Raqqa\n\n" + body, topic));

    /// <summary>The story's descriptions of its organisations: "U.S.-backed forces said" is the SDF.</summary>
    [Theory]
    [InlineData("U.S.-backed forces said foreign fighters had not left the city.", "SDF")]
    [InlineData("Kurdish-led forces said on Tuesday foreign fighters had not left the city.", "SDF")]
    [InlineData("Foreign fighters had not left the city, the Britain-based monitor said.", "Syrian Observatory for Human Rights")]
    public void AStoryDescriptionOfAnOrganisation_IsTheOrganisation(string body, string expected) =>
        Assert.Equal(expected, SpeakerOf("Raqqa\n\n" + body));

    /// <summary>Denying or confirming someone's report: the speaker is who denies, not whose report it is.</summary>
    [Fact]
    public void WhoDeniesAReport_IsTheSpeaker() =>
        Assert.Equal("SDF", SpeakerOf("Raqqa\n\nSDF rejects BBC report: no foreign fighters left the city", "foreign_fighters.departed"));

    /// <summary>A wire headline's source after a dash written close up: "… -SDF".</summary>
    [Fact]
    public void AWireHeadlinesSourceAfterACloseDash_IsTheSpeaker() =>
        Assert.Equal("SDF", SpeakerOf("IS fighters leave Raqqa, no foreigners among them -SDF\n\nBEIRUT (Reuters) - A convoy left on Sunday.", "foreign_fighters.departed"));

    [Fact]
    public void TheCouncil_IsTheLastCouncilNamed_NotTheLastOrganisation() =>
        Assert.Equal("Raqqa Civil Council", SpeakerOf(
            "Raqqa\n\nThe Raqqa Civil Council organised the buses. SDF spokesman Mostafa Bali spoke on Sunday. According to the numbers of the council, about 3,500 civilians were evacuated.",
            "civilians.evacuated.count"));

    [Fact]
    public void HeAfterALoneNameSpoke_IsThatPerson() =>
        Assert.Equal("Mahmoud", SpeakerOf(
            "Raqqa\n\nOmar Alloush said the council had set a condition. Mahmoud said the fighters left at night. \"They put the women in front so that no plane would bomb us,\" he said.",
            "civilians.used_as_shields"));

    /// <summary>"X are reported to be …": a speech verb in the passive says nothing of who spoke.</summary>
    [Fact]
    public void ASpeechVerbInThePassive_NamesNoSpeaker() =>
        Assert.Null(SpeakerOf("Raqqa\n\nGovernment troops, who took the town of Mayadeen last weekend, are reported to be pushing south.", "mayadeen.captured"));

    /// <summary>An after-clause following a speaker's verb and its object is narration; inside a reported clause it is the speaker's.</summary>
    [Theory]
    [InlineData("U.S.-backed forces announced the final phase of the battle on Sunday, after a group of foreign fighters left the city.", null)]
    [InlineData("The SDF spoke on Sunday, saying it was beginning the last phase after a group of foreign fighters left the city.", "SDF")]
    public void AnAfterClause_IsTheSpeakersOnlyInsideWhatTheySaid(string body, string? expected) =>
        Assert.Equal(expected, SpeakerOf("Raqqa\n\n" + body));

    /// <summary>"a council member": a role in an organisation the article names by that noun, with no one named in it.</summary>
    [Fact]
    public void ARoleInTheCouncil_IsTheCouncilTheArticleNamed() =>
        Assert.Equal("Raqqa Civil Council", SpeakerOf(
            "Raqqa\n\nThe Raqqa Civil Council ran the talks. The militants were still holding as many as 400 people hostage, a council member said on Sunday.",
            "hostages.count"));

    /// <summary>"an SDF commander who gave his name as X": the name given is the speaker.</summary>
    [Theory]
    [InlineData("An SDF field commander who gave his name as Jamal Abu Hamza told AFP that foreign fighters had not left.")]
    [InlineData("An SDF field commander, identified only as Jamal Abu Hamza, told AFP that foreign fighters had not left.")]
    public void TheNameARoleHolderGives_IsTheSpeaker(string body) =>
        Assert.Equal("Jamal Abu Hamza", SpeakerOf("Raqqa\n\n" + body));

    [Fact]
    public void ARolePhrasesHead_IsItsLastRoleNoun() =>
        Assert.Equal("Talal Silo", SpeakerOf(
            "Raqqa\n\nTalal Silo, the representative of the SDF, spoke on Sunday. Foreign fighters did not leave, the official representative said."));

    [Fact]
    public void ADefiniteRolePhraseWithNoOneNamedInThatRole_PointsBack() =>
        Assert.Equal("Talal Silo", SpeakerOf(
            "Raqqa\n\nTalal Silo said the battle went on. \"Foreign fighters did not leave,\" the official representative said."));

    /// <summary>"Abu Khaled, 45, who drove one of the trucks, said": an age between commas, then a modifier.</summary>
    [Fact]
    public void AnAgeBetweenCommas_IsReadOver() =>
        Assert.Equal("Abu Khaled", SpeakerOf(
            "Raqqa\n\nAbu Khaled, 45, who drove one of the trucks, said the night was cold. He said about 250 fighters left.", "fighters.departed.count"));

    /// <summary>"the driver said": the person the article names as a driver, like any role.</summary>
    [Fact]
    public void TheDriver_IsThePersonTheArticleNamesAsADriver() =>
        Assert.Equal("Mahmoud Hassan", SpeakerOf(
            "Raqqa\n\nMahmoud Hassan, a 41-year-old lorry driver from Tabqa, was paid well. \"They let the foreigners leave,\" the driver said.",
            "foreign_fighters.departed"));

    /// <summary>A transcript's speaker label in capitals, with a title or without: "COL. DILLON:", "AZAD BOTAN:".</summary>
    [Theory]
    [InlineData("COL. DILLON: We estimate that about 100 fighters remain in the city.", "Ryan Dillon")]
    [InlineData("COL. RYAN DILLON: We estimate that about 100 fighters remain in the city.", "Ryan Dillon")]
    [InlineData("AZAD BOTAN: About 100 fighters remain in the city.", "Azad Botan")]
    public void ATranscriptsCapitalisedLabel_IsTheSpeaker(string body, string expected) =>
        Assert.Equal(expected, SpeakerOf("Raqqa\n\n" + body, "fighters.remaining.count"));

    /// <summary>A label speaks for its whole paragraph: "BALI: Yes. About 100 fighters remain in the city."</summary>
    [Theory]
    [InlineData("BALI: Yes. About 100 fighters remain in the city. We are hunting them.", "Mostafa Bali")]
    [InlineData("AZAD BOTAN: Yes, of course. About 100 fighters remain in the city.", "Azad Botan")]
    public void ATranscriptsLabel_SpeaksForTheRestOfItsParagraph(string body, string expected) =>
        Assert.Equal(expected, SpeakerOf("Raqqa\n\nANCHOR: Are there fighters left?\n\n" + body, "fighters.remaining.count"));

    [Fact]
    public void ATranscriptsLabel_DoesNotSpeakForTheNextParagraph() =>
        Assert.Null(SpeakerOf("Raqqa\n\nBALI: Yes.\n\nAbout 100 fighters remain in the city.", "fighters.remaining.count"));

    [Theory]
    [InlineData("CALLER: About 100 fighters remain in the city.")]
    [InlineData("CALLER: Yes. About 100 fighters remain in the city.")]
    [InlineData("A: About 100 fighters remain in the city.")]
    public void ALabelThatNamesNoOne_IsNoSpeaker(string body) =>
        Assert.Null(SpeakerOf("Raqqa\n\n" + body, "fighters.remaining.count"));

    /// <summary>Towns of the story's region are places, not people: "Our correspondent in Ain Issa says".</summary>
    [Fact]
    public void ATownBeforeTheVerb_IsNoSpeaker() =>
        Assert.NotEqual("Ain Issa", SpeakerOf("Raqqa\n\nOur correspondent in Ain Issa says about 250 fighters left.", "fighters.departed.count"));

    [Theory]
    [InlineData("Silo was quoted as saying that foreign fighters had not left.", "Talal Silo")]
    [InlineData("Foreign fighters had not left, US envoy Brett McGurk tweeted.", "Brett McGurk")]
    [InlineData("Brett McGurk, the US envoy to the coalition, tweeted that foreign fighters had not left.", "Brett McGurk")]
    [InlineData("The SDF's General Command announced that foreign fighters had not left.", "SDF")]
    public void MoreWaysOfNamingTheSpeaker(string body, string expected) =>
        Assert.Equal(expected, SpeakerOf("Raqqa\n\n" + body));

    /// <summary>"he" before anyone has spoken: the person the narration last named, not a place or "the National Hospital".</summary>
    [Theory]
    [InlineData("Abu Fawzi had driven a truck on that road for twenty years. In all, at least 350 fighters rode out, he estimates.", "Abu Fawzi")]
    [InlineData("Abu Fawzi had driven a truck past the National Hospital for years. In all, at least 350 fighters rode out, he estimates.", "Abu Fawzi")]
    public void APronounBeforeAnyoneSpoke_IsThePersonLastNamed(string body, string expected) =>
        Assert.Equal(expected, SpeakerOf("Raqqa\n\n" + body, "fighters.departed.count"));
}
