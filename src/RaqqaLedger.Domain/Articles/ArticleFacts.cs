namespace RaqqaLedger.Domain.Articles;

/// <summary>How the publication date of an article was known.</summary>
public enum DateBasis
{
    /// <summary>Printed in the article (or given by the submitter's envelope).</summary>
    Stated,
    /// <summary>Worked out from partial evidence, such as a weekday and a day with no year.</summary>
    Inferred,
    /// <summary>Nothing in the article dates it.</summary>
    Unknown,
}

/// <param name="Date">The calendar date, or null when the basis is <see cref="DateBasis.Unknown"/>.</param>
/// <param name="Evidence">The exact text the date came from, when there is one.</param>
/// <param name="Reason">Why an inferred date was chosen, or why none could be.</param>
public sealed record PublicationDate(DateOnly? Date, DateBasis Basis, string? Evidence, string? Reason)
{
    public static PublicationDate Unknown(string reason) => new(null, DateBasis.Unknown, null, reason);
}

/// <summary>The place line that opens a news report, e.g. "CAIRO" in "CAIRO – 15 October 2017: ...".</summary>
/// <param name="Place">The place as printed, with stray spaces before commas tidied.</param>
/// <param name="Text">The dateline exactly as it stands in the article.</param>
public sealed record Dateline(string Place, string Text);

/// <summary>A wire agency the article credits, e.g. AFP for "told Agence France-Presse".</summary>
/// <param name="Agency">Canonical short name: AFP, Reuters, AP, ...</param>
/// <param name="Mention">The first text in the article that credits it.</param>
public sealed record AgencyCredit(string Agency, string Mention);

/// <summary>A line of page furniture kept in the raw text but marked so readers and extraction can skip it.</summary>
/// <param name="Line">1-based line number in the raw text.</param>
/// <param name="Text">The line as printed (trimmed).</param>
/// <param name="Reason">Why it is boilerplate: read-time, comments, social, byline, site-chrome, link-out, photo-credit, fragment, repeated.</param>
public sealed record BoilerplateLine(int Line, string Text, string Reason);

/// <summary>What can be derived from an article's raw text alone.</summary>
/// <param name="Language">ISO 639-1 code of the language the text is written in, or "und" (see <see cref="LanguageDetector"/>).</param>
public sealed record ArticleFacts(
    string? Title,
    PublicationDate Published,
    Dateline? Dateline,
    IReadOnlyList<AgencyCredit> Agencies,
    IReadOnlyList<BoilerplateLine> Boilerplate,
    string Language);

/// <param name="ReferenceYear">
/// The year a date printed without one is placed nearest to (the story's year), when a weekday pins it down.
/// </param>
public sealed record ArticleReadingOptions(int ReferenceYear)
{
    public static ArticleReadingOptions Default { get; } = new(2017);
}
