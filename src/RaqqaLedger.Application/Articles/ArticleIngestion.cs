using System.Security.Cryptography;
using System.Text;
using RaqqaLedger.Domain.Articles;
using RaqqaLedger.Domain.Events;
using RaqqaLedger.Storage;

namespace RaqqaLedger.Application.Articles;

public enum IngestStatus { New, AlreadyPresent }

/// <param name="Position">Where the article-ingested event landed; null when the article was already present.</param>
public sealed record IngestOutcome(ArticleIngested Article, IngestStatus Status, long? Position);

/// <summary>
/// Appends articles to the log. Each article is its own stream, appended with "no stream expected",
/// so the same text twice — in one run, in two runs or from two processes at once — is written once.
/// </summary>
public sealed class ArticleIngestion(IEventStore store, ArticleReadingOptions options)
{
    /// <summary>
    /// Builds every event first, so one bad submission stops the run before anything is written; then
    /// appends them all at once, in order, letting group commit batch them.
    /// </summary>
    /// <exception cref="InvalidArticleException">A submission cannot become an article; nothing was appended.</exception>
    public async Task<IReadOnlyList<IngestOutcome>> IngestAsync(
        IReadOnlyList<ArticleSubmission> submissions, EventMetadata metadata, CancellationToken cancellationToken = default)
    {
        var articles = submissions.Select(s => ArticleIntake.Ingest(s, options)).ToList();
        var appends = articles.Select(a => AppendAsync(a, metadata, cancellationToken)).ToList();
        return await Task.WhenAll(appends);
    }

    private async Task<IngestOutcome> AppendAsync(ArticleIngested article, EventMetadata metadata, CancellationToken cancellationToken)
    {
        try
        {
            var result = await store.AppendAsync(ArticleText.StreamOf(article.ArticleId), ExpectedVersion.NoStream,
                [ToNewEvent(article, metadata)], cancellationToken);
            return new IngestOutcome(article, IngestStatus.New, result.FirstPosition);
        }
        catch (WrongExpectedVersionException)
        {
            return new IngestOutcome(article, IngestStatus.AlreadyPresent, null);
        }
    }

    public static NewEvent ToNewEvent(object @event, EventMetadata metadata, string idSeed)
    {
        var type = EventJson.TypeNameOf(@event.GetType());
        return new NewEvent(DeterministicId($"{type}:{idSeed}"), type, EventJson.Serialize(@event), EventJson.SerializeMetadata(metadata));
    }

    private static NewEvent ToNewEvent(ArticleIngested article, EventMetadata metadata) => ToNewEvent(article, metadata, article.ArticleId);

    /// <summary>Event ids derived from content, so re-running the same step proposes the same ids.</summary>
    private static Guid DeterministicId(string seed) => new(SHA256.HashData(Encoding.UTF8.GetBytes(seed)).AsSpan(0, 16));
}
