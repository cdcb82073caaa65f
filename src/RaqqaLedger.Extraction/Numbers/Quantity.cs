namespace RaqqaLedger.Extraction.Numbers;

/// <summary>The value forms of the gold file: {"exact": N}, {"approx": N}, {"min": N}, {"max": N}, {"min": A, "max": B}.</summary>
public enum QuantityKind { Exact, Approx, Min, Max, Range }

/// <summary>A reported number with its hedge. For Range, Min and Max are set; otherwise Value is.</summary>
public sealed record Quantity(QuantityKind Kind, decimal? Value = null, decimal? Min = null, decimal? Max = null)
{
    public static Quantity Exact(decimal v) => new(QuantityKind.Exact, v);
    public static Quantity Approx(decimal v) => new(QuantityKind.Approx, v);
    public static Quantity AtLeast(decimal v) => new(QuantityKind.Min, Min: v);
    public static Quantity AtMost(decimal v) => new(QuantityKind.Max, Max: v);
    public static Quantity Between(decimal min, decimal max) => new(QuantityKind.Range, Min: min, Max: max);
}

/// <summary>The hedge words of a rule set: which phrases before a number make it approximate, a lower or an upper bound.</summary>
public sealed record HedgeLexicon(IReadOnlyList<string> Approx, IReadOnlyList<string> Min, IReadOnlyList<string> Max)
{
    public static HedgeLexicon Default { get; } = new(
        ["around", "about", "an estimated", "estimated", "nearly", "some", "roughly", "approximately", "almost", "close to", "an approximate", "circa"],
        ["more than", "over", "at least", "upwards of", "in excess of", "no fewer than", "no less than"],
        ["up to", "no more than", "as many as", "at most", "fewer than", "less than", "under", "not more than"]);
}
