using RaqqaLedger.Application.Evaluation;
using RaqqaLedger.Domain.Claims;

namespace RaqqaLedger.Application.Tests;

/// <summary>How eval decides found, correct and attributed: by sentence, not merely by article.</summary>
public class ScoringTests
{
    private const string File = "a.txt";

    private const string Text =
        "Foreign fighters left Raqqa, an official said. Later the SDF said no foreigners had left. " +
        "\"Some 250 fighters left with their families. None of them were foreigners,\" Talal Silo told Reuters.";

    private static readonly GoldFile Gold = new([new GoldArticle(File,
    [
        new GoldClaim("foreign_fighters.departed", ClaimValue.Yes(true), "local official", "Foreign fighters left Raqqa"),
        new GoldClaim("foreign_fighters.departed", ClaimValue.Yes(false), "Talal Silo", "None of them were foreigners,\""),
    ])]);

    private static ReportedClaim Claim(string sentence, ClaimValue value, string? speaker)
    {
        var at = Text.IndexOf(sentence, StringComparison.Ordinal);
        return new ReportedClaim(File, "foreign_fighters.departed", value, speaker, sentence, new TextSpan(at, sentence.Length));
    }

    private static EvaluationScore Score(params ReportedClaim[] reported) =>
        Scoring.Score(Gold, reported, new Dictionary<string, string> { [File] = Text });

    [Fact]
    public void TheRightValue_ReadFromAnotherSentence_FindsNothing()
    {
        // The SDF's "no" stands in the second sentence; the gold "no" is Silo's, in the last.
        var score = Score(Claim("Later the SDF said no foreigners had left.", ClaimValue.Yes(false), "SDF"));

        Assert.Equal(0, score.Recall);
        Assert.Equal(2, score.Missed.Count);
        Assert.Equal(1, score.Precision); // the article does report "no": a correct claim, in the wrong place
    }

    [Fact]
    public void AClaimOverlappingTheQuotesSentence_IsFound_AndAttributedByThatClaim()
    {
        var score = Score(
            Claim("Foreign fighters left Raqqa, an official said.", ClaimValue.Yes(true), "local official"),
            Claim("Later the SDF said no foreigners had left.", ClaimValue.Yes(false), "Talal Silo"),
            Claim("None of them were foreigners,\" Talal Silo told Reuters.", ClaimValue.Yes(false), "SDF"));

        Assert.Equal(1, score.Recall);
        Assert.Equal(0.5, score.Attribution);
        var wrong = Assert.Single(score.Misattributed);
        Assert.Equal("Talal Silo", wrong.Speaker);
        Assert.Equal("SDF", wrong.Reported); // not the other sentence's right speaker
    }

    [Fact]
    public void AClaimWhoseSpanCoversTheWholeQuotation_FindsAGoldQuoteInsideIt()
    {
        var quotation = "\"Some 250 fighters left with their families. None of them were foreigners,\" Talal Silo told Reuters.";

        var score = Score(Claim(quotation, ClaimValue.Yes(false), "Talal Silo"));

        Assert.DoesNotContain(score.Articles[0].Missed, m => m.Speaker == "Talal Silo");
    }

    [Fact]
    public void PerArticle_TheScoreSaysWhatWasMissedSpuriousAndMisattributed()
    {
        var score = Score(
            Claim("Foreign fighters left Raqqa, an official said.", ClaimValue.Yes(true), null),
            Claim("Foreign fighters left Raqqa, an official said.", ClaimValue.Yes(true), null) with { Topic = "deal.allows_foreign_fighters" });

        var article = Assert.Single(score.Articles);
        Assert.Equal((2, 1, 2, 1, 0), (article.Gold, article.Found, article.Extracted, article.Correct, article.Attributed));
        Assert.Equal("Talal Silo", Assert.Single(article.Missed).Speaker);
        Assert.Single(article.Spurious);
        Assert.Equal("outlet", Assert.Single(article.Misattributed).Reported);
    }

    [Fact]
    public void AGoldQuoteNotInItsArticle_IsAnError()
    {
        var gold = new GoldFile([new GoldArticle(File, [new GoldClaim("hostages.count", ClaimValue.Exact(400), null, "400 hostages")])]);

        var e = Assert.Throws<InvalidDataException>(() => Scoring.Score(gold, [], new Dictionary<string, string> { [File] = Text }));

        Assert.Contains("400 hostages", e.Message, StringComparison.Ordinal);
    }
}
