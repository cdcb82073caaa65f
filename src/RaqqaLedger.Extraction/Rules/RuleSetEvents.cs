using RaqqaLedger.Domain.Events;

namespace RaqqaLedger.Extraction.Rules;

/// <summary>Reads ruleset-published events of every version as the current one.</summary>
public static class RuleSetEvents
{
    public static readonly string V1 = EventJson.TypeNameOf<RuleSetPublishedV1>();

    /// <summary>Every stored name a rule-set publication may come under, newest first.</summary>
    public static IReadOnlyList<string> TypeNames { get; } = [EventJson.TypeNameOf<RuleSetPublished>(), V1];

    /// <summary>
    /// The publication as the current version: a first-version payload gets the status rule its content
    /// states, read as the rule-set compiler reads it (which is why this upcast lives here and not in the events).
    /// </summary>
    public static RuleSetPublished Read(string type, string json) => Upcast(EventJson.Deserialize(type, json));

    public static RuleSetPublished Read(string type, ReadOnlySpan<byte> utf8Json) => Upcast(EventJson.Deserialize(type, utf8Json));

    private static RuleSetPublished Upcast(object? @event) => @event switch
    {
        RuleSetPublished current => current,
        RuleSetPublishedV1 first => first.WithStatus(RuleSetCompiler.ReadStatus(first.Content, first.Source)),
        _ => throw new ArgumentException($"not a ruleset-published event: {@event?.GetType().Name ?? "unknown type"}"),
    };
}
