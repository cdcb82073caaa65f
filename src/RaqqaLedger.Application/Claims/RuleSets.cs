using System.Collections.Concurrent;
using RaqqaLedger.Domain.Events;
using RaqqaLedger.Extraction;
using RaqqaLedger.Extraction.Rules;
using RaqqaLedger.EventStore;

namespace RaqqaLedger.Application.Claims;

/// <summary>The rule set in effect, read from the log, with its extractor compiled once per content.</summary>
public sealed record RulesInEffect(RuleSet Rules, ClaimExtractor Extractor, long StreamVersion, long Position);

/// <summary>A published rule set as the log lists it.</summary>
public sealed record PublishedRuleSet(int Version, string Name, string Sha256, string Source, long Position, DateTimeOffset RecordedAt, bool InEffect);

public static class RuleSets
{
    public const string Stream = "rulesets";

    private static readonly ConcurrentDictionary<string, Lazy<ClaimExtractor>> Compiled = new(StringComparer.Ordinal);

    /// <summary>The extractor for a rule set's content; compiling regexes is costly, so each content is compiled once.</summary>
    public static ClaimExtractor ExtractorFor(string content, string source) =>
        Compiled.GetOrAdd(RuleSetCompiler.Sha256Of(content), _ => new Lazy<ClaimExtractor>(() => new ClaimExtractor(RuleSetCompiler.Compile(content, source)))).Value;

    /// <summary>The last rule set published, or null when the log has none.</summary>
    public static async Task<RulesInEffect?> LoadCurrentAsync(IEventStore store, CancellationToken cancellationToken = default)
    {
        var version = await store.GetStreamVersionAsync(Stream, cancellationToken);
        if (version is null)
            return null;
        await foreach (var e in store.ReadStreamAsync(Stream, version.Value, cancellationToken))
        {
            var published = RuleSetEvents.Read(e.Type, e.Data);
            var extractor = ExtractorFor(published.Content, published.Source);
            return new RulesInEffect(extractor.Rules, extractor, e.StreamVersion, e.Position);
        }
        return null;
    }

    public static async Task<IReadOnlyList<PublishedRuleSet>> ListAsync(IEventStore store, CancellationToken cancellationToken = default)
    {
        var list = new List<PublishedRuleSet>();
        await foreach (var e in store.ReadStreamAsync(Stream, 0, cancellationToken))
        {
            var p = RuleSetEvents.Read(e.Type, e.Data);
            list.Add(new PublishedRuleSet(p.Version, p.Name, p.Sha256, p.Source, e.Position, e.RecordedAt, false));
        }
        if (list.Count > 0)
            list[^1] = list[^1] with { InEffect = true };
        return list;
    }
}
