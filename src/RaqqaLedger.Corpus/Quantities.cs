using System.Globalization;
using RaqqaLedger.Domain.Claims;

namespace RaqqaLedger.Corpus;

/// <summary>A number as written in the text and the gold value it stands for.</summary>
internal readonly record struct WrittenQuantity(string Text, ClaimValue Value);

/// <summary>Plausible figures for one count topic, and how they may be hedged.</summary>
/// <param name="Values">Single figures.</param>
/// <param name="Ranges">Low and high ends of ranges.</param>
internal sealed record CountProfile(int[] Values, (int Low, int High)[] Ranges);

/// <summary>
/// Writes hedged numbers the way the seeds do ("around 275", "up to 500", "300-400", "more than 3,000",
/// "three thousand") with the hedges the rule set lists, and gives each its gold value: the hedge
/// nearest the number decides, ranges stay ranges.
/// </summary>
internal static class Quantities
{
    private static readonly string[] Approx = ["around", "about", "an estimated", "some", "roughly", "approximately", "nearly", "almost", "close to"];
    private static readonly string[] AtLeast = ["more than", "over", "at least", "upwards of", "in excess of", "no fewer than"];
    private static readonly string[] AtMost = ["up to", "no more than", "as many as", "at most", "fewer than"];
    private static readonly string[] Units = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];

    public static WrittenQuantity Count(CountProfile profile, SplitMix64 random)
    {
        var roll = random.Below(100);
        if (roll < 12 && profile.Ranges.Length > 0)
        {
            var (low, high) = random.Pick(profile.Ranges);
            var text = random.Below(4) switch
            {
                0 => $"{Digits(low)}-{Digits(high)}",
                1 => $"{Digits(low)} to {Digits(high)}",
                2 => $"between {Digits(low)} and {Digits(high)}",
                _ => $"{Digits(low)}\u2013{Digits(high)}",
            };
            return new(text, ClaimValue.Between(low, high));
        }
        var n = random.Pick(profile.Values);
        var number = Words(n) is { } words && random.Chance(0.3) ? words : Digits(n);
        return roll switch
        {
            < 40 => new(number, ClaimValue.Exact(n)),
            < 68 => new($"{random.Pick(Approx)} {number}", ClaimValue.Approx(n)),
            < 84 => new($"{random.Pick(AtLeast)} {number}", ClaimValue.AtLeast(n)),
            _ => new($"{random.Pick(AtMost)} {number}", ClaimValue.AtMost(n)),
        };
    }

    /// <summary>A share of the city in percent; for the other side's share the gold value is the complement (IS holds 10% → SDF about 90%).</summary>
    public static WrittenQuantity Percent(int[] values, bool complement, SplitMix64 random)
    {
        var n = random.Pick(values);
        var sign = random.Below(4) switch { 0 => "%", 1 => " per cent", _ => " percent" };
        var number = $"{n}{sign}";
        var roll = random.Below(100);
        // "just"/"only" are no hedges: "just 10%" is exactly 10%.
        var (text, kind) = roll switch
        {
            < 45 => ((complement && random.Chance(0.5) ? random.Pick(["just ", "only "]) : "") + number, ClaimValueKind.Exact),
            < 75 => ($"{random.Pick(Approx)} {number}", ClaimValueKind.Approx),
            < 88 => ($"{random.Pick(AtLeast)} {number}", ClaimValueKind.Min),
            _ => ($"{random.Pick(AtMost)} {number}", ClaimValueKind.Max),
        };
        if (!complement)
        {
            return new(text, kind switch
            {
                ClaimValueKind.Exact => ClaimValue.Exact(n),
                ClaimValueKind.Approx => ClaimValue.Approx(n),
                ClaimValueKind.Min => ClaimValue.AtLeast(n),
                _ => ClaimValue.AtMost(n),
            });
        }
        // The extractor's complement: an exact or approximate share becomes approximate, bounds swap.
        return new(text, kind switch
        {
            ClaimValueKind.Exact or ClaimValueKind.Approx => ClaimValue.Approx(100 - n),
            ClaimValueKind.Min => ClaimValue.AtMost(100 - n),
            _ => ClaimValue.AtLeast(100 - n),
        });
    }

    /// <summary>A share written as a fraction: "nine-tenths" is about 90, "more than three-quarters" at least 75.</summary>
    public static WrittenQuantity Fraction(SplitMix64 random) => random.Below(5) switch
    {
        0 => new("nine-tenths", ClaimValue.Approx(90)),
        1 => new("nearly nine-tenths", ClaimValue.Approx(90)),
        2 => new("three-quarters", ClaimValue.Approx(75)),
        3 => new("more than three-quarters", ClaimValue.AtLeast(75)),
        _ => new("more than half", ClaimValue.AtLeast(50)),
    };

    private static string Digits(int n) => n.ToString("#,0", CultureInfo.InvariantCulture);

    /// <summary>Round hundreds and thousands in words ("three hundred", "eight thousand"); null for other figures.</summary>
    private static string? Words(int n) => n switch
    {
        >= 200 and < 1000 when n % 100 == 0 => $"{Units[n / 100]} hundred",
        >= 2000 and < 10000 when n % 1000 == 0 => $"{Units[n / 1000]} thousand",
        _ => null,
    };
}
