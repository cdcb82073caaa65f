using RaqqaLedger.Domain.Claims;
using RaqqaLedger.Domain.Events;
using RaqqaLedger.Extraction;
using RaqqaLedger.Extraction.Rules;
using RaqqaLedger.EventStore;

namespace RaqqaLedger.Application.Claims;

public enum PublishStatus { Published, Unchanged }

public sealed record PublishOutcome(PublishStatus Status, int Version, string Sha256, int Articles, int Extracted, int Revised, int Retracted, long FirstPosition, long LastPosition)
{
    public long EventsAppended => LastPosition == 0 ? 0 : LastPosition - FirstPosition + 1;
}

/// <summary>
/// Makes a rule set the one in effect and re-extracts every article under it, in one atomic append:
/// the ruleset-published event and, per article, only the claims that changed. Publishing the
/// content already in effect appends nothing.
/// </summary>
public static class RuleSetPublishing
{
    private const int Attempts = 5;

    /// <exception cref="InvalidRuleSetException">The file is not a usable rule set, or its version does not move forward.</exception>
    public static async Task<PublishOutcome> PublishAsync(IEventStore store, string content, string source, EventMetadata metadata,
        CancellationToken cancellationToken = default)
    {
        var extractor = RuleSets.ExtractorFor(content, source);
        var rules = extractor.Rules;
        for (var attempt = 1; ; attempt++)
        {
            var current = await RuleSets.LoadCurrentAsync(store, cancellationToken);
            if (current?.Rules.Sha256 == rules.Sha256)
                return new PublishOutcome(PublishStatus.Unchanged, rules.Version, rules.Sha256, 0, 0, 0, 0, 0, 0);
            if (current is not null && rules.Version <= current.Rules.Version)
                throw new InvalidRuleSetException($"{source}: version {rules.Version} must be greater than {current.Rules.Version}, the version in effect");

            var stamped = metadata with { RuleSetVersion = rules.Version };
            var published = new RuleSetPublished(rules.Version, rules.Name, rules.Sha256, content, source, rules.Status);
            var appends = new List<StreamAppend>
            {
                new(RuleSets.Stream, current is null ? ExpectedVersion.NoStream : ExpectedVersion.Exactly(current.StreamVersion),
                    [LedgerEvents.ToNewEvent(published, stamped, $"{rules.Sha256}:{rules.Version}")]),
            };
            int articles = 0, extracted = 0, revised = 0, retracted = 0;
            foreach (var state in await LedgerSnapshot.LoadAsync(store, cancellationToken))
            {
                articles++;
                var diff = ClaimDiff.Compute(state.Claims, extractor.Extract(state.Article), rules.Version);
                if (diff.Count == 0)
                    continue;
                extracted += diff.Count(e => e is ClaimExtracted);
                revised += diff.Count(e => e is ClaimRevised);
                retracted += diff.Count(e => e is ClaimRetracted);
                appends.Add(new StreamAppend(ArticleClaims.StreamOf(state.Article.ArticleId),
                    state.ClaimStreamVersion is { } v ? ExpectedVersion.Exactly(v) : ExpectedVersion.NoStream,
                    [.. diff.Select(e => LedgerEvents.ToNewEvent(e, stamped, LedgerEvents.SeedOf(e)))]));
            }
            try
            {
                var result = await store.AppendAsync(appends, cancellationToken);
                return new PublishOutcome(PublishStatus.Published, rules.Version, rules.Sha256, articles, extracted, revised, retracted, result.FirstPosition, result.LastPosition);
            }
            catch (WrongExpectedVersionException) when (attempt < Attempts)
            {
                // An article or another rule set landed meanwhile: read the log again and redo the difference.
            }
        }
    }

    /// <summary>The rule set in effect; on a log that has none, the bundled rules are published first (and returned as Published).</summary>
    public static async Task<(RulesInEffect Rules, PublishOutcome? Published)> EnsureRulesAsync(IEventStore store, EventMetadata metadata, CancellationToken cancellationToken = default)
    {
        if (await RuleSets.LoadCurrentAsync(store, cancellationToken) is { } current)
            return (current, null);
        var published = await PublishAsync(store, DefaultRules.Content, DefaultRules.Source, metadata, cancellationToken);
        var rules = await RuleSets.LoadCurrentAsync(store, cancellationToken)
            ?? throw new InvalidOperationException("the default rule set was published but cannot be read back");
        return (rules, published.Status == PublishStatus.Published ? published : null);
    }
}
