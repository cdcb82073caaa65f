using System.Text.RegularExpressions;
using RaqqaLedger.Extraction.Rules;
using RaqqaLedger.Extraction.Text;

namespace RaqqaLedger.Extraction.Frames;

/// <summary>Builds a regex from a rule-set pattern (macros expanded), naming the place in the file if it does not compile.</summary>
public delegate Regex PatternBuilder(string pattern, string where, RegexOptions extra);

/// <summary>
/// Turns predicate frames into the forms English gives them. A frame names verb classes (lemmas) and its
/// arguments; this writes out "275 fighters (and their families) have left", "were allowed to leave",
/// "were bussed out", "the SDF bussed out 275 fighters", "allowed 275 fighters to leave", "the departure
/// of 275 fighters", the headline's "275 fighters bussed out", and with an agent "local officials brokered
/// the deal", "the deal was brokered by / negotiated between local officials and …", "a US-brokered deal".
/// The verbs themselves are looked up word by word (<see cref="Lexicon"/>, <see cref="FrameMatcher"/>);
/// only the arguments and gaps are patterns.
/// </summary>
public sealed partial class FrameCompiler
{
    public static readonly IReadOnlyList<string> AllForms = [.. Enum.GetValues<FormKind>().Select(k => k.ToString().ToLowerInvariant())];

    /// <summary>
    /// Between a verb and its object's head: a particle, "out of the city", "to", another object and "and",
    /// a determiner and up to three modifiers ("captured the IS stronghold of Mayadeen", "brokered this
    /// local deal"). A theme is written as its head, so only the verb's side needs these.
    /// </summary>
    private const string ObjectGap = @"(?:\s+(?:out|away|off|up))?(?:\s+(?:out\s+of|from)\s+[^,;.]{1,40}?)??\s+(?:(?:to|for)\s+)?(?:[^,;.:]{1,60}?\s+(?:and|as\s+well\s+as|plus)\s+)??(?:(?:the|a|an|this|that|its|their|his|her|any|all|some)\s+)?(?:[\w’'-]+\s+){0,3}?";

    private readonly Dictionary<string, (List<string> Intransitive, List<string> Transitive, List<string> Nouns)> classes = new(StringComparer.Ordinal);
    private readonly string gaps;
    private readonly string grantWords;

    /// <summary>Frames with the same theme share its pattern, so a sentence is searched for it once.</summary>
    private readonly Dictionary<string, ThemePattern> themes = new(StringComparer.Ordinal);

    /// <summary>Frames naming the same verb classes share one set, numbered, so a sentence lists their verbs once.</summary>
    private readonly Dictionary<string, (IReadOnlySet<string> Classes, int Id)> classSets = new(StringComparer.Ordinal);

    /// <exception cref="InvalidRuleSetException">A verb class, the lexicon or the gaps are not usable.</exception>
    public FrameCompiler(LexiconDocument? lexicon, IReadOnlyDictionary<string, VerbClassDocument> verbs, GapsDocument? gapsDocument, string source)
    {
        lexicon ??= new LexiconDocument();
        foreach (var (name, document) in verbs)
        {
            if (!ClassName().IsMatch(name))
                throw new InvalidRuleSetException($"{source}: verb class '{name}' must be lower-case letters and underscores");
            if (document.Intransitive.Count + document.Transitive.Count == 0)
                throw new InvalidRuleSetException($"{source}: verb class '{name}' has no verbs");
            foreach (var lemma in document.Intransitive.Concat(document.Transitive).Concat(document.Nouns))
            {
                if (!Lemma().IsMatch(lemma))
                    throw new InvalidRuleSetException($"{source}: verb class '{name}': '{lemma}' must be plain words");
            }
            classes[name] = ([.. document.Intransitive.Select(Trimmed)], [.. document.Transitive.Select(Trimmed)], [.. document.Nouns.Select(Trimmed)]);
        }

        gapsDocument ??= new GapsDocument();
        if (gapsDocument.Max is < 0 or > 5)
            throw new InvalidRuleSetException($"{source}: gaps.max must be 0 to 5");
        foreach (var (kind, i) in gapsDocument.Kinds.Select((k, i) => (k, i)))
        {
            try
            {
                _ = new Regex(kind);
            }
            catch (ArgumentException e)
            {
                throw new InvalidRuleSetException($"{source}: gaps.kinds #{i + 1} does not compile: {e.Message.ReplaceLineEndings(" ")}");
            }
        }
        gaps = gapsDocument.Kinds.Count == 0 || gapsDocument.Max == 0 ? "" : $"(?:{string.Join('|', gapsDocument.Kinds.Select(k => $"(?:{k})"))}){{0,{gapsDocument.Max}}}";

        var words = new LexiconWords(lexicon.Auxiliaries, lexicon.Adverbs, lexicon.Raising, lexicon.Planned, lexicon.Doubt,
            lexicon.Negators.Count > 0 ? lexicon.Negators : ["not", "never"], lexicon.Permission);
        grantWords = $@"\b(?:{Words(words.GrantWords)})\b";
        Lexicon = new Lexicon(words,
            classes.ToDictionary(c => c.Key, c => ((IReadOnlyList<string>)c.Value.Intransitive, (IReadOnlyList<string>)c.Value.Transitive, (IReadOnlyList<string>)c.Value.Nouns)));
    }

