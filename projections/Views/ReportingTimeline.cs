using RaqqaLedger.Domain.Claims;

namespace RaqqaLedger.Projections.Views;

/// <summary>How a report moved the story on its topic.</summary>
public enum Shift
{
    /// <summary>The first report on the topic.</summary>
    FirstReport,
    /// <summary>A figure or answer not reported before.</summary>
    NewValue,
    /// <summary>The same figure or answer as an earlier report (a repetition, a republication, a syndicated copy).</summary>
    Repetition,
    /// <summary>Conflicts with an earlier report (as well as being new or a repetition).</summary>
    Contradiction,
    /// <summary>The ledger revised the claim when the extraction rules changed.</summary>
    Revision,
    /// <summary>The ledger retracted the claim when the extraction rules changed.</summary>
    Retraction,
}

/// <summary>How one report moved the story; <paramref name="Contradicts"/> and <paramref name="Repeats"/> point at earlier reports.</summary>
public sealed record Judgement(IReadOnlyList<Shift> Shifts, int? Contradicts = null, int? Repeats = null);

/// <summary>The story's reporting window, and how reports of one figure are recognised as one.</summary>
public static class ReportingTimeline
{
    public static readonly DateOnly StoryStart = new(2017, 10, 14), StoryEnd = new(2017, 11, 14);

    /// <summary>"about 275" and "275" are the same figure; a yes is a yes.</summary>
    public static string Figure(ClaimValue v) => v.Kind switch
    {
        ClaimValueKind.Exact or ClaimValueKind.Approx => $"n:{v.Number!.Value.ToString("G29", System.Globalization.CultureInfo.InvariantCulture)}",
        _ => v.ToJson(),
    };
}
