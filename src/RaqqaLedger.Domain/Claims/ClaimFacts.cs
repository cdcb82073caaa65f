namespace RaqqaLedger.Domain.Claims;

/// <summary>A character range of the article's raw text.</summary>
public sealed record TextSpan(int Start, int Length)
{
    public int End => Start + Length;
}

/// <summary>
/// When the reported event happened, as far as the text says: one day ("on Saturday" in an article of
/// Sunday 15 October 2017 is 14 October) or a span of days ("earlier this week"). Null dates when the
/// publication date is unknown and the text is relative.
/// </summary>
public sealed record EventDate(DateOnly? From, DateOnly? To, string Text);

/// <summary>What a claim says and where: the part of a claim a rule change can revise.</summary>
/// <param name="Speaker">Canonical speaker; null is the outlet's own voice.</param>
/// <param name="SpeakerAsWritten">The speaker as the article names them at this point ("he", "Allouch").</param>
/// <param name="Quote">The exact text of the sentence carrying the claim.</param>
/// <param name="Span">Where the quote stands in the raw text.</param>
public sealed record ClaimFacts(
    ClaimValue Value,
    string? Speaker,
    string? SpeakerAsWritten,
    string Quote,
    TextSpan Span,
    EventDate? EventDate,
    string RuleId);
