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
}
