namespace RaqqaLedger.Extraction.Rules;

// The YAML shape of a rule set file, as written by people. RuleSetCompiler checks it and turns it
// into a RuleSet; nothing else reads these classes.
#pragma warning disable CA1002, CA2227 // plain data holders for the YAML reader

public sealed class RuleSetDocument
{
    public int Version { get; set; }
    public string? Name { get; set; }
    public string? Description { get; set; }
    public Dictionary<string, string> Macros { get; set; } = [];
    public HedgesDocument? Hedges { get; set; }
    public AttributionDocument? Attribution { get; set; }
    public List<SpeakerDocument> Speakers { get; set; } = [];
    public NegationDocument? Negation { get; set; }
    public StatusDocument? Status { get; set; }
    public LexiconDocument? Lexicon { get; set; }
    public Dictionary<string, VerbClassDocument> Verbs { get; set; } = [];
    public GapsDocument? Gaps { get; set; }
    public List<TopicDocument> Topics { get; set; } = [];
}

/// <summary>The function words a verb group is built from: "had not yet been allowed to leave".</summary>
public sealed class LexiconDocument
{
    public List<string> Auxiliaries { get; set; } = [];
    public List<string> Adverbs { get; set; } = [];
    /// <summary>Words before "to" that keep the verb after them asserted: allowed, able, believed, managed.</summary>
    public List<string> Raising { get; set; } = [];
    /// <summary>Modals and phrases of plans: will, would, expected to. A frame with planned: false does not fire on them.</summary>
    public List<string> Planned { get; set; } = [];
    /// <summary>Modals of doubt (may, might): the text does not stand behind the claim.</summary>
    public List<string> Doubt { get; set; } = [];
    public List<string> Negators { get; set; } = [];
    /// <summary>Verbs that let someone do something: "allowed 275 fighters to leave".</summary>
    public List<string> Permission { get; set; } = [];
}

/// <summary>
/// A class of verbs naming one kind of event, as lemmas. Intransitive ones take the one the event is
/// about as their subject ("fighters left"); transitive ones as their object ("the SDF bussed out
/// fighters") or, in the passive, as subject ("fighters were bussed out").
/// </summary>
public sealed class VerbClassDocument
{
    public List<string> Intransitive { get; set; } = [];
    public List<string> Transitive { get; set; } = [];
    /// <summary>Nouns of the event beyond those made from the verbs: exodus, safe passage.</summary>
    public List<string> Nouns { get; set; } = [];
}

/// <summary>What may stand between an argument and its verb: parentheses, appositives, dates, "and their families".</summary>
public sealed class GapsDocument
{
    public int Max { get; set; } = 2;
    public List<string> Kinds { get; set; } = [];
}

/// <summary>
/// A predicate frame: a verb class and the arguments a claim needs. The forms (active, passive, noun,
/// headline …) are generated, not written by hand.
/// </summary>
public sealed class FrameDocument
{
    public string? Id { get; set; }
    public List<string> Verbs { get; set; } = [];
    /// <summary>Who or what the event is about: who left, what was brokered. Holds the (?&lt;q&gt;{Q}) of a count.</summary>
    public string? Theme { get; set; }
    /// <summary>Who made it happen, when the claim depends on it: "brokered by local officials".</summary>
    public string? Agent { get; set; }
    /// <summary>What must follow the verb: "out of the city".</summary>
    public string? After { get; set; }
    public string? Value { get; set; }
    public List<string> Forms { get; set; } = [];
    /// <summary>Whether a planned or conditional event ("would leave", "are expected to leave") makes the claim.</summary>
    public bool Planned { get; set; } = true;
    /// <summary>Whether only leave granted makes the claim: "were allowed to leave", "permitted 275 fighters to go".</summary>
    public bool Permission { get; set; }
    public bool Complement { get; set; }
    public string? Unless { get; set; }
    public string? Context { get; set; }
    public int ContextSentences { get; set; } = 2;
}

public sealed class HedgesDocument
{
    public List<string> Approx { get; set; } = [];
    public List<string> Min { get; set; } = [];
    public List<string> Max { get; set; } = [];
}

public sealed class AttributionDocument
{
    /// <summary>Attribution verbs as lemmas (say, tell, insist); every form is generated.</summary>
    public List<string> Verbs { get; set; } = [];
    /// <summary>Generated forms that are more often nouns in news copy ("state", "report").</summary>
    public List<string> NotVerbs { get; set; } = [];
    public List<string> Pronouns { get; set; } = [];
    public List<string> Anaphors { get; set; } = [];
    /// <summary>Descriptions pointing back to the last organisation named: "the group", "the council".</summary>
    public List<string> OrganisationAnaphors { get; set; } = [];
    /// <summary>Words opening a header line of a release or statement its named issuer speaks in: "News Release".</summary>
    public List<string> ReleaseMarkers { get; set; } = [];
    public List<string> WireAgencies { get; set; } = [];
    public string? Descriptors { get; set; }
    /// <summary>Titles printed before a name and not part of it: Colonel, Dr.</summary>
    public List<string> Titles { get; set; } = [];
    /// <summary>Nouns of a role ("spokesman", "official", "head"): a role is nobody's alias; it is resolved in the article.</summary>
    public List<string> Roles { get; set; } = [];
    /// <summary>Capitalised words that open sentences and are not names: But, However, Meanwhile.</summary>
    public List<string> NotNames { get; set; } = [];
    /// <summary>Capitalised names in the story that never speak: places, the group itself.</summary>
    public List<string> Places { get; set; } = [];
    /// <summary>Nouns a speaker's words come in: "a statement by X", "X's report".</summary>
    public List<string> ReportWords { get; set; } = [];
    /// <summary>Words between a speaker and the verb: "later", "also", "had".</summary>
    public List<string> Adverbs { get; set; } = [];
    /// <summary>Words opening a modifier between a speaker and the verb: "the coalition backing the assault said".</summary>
    public List<string> Modifiers { get; set; } = [];
}

public sealed class SpeakerDocument
{
    public string? Name { get; set; }
    public string? Kind { get; set; }
    public List<string> Aliases { get; set; } = [];
}

public sealed class NegationDocument
{
    public List<string> Cues { get; set; } = [];
    public List<string> Denials { get; set; } = [];
    public List<string> Conditions { get; set; } = [];
    public int Window { get; set; } = 30;
    public string? Uncertainty { get; set; }
    public string? Retraction { get; set; }
}

public sealed class StatusDocument
{
    public int ConfirmedMinSources { get; set; } = Domain.Claims.StatusRule.Default.ConfirmedMinSources;
    public decimal NumbersAgreeWithinPercent { get; set; } = Domain.Claims.StatusRule.Default.NumbersAgreeWithinPercent;
}

public sealed class TopicDocument
{
    public string? Id { get; set; }
    public string? Kind { get; set; }
    public string? Description { get; set; }
    public string? Cue { get; set; }
    public List<RuleDocument> Rules { get; set; } = [];
    public List<FrameDocument> Frames { get; set; } = [];
}

public sealed class RuleDocument
{
    public string? Id { get; set; }
    public string? Pattern { get; set; }
    public string? Value { get; set; }
    public bool Complement { get; set; }
    public string? Unless { get; set; }
    public string? Context { get; set; }
    public int ContextSentences { get; set; } = 2;
}
