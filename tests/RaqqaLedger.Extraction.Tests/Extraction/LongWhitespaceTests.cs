using System.Diagnostics;
using System.Text;
using RaqqaLedger.Extraction.Text;

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
        // The patterns' first use compiles them (seconds on a busy machine); that is not what is timed here.
        Extract.Default.Extract(Extract.Article("Raqqa\n\nForeign fighters left the city, a local official said."));

        var clock = Stopwatch.StartNew();
        var claim = Assert.Single(Extract.Default.Extract(article), c => c.Topic == "foreign_fighters.departed");

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        Assert.Equal("local official", claim.Speaker);
        Assert.Equal(sentence, article.Text.Substring(claim.Span.Start, claim.Span.Length));
    }

    [Fact]
    public void EveryRunLongerThanTheLimit_IsCut_WhereverItStands()
    {
        // Runs of every length near the limit, at every offset, of mixed white space; line breaks end a run.
        var random = new Random(7);
        char[] alphabet = ['a', 'b', ' ', ' ', ' ', '\t', '\u00A0', '\n'];
        for (var n = 0; n < 3_000; n++)
        {
            var text = new StringBuilder();
            for (var length = random.Next(0, 60); text.Length < length;)
            {
                if (random.Next(4) == 0)
                    text.Append(' ', random.Next(VisibleText.LongestSpaceRun - 1, VisibleText.LongestSpaceRun + 3));
                else
                    text.Append(alphabet[random.Next(alphabet.Length)]);
            }
            var stored = text.ToString();

            Assert.Equal(Cut(stored), VisibleText.Of(stored).Text);
        }
    }

    /// <summary>The rule read one character at a time: white space past the limit in a line is not read.</summary>
    private static string Cut(string stored)
    {
        var visible = new StringBuilder();
        var run = 0;
        foreach (var c in stored)
        {
            run = c != '\n' && char.IsWhiteSpace(c) ? run + 1 : 0;
            if (run <= VisibleText.LongestSpaceRun)
                visible.Append(c);
        }
        return visible.ToString();
    }
}
