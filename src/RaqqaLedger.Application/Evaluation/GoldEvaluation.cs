using RaqqaLedger.Application.Articles;
using RaqqaLedger.Application.Claims;
using RaqqaLedger.Domain.Articles;
using RaqqaLedger.Domain.Events;
using RaqqaLedger.EventStore;
using RaqqaLedger.EventStore.Sqlite;

namespace RaqqaLedger.Application.Evaluation;

/// <summary>
/// Ingests the gold file's articles into a throwaway store under the given rules, reads back the
/// claims the ledger recorded, and scores them.
/// </summary>
public static class GoldEvaluation
{
    /// <param name="articleFiles">File name → raw bytes of each article the gold names (.txt raw, .json envelope).</param>
    public static async Task<EvaluationScore> RunAsync(GoldFile gold, IReadOnlyDictionary<string, byte[]> articleFiles,
        string rulesContent, string rulesSource, CancellationToken cancellationToken = default)
    {
        var submissions = gold.Articles.Select(a =>
        {
            var bytes = articleFiles.TryGetValue(a.File, out var b) ? b : throw new FileNotFoundException($"{a.File}: named by the gold file but not found");
            return a.File.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? ArticleInput.FromEnvelope(a.File, bytes) : ArticleInput.FromText(a.File, bytes);
        }).ToList();

        var directory = Directory.CreateTempSubdirectory("raqqa-eval-");
        try
        {
            // A throwaway file: no need to sync each commit to disk.
            await using var store = await SqliteEventStore.OpenAsync(Path.Combine(directory.FullName, "eval.db"), cancellationToken: cancellationToken, sync: SqliteSync.Normal);
            var metadata = new EventMetadata(Guid.NewGuid().ToString("N"), null, "eval");
            await RuleSetPublishing.PublishAsync(store, rulesContent, rulesSource, metadata, cancellationToken);
            await new ArticleIngestion(store, ArticleReadingOptions.Default).IngestAsync(submissions, metadata, cancellationToken);

            var reported = new List<ReportedClaim>();
            foreach (var state in await LedgerSnapshot.LoadAsync(store, cancellationToken))
            {
                foreach (var claim in state.Claims.Live.Values)
                    reported.Add(new ReportedClaim(state.Article.Source, claim.Topic, claim.Facts.Value, claim.Facts.Speaker, claim.Facts.Quote, claim.Facts.Span));
            }
            return Scoring.Score(gold, reported, submissions.ToDictionary(s => s.Source, s => s.Text, StringComparer.Ordinal));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            directory.Delete(recursive: true);
        }
    }
}
