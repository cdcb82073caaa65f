using System.Text.Json;
using RaqqaLedger.Application.Claims;
using RaqqaLedger.Domain.Articles;
using RaqqaLedger.Domain.Claims;
using RaqqaLedger.EventStore;

namespace RaqqaLedger.Cli.Tests;

/// <summary>What the whole log shows after ingests of a generated corpus, read back through a store opened on it.</summary>
/// <param name="Articles">The ids of the articles in the log, in the order they were appended.</param>
/// <param name="CorrelationIds">Each event's correlation id (one per ingest run), by position.</param>
public sealed record AuditedLog(long Head, IReadOnlyList<string> Articles, IReadOnlyList<string?> CorrelationIds);

/// <summary>
/// Checks everything an ingest must leave true, however many ran at once and wherever one was killed:
/// positions 1 to the head, each once; every event id once; every stream's versions 0, 1, 2 … in log
/// order; one rule set; each article of the corpus at most once, directly followed by exactly the
/// claims extraction gives it, in the same commit; nothing else; and a chain that verifies.
/// </summary>
public static class LogAudit
{
    public static async Task<AuditedLog> CheckAsync(string storeSpec, GeneratedCorpus corpus)
    {
        await using var store = await EventStoreFactory.OpenAsync(storeSpec);
        var log = await store.ReadAllForwardAsync(1, 5000).ToListAsync();
        var head = (await store.ReadHeadAsync()).Position;

        Assert.Equal(head, log.Count);
        for (var i = 0; i < log.Count; i++)
        {
            if (log[i].Position != i + 1)
                Assert.Fail($"position {i + 1} is missing or out of order: found {log[i].Position} there");
        }
        var duplicates = log.GroupBy(e => e.EventId).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(duplicates.Count == 0, $"{duplicates.Count} event ids appear more than once, e.g. {duplicates.FirstOrDefault()}");
        foreach (var stream in log.GroupBy(e => e.StreamId))
        {
            var versions = stream.Select(e => e.StreamVersion).ToList();
            if (!versions.SequenceEqual(Enumerable.Range(0, versions.Count).Select(v => (long)v)))
                Assert.Fail($"stream {stream.Key} has versions {string.Join(",", versions.Take(10))}…, not 0, 1, 2 … in log order");
        }

        var articles = new List<string>();
        var next = 0;
        while (next < log.Count)
        {
            var e = log[next];
            if (e.StreamId == RuleSets.Stream)
            {
                Assert.Equal("ruleset-published.v2", e.Type);
                next++;
                continue;
            }
            Assert.True(e.Type == "article-ingested.v2", $"position {e.Position}: a {e.Type} in {e.StreamId} that follows no article of its own");
            var articleId = e.StreamId["article-".Length..];
            Assert.True(corpus.ById.TryGetValue(articleId, out var expected), $"position {e.Position}: article {articleId} is not in the corpus");
            Assert.Equal(ArticleText.StreamOf(articleId), e.StreamId);
            Assert.Equal(expected.ArticleEventId, e.EventId);
            // Its claims come next, all of them, in the same commit (one recorded-at time), and nothing between.
            var claims = log.Skip(next + 1).Take(expected.ClaimEventIds.Count).ToList();
            if (claims.Count != expected.ClaimEventIds.Count || claims.Any(c => c.StreamId != ArticleClaims.StreamOf(articleId)))
                Assert.Fail($"article {articleId} at position {e.Position} is not followed by its {expected.ClaimEventIds.Count} claims: " +
                    $"found {claims.Count(c => c.StreamId == ArticleClaims.StreamOf(articleId))}");
            Assert.Equal(expected.ClaimEventIds, claims.Select(c => c.EventId));
            Assert.All(claims, c => Assert.Equal(e.RecordedAt, c.RecordedAt));
            articles.Add(articleId);
            next += 1 + claims.Count;
        }
        Assert.Equal(1, log.Count(e => e.StreamId == RuleSets.Stream));
        Assert.Equal(articles.Count, articles.Distinct().Count());

        var verified = await ChainVerifier.VerifyAsync(store);
        Assert.True(verified.Ok, verified.Problem);
        Assert.Equal(head, verified.HeadPosition);

        var correlations = log.Select(e => JsonDocument.Parse(e.Metadata).RootElement.TryGetProperty("correlationId", out var c) ? c.GetString() : null).ToList();
        return new AuditedLog(head, articles, correlations);
    }
}
