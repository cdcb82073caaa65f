using RaqqaLedger.Domain.Articles;

namespace RaqqaLedger.Domain.Events;

/// <summary>
/// An article entered the ledger. Keeps the raw text unchanged and everything derived from it, so
/// later rule changes can re-read the article without going back to the source.
/// </summary>
/// <param name="ArticleId">SHA-256 of the normalized text (see <see cref="ArticleText"/>).</param>
/// <param name="Source">Where it came from: a file name, or "stdin".</param>
/// <param name="Text">The raw text exactly as received.</param>
/// <param name="Title">The envelope's title if it gave one, else the derived headline (may be null).</param>
/// <param name="Published">Publication date and how it was known.</param>
/// <param name="Url">From the envelope, if given.</param>
/// <param name="Outlet">From the envelope, if given.</param>
/// <param name="EnvelopeFields">Which fields the submitter's envelope stated (they win over derived ones).</param>
/// <param name="Language">The language detected in the text (ISO 639-1, "und" when it cannot be told); null for an
/// article recorded before languages were (see <see cref="ArticleIngestedV1"/>).</param>
[EventType("article-ingested.v2")]
public sealed record ArticleIngested(
    string ArticleId,
    string Source,
    string Text,
    string? Title,
    PublicationDate Published,
    Dateline? Dateline,
    IReadOnlyList<AgencyCredit> Agencies,
    IReadOnlyList<BoilerplateLine> Boilerplate,
    string? Url,
    string? Outlet,
    IReadOnlyList<string> EnvelopeFields,
    string? Language);

/// <summary>An article as recorded before languages were detected; read as version 2 with no language.</summary>
[EventType("article-ingested.v1")]
public sealed record ArticleIngestedV1(
    string ArticleId,
    string Source,
    string Text,
    string? Title,
    PublicationDate Published,
    Dateline? Dateline,
    IReadOnlyList<AgencyCredit> Agencies,
    IReadOnlyList<BoilerplateLine> Boilerplate,
    string? Url,
    string? Outlet,
    IReadOnlyList<string> EnvelopeFields) : IUpcastsTo<ArticleIngested>
{
    public ArticleIngested Upcast() =>
        new(ArticleId, Source, Text, Title, Published, Dateline, Agencies, Boilerplate, Url, Outlet, EnvelopeFields, Language: null);
}
