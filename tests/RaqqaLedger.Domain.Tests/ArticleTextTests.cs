using RaqqaLedger.Domain.Articles;

namespace RaqqaLedger.Domain.Tests;

public class ArticleTextTests
{
    [Fact]
    public void Normalize_CollapsesEveryWhitespaceRunAndTrims()
    {
        Assert.Equal("a b c d", ArticleText.Normalize("  a\r\n\r\nb\t c\u00A0\u00A0d \n"));
    }

    [Fact]
    public void Normalize_ComposesUnicode()
    {
        Assert.Equal("Caf\u00E9", ArticleText.Normalize("Cafe\u0301"));
    }

    [Theory]
    [InlineData("Raqqa\u200B deal announced")]          // zero-width space
    [InlineData("Raqqa deal \u200Dannounced\uFEFF")]   // zero-width joiner, byte-order mark
    [InlineData("\u202ERaqqa deal\u202C announced")]   // right-to-left override and its pop
    [InlineData("Raqqa\u2066 deal\u2069 announced\u200E")] // isolates, left-to-right mark
    [InlineData("Raqqa de\u00ADal announced")]          // soft hyphen
    public void IdOf_IgnoresInvisibleCharacters(string text)
    {
        Assert.Equal(ArticleText.IdOf("Raqqa deal announced"), ArticleText.IdOf(text));
    }

    [Fact]
    public void IdOf_IgnoresLineEndingsAndWrapping_ButNotWords()
    {
        var id = ArticleText.IdOf("Raqqa deal\nannounced");

        Assert.Equal(id, ArticleText.IdOf("Raqqa deal\r\n  announced \n"));
        Assert.NotEqual(id, ArticleText.IdOf("Raqqa deal denied"));
        Assert.Matches("^[0-9a-f]{64}$", id);
    }

    [Fact]
    public void IdOf_ASeed_IsTheSha256OfItsNormalizedText()
    {
        // Cross-checked with an independent implementation (Python: NFC, split on whitespace, join with one space).
        var text = File.ReadAllText(Path.Combine(Testing.RepoPaths.Seeds, "000_3751c23f4bc9054b.txt"));

        Assert.StartsWith("ef5a76f3586c1d37", ArticleText.IdOf(text));
    }
}
