using RaqqaLedger.Application.Claims;
using RaqqaLedger.Domain.Articles;
using RaqqaLedger.Domain.Claims;
using RaqqaLedger.Domain.Events;
using RaqqaLedger.Extraction;
using RaqqaLedger.EventStore;

namespace RaqqaLedger.Application.Articles;

public enum IngestStatus { New, AlreadyPresent }

/// <param name="Position">Where the article-ingested event landed; null when the article was already present.</param>
/// <param name="Claims">The claims extracted and appended with it.</param>
public sealed record IngestOutcome(ArticleIngested Article, IngestStatus Status, long? Position, int Claims)
{
    public int EventsAppended => Status == IngestStatus.New ? 1 + Claims : 0;

    /// <summary>Why extraction did not read the article (another language), when it did not; null otherwise.</summary>
    public string? ExtractionSkipped => Status == IngestStatus.New ? ClaimExtractor.SkipReason(Article) : null;
}

/// <param name="RulesPublished">The bundled rules, when this run found the log without a rule set and published them.</param>
public sealed record IngestReport(IReadOnlyList<IngestOutcome> Articles, PublishOutcome? RulesPublished)
{
    public long EventsAppended => Articles.Sum(a => a.EventsAppended) + (RulesPublished?.EventsAppended ?? 0);

    /// <summary>The first and last position this run appended at (other writers may have appended in between).</summary>
    public (long First, long Last)? Positions
    {
        get
        {
            var spans = Articles.Where(a => a.Position is not null).Select(a => (First: a.Position!.Value, Last: a.Position!.Value + a.Claims)).ToList();
            if (RulesPublished is { } r)
                spans.Add((r.FirstPosition, r.LastPosition));
            return spans.Count == 0 ? null : (spans.Min(s => s.First), spans.Max(s => s.Last));
        }
    }
}

/// <summary>
/// Appends articles with their claims. Each article goes in with one atomic append: its own stream
/// ("no stream expected", so the same text twice is written once), its claims stream, and a check
/// that the rule set it was extracted under is still the one in effect.
/// </summary>
public sealed class ArticleIngestion(IEventStore store, ArticleReadingOptions options)
{
    private const int Attempts = 5;

    /// <summary>
    /// Builds every article first, so one bad submission stops the run before anything is written;
    /// then appends them all at once, in order, letting group commit batch them.
    /// </summary>
    /// <exception cref="InvalidArticleException">A submission cannot become an article; nothing was appended.</exception>
    /// <param name="progress">Told how many articles have been extracted so far.</param>
    public async Task<IngestReport> IngestAsync(
        IReadOnlyList<ArticleSubmission> submissions, EventMetadata metadata, CancellationToken cancellationToken = default, IProgress<long>? progress = null)
    {
        var articles = submissions.Select(s => ArticleIntake.Ingest(s, options)).ToList();
        var (rules, published) = await RuleSetPublishing.EnsureRulesAsync(store, metadata, cancellationToken);
        var extracted = 0L;
        // Each article is extracted as its append is queued, in order; progress counts extractions, the long part.
        var outcomes = await Task.WhenAll(articles.Select(a => AppendAsync(a, rules, metadata, cancellationToken, () => progress?.Report(++extracted))));
        return new IngestReport(outcomes, published);
    }

    private async Task<IngestOutcome> AppendAsync(ArticleIngested article, RulesInEffect rules, EventMetadata metadata, CancellationToken cancellationToken, Action extracted)
    {
        for (var attempt = 1; ; attempt++)
        {
            var stamped = metadata with { RuleSetVersion = rules.Rules.Version };
            var claims = rules.Extractor.Extract(article);
            if (attempt == 1)
                extracted();
            try
            {
                var result = await store.AppendAsync(
                [
                    new StreamAppend(ArticleText.StreamOf(article.ArticleId), ExpectedVersion.NoStream,
                        [LedgerEvents.ToNewEvent(article, metadata, article.ArticleId)]),
                    new StreamAppend(ArticleClaims.StreamOf(article.ArticleId), ExpectedVersion.NoStream,
                        [.. claims.Select(c => LedgerEvents.ToNewEvent(c, stamped, LedgerEvents.SeedOf(c)))]),
                    // Zero events: only checks the rules did not change while we extracted.
                    new StreamAppend(RuleSets.Stream, ExpectedVersion.Exactly(rules.StreamVersion), []),
                ], cancellationToken);
                return new IngestOutcome(article, IngestStatus.New, result.FirstPosition, claims.Count);
            }
            catch (WrongExpectedVersionException e) when (e.StreamId != RuleSets.Stream)
            {
                return new IngestOutcome(article, IngestStatus.AlreadyPresent, null, 0);
            }
            catch (WrongExpectedVersionException) when (attempt < Attempts)
            {
                rules = await RuleSets.LoadCurrentAsync(store, cancellationToken) ?? rules;
            }
        }
    }
}
