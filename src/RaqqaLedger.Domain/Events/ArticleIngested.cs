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
[EventType("article-ingested.v1")]
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
    IReadOnlyList<string> EnvelopeFields);
