using System.Text.RegularExpressions;

namespace RaqqaLedger.Extraction.Numbers;

/// <summary>
/// Shares written as fractions — "three-quarters of the city", "more than nine-tenths of Raqqa" — read
/// as percentages. A bare fraction is approximate; a hedge before it bounds it as hedges bound numbers.
/// </summary>
public static partial class QuantityFractions
{
    private static readonly Dictionary<string, decimal> Parts = new(StringComparer.OrdinalIgnoreCase)
    {
        ["half"] = 50, ["third"] = 100m / 3, ["quarter"] = 25, ["fifth"] = 20, ["tenth"] = 10,
        ["thirds"] = 100m / 3, ["quarters"] = 25, ["fifths"] = 20, ["tenths"] = 10,
    };

    private static readonly Dictionary<string, int> Counts = new(StringComparer.OrdinalIgnoreCase)
    {
        ["a"] = 1, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8, ["nine"] = 9,
    };

    /// <summary>A percentage, or null when the text is not a fraction phrase.</summary>
    public static Quantity? ParsePercent(string text, HedgeLexicon hedges)
    {
        var m = Fraction().Match(text.Trim());
        if (!m.Success)
            return null;
        var count = m.Groups["count"].Success ? Counts[m.Groups["count"].Value] : 1;
        var percent = Math.Round(count * Parts[m.Groups["part"].Value], 1);
        var hedge = m.Groups["hedge"].Success ? string.Join(' ', m.Groups["hedge"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)) : null;
        if (hedge is not null && hedges.Min.Contains(hedge, StringComparer.OrdinalIgnoreCase))
            return Quantity.AtLeast(percent);
        if (hedge is not null && hedges.Max.Contains(hedge, StringComparer.OrdinalIgnoreCase))
            return Quantity.AtMost(percent);
        return Quantity.Approx(percent);
    }

    [GeneratedRegex(@"^(?:(?<hedge>[a-z]+(?:\s+[a-z]+)?)\s+)??(?:(?<count>a|one|two|three|four|five|six|seven|eight|nine)[\s-]+)?(?<part>half|thirds?|quarters?|fifths?|tenths?)$", RegexOptions.IgnoreCase)]
    private static partial Regex Fraction();
}
