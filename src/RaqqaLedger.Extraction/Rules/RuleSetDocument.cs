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
    public List<TopicDocument> Topics { get; set; } = [];
}

public sealed class HedgesDocument
{
    public List<string> Approx { get; set; } = [];
    public List<string> Min { get; set; } = [];
    public List<string> Max { get; set; } = [];
}

public sealed class AttributionDocument
{
    public List<string> Verbs { get; set; } = [];
    public List<string> Pronouns { get; set; } = [];
    public List<string> Anaphors { get; set; } = [];
    public List<string> WireAgencies { get; set; } = [];
    public string? Descriptors { get; set; }
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
    public int Window { get; set; } = 30;
    public string? Uncertainty { get; set; }
}

public sealed class StatusDocument
{
    public int ConfirmedMinSources { get; set; } = 2;
    public decimal NumbersAgreeWithinPercent { get; set; } = 10;
}

public sealed class TopicDocument
{
    public string? Id { get; set; }
    public string? Kind { get; set; }
    public string? Description { get; set; }
    public string? Cue { get; set; }
    public List<RuleDocument> Rules { get; set; } = [];
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
