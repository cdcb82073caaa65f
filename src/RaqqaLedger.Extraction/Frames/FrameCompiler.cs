using System.Text.RegularExpressions;
using RaqqaLedger.Extraction.Rules;

namespace RaqqaLedger.Extraction.Frames;

/// <summary>One way a frame can be written, as a pattern still holding the rule set's {MACROS}.</summary>
/// <param name="Form">active, agentive, object, permitted, passive, bare, noun, compound.</param>
/// <param name="Keys">Words one of which a sentence must hold for the pattern to match there (its verb's or noun's
/// forms, lower case): a cheap test that spares running the pattern on most sentences.</param>
/// <param name="BeforeVerb">The part of <paramref name="Pattern"/> before its verb or noun (may be only "\b").</param>
/// <param name="FromVerb">The part of <paramref name="Pattern"/> from its verb or noun on.</param>
public sealed record FramePattern(string Form, string Pattern, IReadOnlyList<string> Keys, string BeforeVerb, string FromVerb);

/// <summary>
/// Turns predicate frames into patterns. A frame names a verb class and its arguments; this writes out
/// every form English gives it: "275 fighters (and their families) have left", "were allowed to leave",
/// "were bussed out", "the SDF bussed out 275 fighters", "allowed 275 fighters to leave", "the departure of
/// 275 fighters", the headline's "275 fighters bussed out", and with an agent "local officials brokered the
/// deal", "the deal was brokered by / negotiated between local officials and …", "a US-brokered deal".
/// Verb groups carry named groups the extractor reads: neg (not, never, -n't), planned (will, would,
/// expected to) and doubt (may, might).
/// </summary>
public sealed partial class FrameCompiler
{
    public static readonly IReadOnlyList<string> AllForms = ["active", "agentive", "object", "permitted", "passive", "bare", "noun", "compound"];

    private readonly Dictionary<string, (List<VerbForms> Intransitive, List<VerbForms> Transitive, List<string> Nouns)> classes = new(StringComparer.Ordinal);
    private readonly string auxItem;
    private readonly string advItem;
    private readonly string negItem;
    private readonly string permission;
    private readonly List<string> permissionForms;
    private readonly string gaps;

    /// <summary>Phrasal verbs by their head: "leave" → "behind" (leave behind), so "left behind" is not "left".</summary>
    private readonly Dictionary<string, HashSet<string>> particlesByHead = new(StringComparer.Ordinal);

