using RaqqaLedger.Projections.Views;
using RaqqaLedger.Domain.Claims;
using RaqqaLedger.Projections;

namespace RaqqaLedger.Projections.Tests;

public class TopicStatusTests
{
    private static SourcedClaim Claim(ClaimValue value, string? speaker, string cluster = "c1") =>
        new($"c-{Guid.NewGuid():N}", $"a-{cluster}", cluster, speaker, value);

    private static ClaimStatus Status(params SourcedClaim[] claims) => TopicStatus.Of(claims, confirmedMinSources: 2, numbersAgreeWithinPercent: 10);

    [Fact]
    public void ConflictingYesNo_IsDisputed()
    {
        // 15 October 2017: Alloush says foreign fighters left, Bali says they did not.
        Assert.Equal(ClaimStatus.Disputed, Status(Claim(ClaimValue.Yes(true), "Omar Alloush"), Claim(ClaimValue.Yes(false), "Mostafa Bali", "c2")));
    }

    [Fact]
    public void TwoSpeakersAgreeing_IsConfirmed()
    {
        Assert.Equal(ClaimStatus.Confirmed, Status(Claim(ClaimValue.Approx(90), null, "c1"), Claim(ClaimValue.Exact(90), "SDF", "c2")));
    }

    [Fact]
    public void OneSpeakerQuotedTwice_IsOneSource()
    {
        Assert.Equal(ClaimStatus.SingleSource, Status(Claim(ClaimValue.Yes(true), "Omar Alloush", "c1"), Claim(ClaimValue.Yes(true), "Omar Alloush", "c2")));
    }

    [Fact]
    public void TheOutletsVoice_InSyndicatedCopies_IsOneSource_InSeparateStories_Two()
    {
        Assert.Equal(ClaimStatus.SingleSource, Status(Claim(ClaimValue.Yes(true), null, "afp-1"), Claim(ClaimValue.Yes(true), null, "afp-1")));
        Assert.Equal(ClaimStatus.Confirmed, Status(Claim(ClaimValue.Yes(true), null, "afp-1"), Claim(ClaimValue.Yes(true), null, "reuters-7")));
    }

    [Theory]
    [InlineData("""{"approx":300}""", """{"min":300,"max":400}""", true)]
    [InlineData("""{"min":250}""", """{"max":500}""", true)]
    [InlineData("""{"exact":275}""", """{"approx":250}""", true)]
    [InlineData("""{"max":100}""", """{"min":200}""", false)]
    [InlineData("""{"exact":8000}""", """{"exact":3000}""", false)]
    [InlineData("true", "false", false)]
    [InlineData("\"local_officials\"", "\"us_coalition\"", false)]
    [InlineData("true", """{"exact":1}""", false)]
    public void Values_AgreeWhenTheirRangesOverlap(string a, string b, bool agree)
    {
        static ClaimValue Parse(string json) => ClaimValue.FromJson(System.Text.Json.JsonDocument.Parse(json).RootElement)!;

        Assert.Equal(agree, TopicStatus.Agree(Parse(a), Parse(b), 10));
        Assert.Equal(agree, TopicStatus.Agree(Parse(b), Parse(a), 10));
    }

    [Fact]
    public void TheToleranceComesFromTheRuleSet_SoARuleChangeCanChangeAStatus()
    {
        SourcedClaim[] claims = [Claim(ClaimValue.Exact(100), "A"), Claim(ClaimValue.Exact(115), "B")];

        Assert.Equal(ClaimStatus.Disputed, TopicStatus.Of(claims, 2, 5));
        Assert.Equal(ClaimStatus.Confirmed, TopicStatus.Of(claims, 2, 10));
    }
}
