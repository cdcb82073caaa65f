using RaqqaLedger.EventStore;

namespace RaqqaLedger.EventStore.Tests;

public class LogDigestTests
{
    private const string Hash = "f66d6db265b1e1205e1ccbc454fd2e78b3cc7fcc0f6e842d2d6fb9f9ef7bda66";

    [Fact]
    public void TheTextForm_IsPositionColonLowercaseHex_AndReadsBack()
    {
        var digest = new LogDigest(148, Hash, new DateTimeOffset(2017, 10, 15, 2, 27, 0, TimeSpan.Zero));

        Assert.Equal($"148:{Hash}", digest.ToString());
        Assert.Equal(new LogDigest(148, Hash), LogDigest.Parse(digest.ToString()));
        Assert.Equal(new LogDigest(148, Hash), LogDigest.Parse($"  148:{Hash.ToUpperInvariant()}\n"));
        Assert.Equal(new LogDigest(0, new string('0', 64)), LogDigest.Parse($"0:{new string('0', 64)}"));
    }

    [Theory]
    [InlineData("", "expected POSITION:HASH")]
    [InlineData(Hash, "expected POSITION:HASH")]
    [InlineData(":" + Hash, "position '' is not a whole number")]
    [InlineData("-1:" + Hash, "position '-1' is not a whole number")]
    [InlineData("+1:" + Hash, "position '+1' is not a whole number")]
    [InlineData("1 :" + Hash, "position '1 ' is not a whole number")]
    [InlineData("99999999999999999999:" + Hash, "is not a whole number")]
    [InlineData("12:", "64 hex digits, not 0 characters")]
    [InlineData("12:" + Hash + "0", "64 hex digits, not 65 characters")]
    [InlineData("12:" + Hash + ":3", "64 hex digits, not 66 characters")]
    [InlineData("12:g66d6db265b1e1205e1ccbc454fd2e78b3cc7fcc0f6e842d2d6fb9f9ef7bda66", "not a hex digit")]
    public void AMalformedDigest_IsRefusedWithTheReason(string text, string reason)
    {
        Assert.Null(LogDigest.TryParse(text, out var problem));
        Assert.Contains(reason, problem);
        var error = Assert.Throws<FormatException>(() => LogDigest.Parse(text));
        Assert.StartsWith("malformed digest", error.Message);
    }
}
