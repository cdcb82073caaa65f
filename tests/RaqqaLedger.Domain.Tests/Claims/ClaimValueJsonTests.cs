using System.Text.Json;
using RaqqaLedger.Domain.Claims;

namespace RaqqaLedger.Domain.Tests.Claims;

public class ClaimValueJsonTests
{
    public static TheoryData<string> GoldForms => ["true", "false", "\"local_officials\"", """{"exact":275}""", """{"approx":275.5}""", """{"min":3000}""", """{"max":500}""", """{"min":300,"max":400}"""];

    [Theory]
    [MemberData(nameof(GoldForms))]
    public void EveryGoldForm_ReadsAsTheGoldFileParserReadsIt_AndWritesBackTheSame(string json)
    {
        var read = JsonSerializer.Deserialize<ClaimValue>(json);

        Assert.Equal(ClaimValue.FromJson(JsonDocument.Parse(json).RootElement), read);
        Assert.Equal(json, read!.ToJson());
    }

    [Theory]
    [InlineData("\"\"")]
    [InlineData("42")]
    [InlineData("[]")]
    [InlineData("""{"exact":1,"approx":2}""")]
    [InlineData("""{"min":1,"min":2}""")]
    [InlineData("""{"exact":"275"}""")]
    [InlineData("""{"weight":1}""")]
    [InlineData("{}")]
    public void AnythingElse_IsRefused(string json) =>
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<ClaimValue>(json));

    [Fact]
    public void InsideAnEvent_TheReaderLeavesTheRestOfThePayloadIntact()
    {
        var holder = JsonSerializer.Deserialize<Holder>("""{"before":1,"value":{"min":300,"max":400},"after":"x"}""", JsonSerializerOptions.Web)!;

        Assert.Equal((1, ClaimValue.Between(300, 400), "x"), (holder.Before, holder.Value, holder.After));
    }

    private sealed record Holder(int Before, ClaimValue Value, string After);
}
