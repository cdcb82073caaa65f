using RaqqaLedger.Extraction.Text;

namespace RaqqaLedger.Extraction.Tests.Extraction;

/// <summary>The first-letter table only turns words away early: a word table answers as its dictionary would.</summary>
public sealed class WordTableTests
{
    private static readonly string[] Words = ["spokesman", "Official", "said", "ſhield", new string('x', 45)];

    [Theory]
    [InlineData("SPOKESMAN")]
    [InlineData("official")]
    [InlineData("Said")]
    [InlineData("shield")]
    [InlineData("spokesmen")]
    [InlineData("aid")]
    [InlineData("")]
    [InlineData("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")]
    [InlineData("yxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")]
    public void ATableAnswersAsItsDictionary(string word)
    {
        foreach (var comparer in new[] { StringComparer.Ordinal, StringComparer.OrdinalIgnoreCase })
        {
            var dictionary = Words.ToHashSet(comparer);
            Assert.Equal(dictionary.Contains(word), WordTable.Of(Words, comparer).Contains(word));
        }
    }
}
