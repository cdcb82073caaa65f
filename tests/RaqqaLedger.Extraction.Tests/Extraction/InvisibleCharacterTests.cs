namespace RaqqaLedger.Extraction.Tests.Extraction;

/// <summary>
/// Zero-width and bidi characters are not text the rules should see: one inside a word must not hide
/// the claim. The stored text keeps them; the claim's span still points into it.
/// </summary>
public sealed class InvisibleCharacterTests
{
    private const string Clean = "Omar Alloush said 250 fighters left Raqqa on Sunday with their families.";

    [Theory]
    [InlineData("Omar Alloush said 250 fight\u200Bers left Raqqa on Sunday with their families.")]
    [InlineData("Omar Alloush said 250 fighters\u200D left\u2060 Raqqa on Sunday with their families.")]
    [InlineData("\u202AOmar Allo\u00ADush\u202C said 250 fighters left Raqqa on Sunday with their families.")]
    public void AClaimWithInvisibleCharactersInIt_IsFoundAsInTheCleanText_WithItsSpanInTheStoredText(string text)
    {
        var expected = Assert.Single(Extract.Topic(Clean, "fighters.departed.count"));

        var article = Extract.Article(text);
        var found = Assert.Single(Extract.Default.Extract(article), c => c.Topic == "fighters.departed.count");

        Assert.Equal(expected.Value, found.Value);
        Assert.Equal(expected.Speaker, found.Speaker);
        Assert.Equal(Clean, found.Quote);
        var span = article.Text.Substring(found.Span.Start, found.Span.Length);
        Assert.Equal(Clean, new string([.. span.Where(c => char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.Format)]));
    }

    [Fact]
    public void WithoutInvisibleCharacters_ClaimsAndTheirIdsAreUnchanged()
    {
        var claim = Assert.Single(Extract.Topic(Clean, "fighters.departed.count"));
        Assert.Equal(0, claim.Span.Start);
        Assert.Equal(Clean.Length, claim.Span.Length);
    }
}
