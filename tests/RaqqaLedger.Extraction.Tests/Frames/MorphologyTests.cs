using RaqqaLedger.Extraction.Frames;

namespace RaqqaLedger.Extraction.Tests.Frames;

public class MorphologyTests
{
    [Theory]
    [InlineData("leave", "leaves", "left", "left", "leaving")]
    [InlineData("evacuate", "evacuates", "evacuated", "evacuated", "evacuating")]
    [InlineData("withdraw", "withdraws", "withdrew", "withdrawn", "withdrawing")]
    [InlineData("carry", "carries", "carried", "carried", "carrying")]
    [InlineData("flee", "flees", "fled", "fled", "fleeing")]
    [InlineData("die", "dies", "died", "died", "dying")]
    [InlineData("pull out", "pulls out", "pulled out", "pulled out", "pulling out")]
    [InlineData("give safe passage", "gives safe passage", "gave safe passage", "given safe passage", "giving safe passage")]
    public void AVerb_IsInflected(string lemma, string present, string past, string participle, string gerund)
    {
        var forms = Morphology.Inflect(lemma);

        Assert.Contains(present, forms.Present);
        Assert.Contains(past, forms.Past);
        Assert.Contains(participle, forms.Participle);
        Assert.Contains(gerund, forms.Gerund);
    }

    [Theory]
    [InlineData("bus", "bused", "bussed")]
    [InlineData("permit", "permitted", null)]
    [InlineData("trap", "trapped", null)]
    public void WhereSpellingVaries_EveryVariantIsMade(string lemma, string one, string? other)
    {
        var forms = Morphology.Inflect(lemma);

        Assert.Contains(one, forms.Past);
        if (other is not null)
            Assert.Contains(other, forms.Past);
    }

    [Theory]
    [InlineData("evacuate", "evacuation")]
    [InlineData("negotiate", "negotiation")]
    [InlineData("depart", "departure")]
    [InlineData("withdraw", "withdrawal")]
    [InlineData("surrender", "surrender")]
    [InlineData("pull out", "pullout")]
    public void TheNounOfAnAction_IsMade(string lemma, string noun) =>
        Assert.Contains(noun, Morphology.Inflect(lemma).Nouns);

    [Fact]
    public void AVerbWithNoNounInUse_HasNone() => Assert.Empty(Morphology.Inflect("leave").Nouns);
}