    /// <exception cref="InvalidRuleSetException">A verb class or the lexicon is not usable.</exception>
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
            classes[name] = ([.. document.Intransitive.Select(Morphology.Inflect)], [.. document.Transitive.Select(Morphology.Inflect)], document.Nouns);
            foreach (var lemma in document.Intransitive.Concat(document.Transitive).Where(l => l.Trim().Contains(' ')))
            {
                var words = lemma.Trim().ToLowerInvariant().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
                if (!particlesByHead.TryGetValue(words[0], out var particles))
                    particlesByHead[words[0]] = particles = new HashSet<string>(StringComparer.Ordinal);
                particles.Add(words[1]);
            }
        }

        var negators = lexicon.Negators.Count > 0 ? lexicon.Negators : ["not", "never"];
        negItem = $"(?<neg>{Words(negators)})";
        advItem = $@"(?:{Words(lexicon.Adverbs)}|[a-z]{{2,}}ly\b)";
        var raising = lexicon.Raising.Count > 0 ? $@"|(?:{Words(lexicon.Raising)})\s+to" : "";
        var planned = lexicon.Planned.Count > 0 ? $@"|(?<planned>{Words(lexicon.Planned)})(?<neg>n[’']t)?" : "";
        var doubt = lexicon.Doubt.Count > 0 ? $"|(?<doubt>{Words(lexicon.Doubt)})(?<neg>n[’']t)?" : "";
        var auxiliaries = lexicon.Auxiliaries.Count > 0 ? $@"(?:{Words(lexicon.Auxiliaries)})(?<neg>n[’']t)?|" : "";
        auxItem = $"(?:{auxiliaries}{negItem}{planned}{doubt}|{advItem}{raising})";
        permissionForms = [.. lexicon.Permission.Select(Morphology.Inflect).SelectMany(v => v.All)];
        permission = permissionForms.Count > 0 ? Forms(permissionForms) : "(?!)";

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
    }

    /// <summary>
    /// Macros every pattern of the rule set may use: {GAP}, and per verb class {VERB_CLASS} (any form of its
    /// verbs), {PP_CLASS} (its participles) and {NOUN_CLASS} (its nouns).
    /// </summary>
    public IReadOnlyDictionary<string, string> Macros()
    {
        var macros = new Dictionary<string, string>(StringComparer.Ordinal) { ["GAP"] = gaps.Length > 0 ? gaps : "(?:)" };
        foreach (var (name, (intransitive, transitive, _)) in classes)
        {
            var upper = name.ToUpperInvariant();
            macros["VERB_" + upper] = Forms(intransitive.Concat(transitive).SelectMany(v => v.All));
            macros["PP_" + upper] = Forms(transitive.Concat(intransitive).SelectMany(v => v.Participle));
            macros["NOUN_" + upper] = NounsOf(name) is { Length: > 0 } nouns ? nouns : "(?!)";
        }
        return macros;
    }

    /// <summary>Every pattern the frame stands for, in the order they are tried.</summary>
    /// <exception cref="InvalidRuleSetException">The frame is not usable; the message says why.</exception>
    public IReadOnlyList<FramePattern> Compile(FrameDocument frame, string where)
    {
        if (frame.Verbs.Count == 0)
            throw new InvalidRuleSetException($"{where}: a frame needs verbs: (verb class names)");
        if (string.IsNullOrWhiteSpace(frame.Theme))
            throw new InvalidRuleSetException($"{where}: a frame needs a theme");
        var unknownForm = frame.Forms.FirstOrDefault(f => !AllForms.Contains(f));
        if (unknownForm is not null)
            throw new InvalidRuleSetException($"{where}: form '{unknownForm}' must be one of {string.Join(", ", AllForms)}");

        var intransitive = new List<VerbForms>();
        var transitive = new List<VerbForms>();
        var nouns = new List<string>();
        foreach (var name in frame.Verbs)
        {
            if (!classes.TryGetValue(name, out var verbClass))
                throw new InvalidRuleSetException($"{where}: unknown verb class '{name}'");
            intransitive.AddRange(verbClass.Intransitive);
            transitive.AddRange(verbClass.Transitive);
            nouns.Add(NounsOf(name));
        }
        // Not wrapped in a group: a count's theme holds its quantity as one plain part of the sequence,
        // so the pattern can be split there and run only around quantities (see RuleSetCompiler).
        var theme = frame.Theme;
        var agent = frame.Agent is null ? null : $"(?:{frame.Agent})";
        var after = frame.After is null ? "" : $"(?:{frame.After})";
        var by = agent is null ? "" : $@"\s+(?:by|between|among)\s+(?:[^,.;:]{{0,60}}?\s+and\s+)?(?:the\s+)?{agent}";
        var nounAlternatives = string.Join('|', nouns.Where(n => n.Length > 0));

        var patterns = new List<FramePattern>();
        // Each form is written in two halves, split where its verb (or noun) starts: the extractor runs the
        // first half right to left from each place a key word stands, then the second from there.
        void Add(string form, string beforeVerb, string fromVerb, IEnumerable<string> keys)
        {
            if (frame.Forms.Count == 0 || frame.Forms.Contains(form))
                patterns.Add(new FramePattern(form, beforeVerb + fromVerb, KeysOf(keys), beforeVerb, fromVerb));
        }
        // "(who) had not yet been allowed to": the run of auxiliaries is atomic, it takes every auxiliary-like
        // word it can and gives none back, so a verb group is read in one pass (no auxiliary is a class verb).
        var chain = $@"(?:(?:who|that|which)\s+)?(?>(?:{auxItem}\s+){{0,6}})";
        if (intransitive.Count > 0)
        {
            Add("active", $@"{theme}{gaps},?\s+{chain}", $"{VerbOnly(intransitive)}{after}", intransitive.SelectMany(v => v.All));
            if (agent is null)
                Add("permitted", @"\b", $@"{permission}\b{ObjectGap}{theme}(?:\s+to)?\s+{Forms(intransitive.Select(v => v.Base))}\b{after}", permissionForms);
        }
        if (transitive.Count > 0)
        {
            if (agent is null)
            {
                Add("object", @"\b", $"{VerbOnly(transitive)}{ObjectGap}{theme}{after}", transitive.SelectMany(v => v.All));
                // "took 250 fighters … out of the city": a phrasal verb's particle after its object.
                foreach (var (particle, heads) in SplitPhrasal(transitive))
                    Add("object", @"\b", $@"{VerbOnly(heads)}{ObjectGap}{theme}[^.;:]{{0,60}}?\b{Escaped(particle)}\b{after}", heads.SelectMany(v => v.All));
            }
            else
            {
                Add("agentive", $@"{agent}{gaps},?\s+{chain}", $"{VerbOnly(transitive)}{ObjectGap}{theme}{after}", transitive.SelectMany(v => v.All));
            }
            var participles = transitive.SelectMany(v => v.Participle).ToList();
            // A passive needs a form of "be" or "get" among its auxiliaries: "were bussed out", "got evacuated".
            Add("passive", $@"{theme}{gaps},?\s+{chain}(?:(?:get|got|gets|getting|gotten)\s+)?",
                $@"(?<=\b(?:be|been|being|was|were|is|are|get|got|gets|getting|gotten)(?:n[’']t)?\s+(?:\S+\s+){{0,3}}){Participles(transitive)}{by}{after}", participles);
            Add("bare", $@"{theme}{gaps},?\s+", $"{Participles(transitive)}{by}{after}", participles);
            if (agent is not null)
                Add("compound", $@"\b{agent}[-\s]+", $@"{Forms(participles)}\s+(?:[\w-]+\s+)??{theme}", participles);
        }
        if (nounAlternatives.Length > 0)
        {
            Add("noun", @"\b", agent is null
                ? $@"(?:{nounAlternatives})\s+(?:of|for)\s+(?:the\s+)?{theme}{after}"
                : $@"(?:{nounAlternatives})\s+(?:of\s+(?:the\s+)?{theme}\s+)?(?:by|of|between|among)\s+(?:[^,.;:]{{0,60}}?\s+and\s+)?(?:the\s+)?{agent}",
                frame.Verbs.SelectMany(NounList));
        }
        if (patterns.Count == 0)
            throw new InvalidRuleSetException($"{where}: none of the frame's forms applies to its verb classes");
        return patterns;
    }

    /// <summary>The phrasal verbs among <paramref name="verbs"/>, grouped by particle, each with its head verb's forms.</summary>
    private static IEnumerable<(string Particle, List<VerbForms> Heads)> SplitPhrasal(IEnumerable<VerbForms> verbs) =>
        verbs.Where(v => v.Base.Contains(' '))
            .GroupBy(v => v.Base[(v.Base.IndexOf(' ') + 1)..], StringComparer.Ordinal)
            .Select(g => (g.Key, g.Select(v => Morphology.Inflect(v.Base[..v.Base.IndexOf(' ')])).ToList()));

    private static string Escaped(string phrase) => Regex.Escape(phrase).Replace(@"\ ", @"\s+");

    /// <summary>
    /// Between a verb and its object's head: a particle, "out of the city", "to", another object and "and",
    /// a determiner and up to three modifiers ("captured the IS stronghold of Mayadeen", "brokered this
    /// local deal"). A theme is written as its head, so only the verb's side needs these.
    /// </summary>
    private const string ObjectGap = @"(?:\s+(?:out|away|off|up))?(?:\s+(?:out\s+of|from)\s+[^,;.]{1,40}?)??\s+(?:(?:to|for)\s+)?(?:[^,;.:]{1,60}?\s+(?:and|as\s+well\s+as|plus)\s+)??(?:(?:the|a|an|this|that|its|their|his|her|any|all|some)\s+)?(?:[\w’'-]+\s+){0,3}?";

    /// <summary>A verb form: "bussed out", "allowed", not followed by the particle of another verb ("left behind").</summary>
    private string VerbOnly(IEnumerable<VerbForms> verbs)
    {
        var list = verbs.ToList();
        return $@"{Forms(list.SelectMany(v => v.All))}\b{NotAnotherVerb(list)}";
    }

    private string Participles(IEnumerable<VerbForms> verbs)
    {
        var list = verbs.ToList();
        return $@"{Forms(list.SelectMany(v => v.Participle))}\b{NotAnotherVerb(list)}";
    }

    /// <summary>
    /// A verb followed by the particle of a phrasal verb of another meaning is that other verb: "left
    /// behind" is not "left". Blocks the particles of every phrasal verb whose head is among these verbs
    /// and that is not itself one of them.
    /// </summary>
    private string NotAnotherVerb(List<VerbForms> verbs)
    {
        var own = verbs.Select(v => v.Base).ToHashSet(StringComparer.Ordinal);
        var blocked = verbs.Select(v => v.Base.Split(' ')[0]).Distinct(StringComparer.Ordinal)
            .SelectMany(head => particlesByHead.TryGetValue(head, out var particles) ? particles.Where(p => !own.Contains($"{head} {p}")) : [])
            .ToList();
        return blocked.Count == 0 ? "" : $@"(?!\s+{Forms(blocked)}\b)";
    }

    private string NounsOf(string name) => NounList(name) is { Count: > 0 } nouns ? Words(nouns) : "";

    private List<string> NounList(string name)
    {
        var (intransitive, transitive, extra) = classes[name];
        return [.. intransitive.Concat(transitive).SelectMany(v => v.Nouns).Concat(extra).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The first word of each form, lower case: what a sentence must hold for the form to be there.</summary>
    private static List<string> KeysOf(IEnumerable<string> forms) =>
        [.. forms.Select(f => f.Split(' ', '-')[0].ToLowerInvariant()).Where(k => k.Length > 0).Distinct(StringComparer.Ordinal)];

    /// <summary>An alternation of words and phrases, longest first, spaces matching any white space.</summary>
    private static string Forms(IEnumerable<string> forms) => $"(?:{Words(forms)})";

    private static string Words(IEnumerable<string> words)
    {
        var alternatives = words.Distinct(StringComparer.OrdinalIgnoreCase).OrderByDescending(w => w.Length).ThenBy(w => w, StringComparer.Ordinal)
            .Select(w => Regex.Escape(w).Replace(@"\ ", @"\s+").Replace("'", "['’]")).ToList();
        return alternatives.Count == 0 ? "(?!)" : string.Join('|', alternatives);
    }

    [GeneratedRegex(@"^[a-z][a-z_]*$")]
    private static partial Regex ClassName();

    [GeneratedRegex(@"^[a-zA-Z][a-zA-Z' -]*$")]
    private static partial Regex Lemma();
}
