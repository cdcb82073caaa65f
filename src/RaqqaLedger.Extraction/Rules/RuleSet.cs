using System.Text.RegularExpressions;
using RaqqaLedger.Domain.Claims;
using RaqqaLedger.Extraction.Frames;
using RaqqaLedger.Extraction.Numbers;

namespace RaqqaLedger.Extraction.Rules;

public enum TopicKind { YesNo, Count, Percent, Category }

/// <param name="Id">The rule's or frame's id, as claims record it.</param>
/// <param name="Pattern">A hand-written rule's pattern; null for a frame's form, which <paramref name="Frame"/> describes.</param>
/// <param name="FixedValue">The value a yes/no or category rule asserts, or a number the words state without digits ("full control"); null when the value comes from a quantity.</param>
/// <param name="Complement">The number is the other side's share: SDF control = 100 − what IS holds.</param>
/// <param name="Unless">The rule does not fire in a sentence matching this.</param>
/// <param name="Context">The rule fires only if this matches the sentence or one of the <paramref name="ContextSentences"/> before it.</param>
/// <param name="Anchor">For a rule holding one quantity ("… (?&lt;q&gt;{Q}) fighters … left"): the pattern split at it, run
/// only around the quantities the extractor has already found.</param>
/// <param name="AllowsPlanned">Whether a planned or conditional verb group ("would leave") still makes the claim.</param>
/// <param name="Frame">For a frame: the form this rule is (active, passive, noun …), read word by word.</param>
/// <param name="NeedsPermission">For a frame: only a verb group that grants leave ("were allowed to leave") or the permitted
/// form makes the claim; what a deal let happen, not what happened.</param>
/// <param name="Gate">What a sentence must hold for the rule to be tried on it.</param>
public sealed record CompiledRule(string Id, Regex? Pattern, ClaimValue? FixedValue, bool Complement, GatedPattern? Unless, GatedPattern? Context,
    int ContextSentences, Gate Gate, SplitPattern? Anchor = null, bool AllowsPlanned = true, FrameForm? Frame = null, bool NeedsPermission = false)
{
    /// <summary>For a frame, which of its forms this is; null for a hand-written rule.</summary>
    public string? Form => Frame?.Name;
}

/// <summary>A pattern split at an anchor (a quantity, a verb) into the halves on either side of it.</summary>
/// <param name="Before">What must end right where the anchor starts (right to left, ending at \G); null when the anchor opens the pattern.</param>
/// <param name="After">What must follow from the anchor on (anchored with \G).</param>
public sealed record SplitPattern(Regex? Before, Regex After);

/// <param name="Cue">A cheap test a sentence must pass before any of the topic's rules run on it; null tries every sentence.</param>
public sealed record CompiledTopic(string Id, TopicKind Kind, string Description, GatedPattern? Cue, IReadOnlyList<CompiledRule> Rules);

public sealed record SpeakerEntry(string Name, string Kind, IReadOnlyList<string> Aliases)
{
    public bool IsPerson => Kind == "person";
}

/// <summary>Attribution vocabulary: who says, and the words that point back to the last speaker.</summary>
/// <param name="Verbs">Every form of the attribution verbs ("said", "insists", "telling").</param>
/// <param name="WireAgencies">Agencies whose reports are the outlet's own voice, never a speaker.</param>
/// <param name="Roles">Role nouns, resolved to the person holding the role in the article, else the organisation, else a category.</param>
/// <param name="OrganisationAnaphors">Descriptions pointing back to the last organisation named ("the group").</param>
/// <param name="ReleaseMarkers">Words opening a header line of a release or statement, which its issuer speaks in.</param>
public sealed record AttributionVocabulary(
    IReadOnlyList<string> Verbs, IReadOnlyList<string> Pronouns, IReadOnlyList<string> Anaphors, string Descriptors, IReadOnlyList<string> WireAgencies,
    IReadOnlyList<string> Titles, IReadOnlyList<string> Roles, IReadOnlyList<string> NotNames, IReadOnlyList<string> Places,
    IReadOnlyList<string> ReportWords, IReadOnlyList<string> Adverbs, IReadOnlyList<string> Modifiers,
    IReadOnlyList<string> OrganisationAnaphors, IReadOnlyList<string> ReleaseMarkers);

/// <summary>How a text takes a claim back or does not make it.</summary>
/// <param name="Cues">Words that flip a yes/no claim standing shortly after them in its clause ("no", "not", "denied").</param>
/// <param name="Denials">Verbs that deny what follows them in the clause ("denied that …", "rejected reports that …"): a
/// yes/no claim is flipped, and no number is claimed at all.</param>
/// <param name="Window">How far back (characters, within the clause) cues and doubt are looked for.</param>
/// <param name="Uncertainty">Hearsay or doubt just before a match ("could not confirm", "it is not clear how many"): no claim is made.</param>
/// <param name="Retraction">What, right after a claim, says it was wrong ("… had left was wrong"): flips a yes/no claim, drops a number.</param>
/// <param name="Conditions">Words that, right before a frame's first argument, make its clause a condition, not a report
/// ("until the whole city is cleared"): no claim.</param>
public sealed record NegationVocabulary(IReadOnlyList<string> Cues, IReadOnlyList<string> Denials, int Window, Regex? Uncertainty, Regex? Retraction,
    IReadOnlyList<string> Conditions);

/// <summary>A checked, compiled rule set: everything extraction needs, built once per published version.</summary>
public sealed class RuleSet
{
    internal RuleSet(int version, string name, string description, string sha256, string content,
        IReadOnlyList<CompiledTopic> topics, IReadOnlyList<SpeakerEntry> speakers, QuantityGrammar quantities,
        AttributionVocabulary attribution, NegationVocabulary negation, StatusRule status, FrameMatcher frames, KeyScanner keys, Gate quantityGate)
    {
        Keys = keys;
        QuantityGate = quantityGate;
        Version = version;
        Name = name;
        Description = description;
        Sha256 = sha256;
        Content = content;
        Topics = topics;
        Speakers = speakers;
        Attribution = attribution;
        Negation = negation;
        Frames = frames;
        Status = status;
        Quantities = quantities;
        TopicsById = topics.ToDictionary(t => t.Id, StringComparer.Ordinal);
    }

    public int Version { get; }
    public string Name { get; }
    public string Description { get; }
    public string Sha256 { get; }
    public string Content { get; }
    public IReadOnlyList<CompiledTopic> Topics { get; }
    public IReadOnlyDictionary<string, CompiledTopic> TopicsById { get; }
    public IReadOnlyList<SpeakerEntry> Speakers { get; }
    public QuantityGrammar Quantities { get; }

    /// <summary>What a sentence holding a quantity holds (<see cref="QuantityGrammar.AnchorText"/>).</summary>
    public Gate QuantityGate { get; }

    public AttributionVocabulary Attribution { get; }
    public NegationVocabulary Negation { get; }

    /// <summary>Finds in an article's sentences the text the rules' gates ask for.</summary>
    public KeyScanner Keys { get; }

    /// <summary>Reads the rule set's frames in a sentence.</summary>
    public FrameMatcher Frames { get; }
    public StatusRule Status { get; }
}

/// <summary>A rule set file that cannot be used; the message names the file, the place and the problem.</summary>
public sealed class InvalidRuleSetException(string message) : Exception(message);