    private static string Trimmed(string lemma) => string.Join(' ', lemma.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    public Lexicon Lexicon { get; }

    /// <summary>The matcher for this rule set's frames.</summary>
    public FrameMatcher Matcher(TimeSpan timeout) => new(Lexicon, gaps.Length > 0 ? gaps : "(?:)", ObjectGap, timeout);

    /// <summary>
    /// Macros every pattern of the rule set may use: {GAP}, and per verb class {VERB_CLASS} (any form of its
    /// verbs), {PP_CLASS} (its participles) and {NOUN_CLASS} (its nouns).
    /// </summary>
    public IReadOnlyDictionary<string, string> Macros()
    {
        var macros = new Dictionary<string, string>(StringComparer.Ordinal) { ["GAP"] = gaps.Length > 0 ? gaps : "(?:)" };
        foreach (var (name, (intransitive, transitive, nouns)) in classes)
        {
            var forms = intransitive.Concat(transitive).Select(Morphology.Inflect).ToList();
            var upper = name.ToUpperInvariant();
            macros["VERB_" + upper] = $@"(?:{Words(forms.SelectMany(v => v.All))})\b";
            macros["PP_" + upper] = $@"(?:{Words(forms.SelectMany(v => v.Participle))})\b";
            macros["NOUN_" + upper] = $@"(?:{Words(forms.SelectMany(v => v.Nouns).Concat(nouns))})\b";
        }
        return macros;
    }

    /// <summary>Every form the frame stands for, in the order they are tried.</summary>
    /// <exception cref="InvalidRuleSetException">The frame is not usable; the message says why.</exception>
    /// <param name="where">Where the frame stands in the file ("topic x frame 'y'"), for messages.</param>
    public IReadOnlyList<FrameForm> Compile(FrameDocument frame, string source, string where, PatternBuilder build)
    {
        var place = $"{source}: {where}";
        if (frame.Verbs.Count == 0)
            throw new InvalidRuleSetException($"{place}: a frame needs verbs: (verb class names)");
        if (string.IsNullOrWhiteSpace(frame.Theme))
            throw new InvalidRuleSetException($"{place}: a frame needs a theme");
        var unknownForm = frame.Forms.FirstOrDefault(f => !AllForms.Contains(f));
        if (unknownForm is not null)
            throw new InvalidRuleSetException($"{place}: form '{unknownForm}' must be one of {string.Join(", ", AllForms)}");
        var unknownClass = frame.Verbs.FirstOrDefault(v => !classes.ContainsKey(v));
        if (unknownClass is not null)
            throw new InvalidRuleSetException($"{place}: unknown verb class '{unknownClass}'");

        var classKey = string.Join(' ', frame.Verbs.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        if (!classSets.TryGetValue(classKey, out var classSet))
            classSets[classKey] = classSet = (frame.Verbs.ToHashSet(StringComparer.Ordinal), classSets.Count);
        var intransitive = frame.Verbs.SelectMany(v => classes[v].Intransitive).ToList();
        var transitive = frame.Verbs.SelectMany(v => classes[v].Transitive).ToList();
        var hasNouns = frame.Verbs.Any(v => classes[v].Nouns.Count > 0 || classes[v].Intransitive.Concat(classes[v].Transitive).Any(l => Morphology.Inflect(l).Nouns.Count > 0));

        if (!themes.TryGetValue(frame.Theme, out var theme))
            themes[frame.Theme] = theme = Theme(frame.Theme, themes.Count, source, where, build);
        var agent = frame.Agent;
        var after = frame.After is null ? null : build(@"\G(?:" + frame.After + ")", where + " after", RegexOptions.None);
        var by = frame.Agent is null ? null
            : build($@"\G{gaps}(?:\s+and\s+[a-z]+ed)?\s+[""“]?(?:by|between|among)\s+(?:[^,.;:]{{0,60}}?\s+and\s+)?(?:the\s+)?(?:{frame.Agent})", where + " agent", RegexOptions.None);

        var grant = frame.Permission ? build(grantWords, where + " permission", RegexOptions.None) : null;
        var forms = new List<FrameForm>();
        void Add(FormKind kind, Regex? formAgent = null, Regex? formBy = null, Regex? particle = null, string? particleWord = null)
        {
            if (frame.Forms.Count == 0 || frame.Forms.Contains(kind.ToString().ToLowerInvariant()))
                forms.Add(new FrameForm(kind, classSet.Classes, classSet.Id, theme, formAgent, formBy, after, particle, grant, particleWord));
        }
        if (intransitive.Count > 0)
        {
            Add(FormKind.Active);
            if (agent is null)
                Add(FormKind.Permitted);
        }
        if (transitive.Count > 0)
        {
            if (agent is null)
            {
                Add(FormKind.Object);
                // "took 250 fighters … out of the city": a phrasal verb's particle after its object.
                foreach (var particle in transitive.Where(l => l.Contains(' ')).Select(l => l[(l.IndexOf(' ') + 1)..]).Distinct(StringComparer.Ordinal))
                    Add(FormKind.Object, particle: build($@"\G[^.;:]{{0,60}}?\b{Regex.Escape(particle).Replace(@"\ ", @"\s+")}\b", where + " particle", RegexOptions.None),
                        particleWord: particle.Split(' ')[0]);
            }
            else
            {
                Add(FormKind.Agentive, formAgent: build($@"(?:{frame.Agent}){gaps},?\s+(?:(?:who|that|which)\s+)?\G", where + " agent", RegexOptions.RightToLeft));
            }
            Add(FormKind.Passive, formBy: by);
            Add(FormKind.Bare, formBy: by);
            if (agent is not null)
                Add(FormKind.Compound, formAgent: build($@"\b(?:{frame.Agent})[-\s]+\G", where + " agent", RegexOptions.RightToLeft));
        }
        if (hasNouns)
        {
            Add(FormKind.Noun, formAgent: frame.Agent is null ? null
                : build($@"\G\s+(?:of\s+(?:the\s+)?(?:{frame.Theme})\s+)?(?:by|of|between|among)\s+(?:[^,.;:]{{0,60}}?\s+and\s+)?(?:the\s+)?(?:{frame.Agent})", where + " agent", RegexOptions.None));
        }
        if (forms.Count == 0)
            throw new InvalidRuleSetException($"{place}: none of the frame's forms applies to its verb classes");
        return forms;
    }

    /// <summary>
    /// A theme holding one quantity is split there, to be matched around the quantities found; any other
    /// theme is scanned for.
    /// </summary>
    private static ThemePattern Theme(string theme, int id, string source, string where, PatternBuilder build)
    {
        const string marker = "(?<q>{Q})";
        var at = theme.IndexOf(marker, StringComparison.Ordinal);
        if (at < 0)
            return new ThemePattern(build(theme, where + " theme", RegexOptions.None), null, null, id);
        var before = theme[..at];
        var after = theme[(at + marker.Length)..];
        if (theme.IndexOf(marker, at + 1, StringComparison.Ordinal) >= 0 || !RuleSetCompiler.IsWholeSequence(before) || !RuleSetCompiler.IsWholeSequence(after))
            throw new InvalidRuleSetException($"{source}: {where}: a theme holds at most one (?<q>{{Q}}), outside any group or alternation");
        return new ThemePattern(null,
            before.Trim().Length == 0 ? null : build("(?:" + before + @")\G", where + " theme", RegexOptions.RightToLeft),
            build(@"\G(?:" + after + ")", where + " theme", RegexOptions.None), id);
    }

    /// <summary>
    /// An alternation of words and phrases, longest first, spaces matching any white space, written as a tree
    /// of shared beginnings (see <see cref="AliasAlternation"/>): a verb class's hundreds of forms as one flat
    /// list made every pattern using its macro markedly slower.
    /// </summary>
    private static string Words(IEnumerable<string> words) => AliasAlternation.Build(words, rightToLeft: false, isCaseSensitive: _ => false);

    [GeneratedRegex(@"^[a-z][a-z_]*$")]
    private static partial Regex ClassName();

    [GeneratedRegex(@"^[a-zA-Z][a-zA-Z' -]*$")]
    private static partial Regex Lemma();
}
