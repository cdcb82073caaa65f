using System.Diagnostics;

namespace RaqqaLedger.Extraction.Tests.Extraction;

/// <summary>
/// The speaker patterns let adverbs stand between a speaker and the verb ("the SDF previously said"). An adverb
/// the vocabulary lists and that ends in -ly ("previously") could be read two ways, so a run of them before a verb
/// with no speaker in front made the backwards match try every way of reading the run: twice the time per adverb.
/// </summary>
public sealed class LongAdverbRunTests
{
    [Fact]
    public void ALongRunOfAdverbsBeforeAVerb_IsReadQuickly_AndTheClaimKeepsItsSpeaker()
    {
        // "… ; previously previously … said" names no one before the adverbs: the patterns must give up on the run.
        var adverbs = string.Concat(Enumerable.Repeat("previously ", 40));
        var article = Extract.Article("Raqqa\n\nForeign fighters left the city; " + adverbs + "said, a local official said.");
        // The patterns' first use compiles them (seconds on a busy machine); that is not what is timed here.
        Extract.Default.Extract(Extract.Article("Raqqa\n\nForeign fighters left the city, a local official said."));

        var clock = Stopwatch.StartNew();
        var claim = Assert.Single(Extract.Default.Extract(article), c => c.Topic == "foreign_fighters.departed");

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        Assert.Equal("local official", claim.Speaker);
    }
}
