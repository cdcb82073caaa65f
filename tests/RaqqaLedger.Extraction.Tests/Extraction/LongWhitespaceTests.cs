using System.Diagnostics;

namespace RaqqaLedger.Extraction.Tests.Extraction;

/// <summary>
/// A long run of spaces inside a line (pasted tables, padding) once made the speaker patterns, which allow
/// white space in several places, try every way of cutting it: 2,000 spaces took 14 s and 20,000 ran out of
/// time and threw. The rules read a run as at most a few spaces; the stored text and the claim's span keep it.
/// </summary>
public sealed class LongWhitespaceTests
{
    [Theory]
    [InlineData(' ')]
    [InlineData('\t')]
    [InlineData('\u00A0')]
    public void ALongRunOfSpaces_IsReadQuickly_AndTheClaimKeepsItsSpeakerAndStoredSpan(char space)
    {
        // "a … said" names no one: the patterns must give up on the run, which is where the time went.
        var sentence = "Foreign fighters left the city, a" + new string(space, 20_000) + "said, a local official said.";
        var article = Extract.Article("Raqqa\n\n" + sentence);

        var clock = Stopwatch.StartNew();
        var claim = Assert.Single(Extract.Default.Extract(article), c => c.Topic == "foreign_fighters.departed");

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        Assert.Equal("local official", claim.Speaker);
        Assert.Equal(sentence, article.Text.Substring(claim.Span.Start, claim.Span.Length));
    }
}
