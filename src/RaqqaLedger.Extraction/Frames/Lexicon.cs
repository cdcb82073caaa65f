using RaqqaLedger.Extraction.Text;

namespace RaqqaLedger.Extraction.Frames;

/// <summary>Which forms of a verb a word is.</summary>
[Flags]
public enum VerbFormKind
{
    None = 0,
    Base = 1,
    Present = 2,
    Past = 4,
    Participle = 8,
    Gerund = 16,
}

/// <summary>One verb of a class as it can stand at a word: "pulled" is the past and participle of "pull out", whose tail is "out".</summary>
/// <param name="Transitive">Whether the class lists it as transitive: the one the event is about is its object.</param>
/// <param name="Tail">The words after the head: the particle of a phrasal verb ("out"), the rest of "give safe passage".</param>
public sealed record VerbEntry(string Class, string Lemma, bool Transitive, VerbFormKind Kinds, string[] Tail)
{
    /// <summary>The lemma's first word: "pull" for "pull out".</summary>
    public string Head { get; } = Lemma.Split(' ')[0];
}

/// <summary>A noun of an event class: "departure", "safe passage" (Words[0] is the word it is looked up by).</summary>
public sealed record NounEntry(string Class, string[] Words);

/// <summary>What a word before a verb says about it, when it belongs to the verb group.</summary>
[Flags]
public enum ChainWord
{
    None = 0,
    /// <summary>has, were, did, could …</summary>
    Auxiliary = 1,
    /// <summary>not, never, no longer.</summary>
    Negation = 2,
    /// <summary>will, would, expected to.</summary>
    Planned = 4,
    /// <summary>may, might, could have.</summary>
    Doubt = 8,
    /// <summary>be, were, got: makes a participle after it passive.</summary>
    Be = 16,
    /// <summary>allowed to, permitted to, given permission to, or the permission verb of "allowed 275 fighters to leave": leave granted rather than what happened.</summary>
    Permission = 32,
    /// <summary>also, now, reportedly: words that leave a bare participle bare ("90% of city now liberated").</summary>
    Adverb = 64,
}

/// <summary>
/// The words frames are read with, looked up one word at a time: every form of every verb class, the
/// nouns of the classes, and the function words of a verb group. Built once per rule set.
/// </summary>
public sealed class Lexicon
{
    private readonly Dictionary<string, List<VerbEntry>> verbs = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<NounEntry>> nouns = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> permission = new(StringComparer.OrdinalIgnoreCase);
    private readonly WordTable<WordKinds> kinds;
    private readonly Dictionary<string, List<string>> particlesByHead = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Verb-group phrases by their last word, longest first: "to" → ["expected to", "allowed to", …].</summary>
    private readonly Dictionary<string, List<(string[] Words, ChainWord Kind)>> chain = new(StringComparer.OrdinalIgnoreCase);

    public Lexicon(LexiconWords words, IReadOnlyDictionary<string, (IReadOnlyList<string> Intransitive, IReadOnlyList<string> Transitive, IReadOnlyList<string> Nouns)> classes)
    {
        foreach (var (name, (intransitive, transitive, extraNouns)) in classes)
        {
            foreach (var (lemma, isTransitive) in intransitive.Select(l => (l, false)).Concat(transitive.Select(l => (l, true))))
            {
                var forms = Morphology.Inflect(lemma);
                var tail = forms.Base.Split(' ').Skip(1).ToArray();
                if (tail.Length > 0)
                    AddParticle(forms.Base.Split(' ')[0], tail[0]);
                void AddForms(IEnumerable<string> list, VerbFormKind kind)
                {
                    foreach (var form in list)
                        AddVerb(form.Split(' ')[0], name, forms.Base, isTransitive, kind, tail);
                }
                AddForms([forms.Base], VerbFormKind.Base);
                AddForms(forms.Present, VerbFormKind.Present);
                AddForms(forms.Past, VerbFormKind.Past);
                AddForms(forms.Participle, VerbFormKind.Participle);
                AddForms(forms.Gerund, VerbFormKind.Gerund);
                foreach (var noun in forms.Nouns)
                    AddNoun(name, noun);
            }
            foreach (var noun in extraNouns)
                AddNoun(name, noun);
        }
        foreach (var verb in words.Permission)
        {
            foreach (var form in Morphology.Inflect(verb).All)
                permission.Add(form);
        }
        AddChain(words.Auxiliaries, ChainWord.Auxiliary);
        AddChain(words.Adverbs, ChainWord.Adverb);
        AddChain(words.Negators, ChainWord.Negation);
        AddChain(words.Planned, ChainWord.Planned);
        AddChain(words.Doubt, ChainWord.Doubt);
        // A raising phrase holding a word of leave granted: "were allowed to leave", "given safe passage to".
        var grantWords = words.GrantWords.ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var raising in words.Raising)
        {
            var grants = raising.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(grantWords.Contains);
            AddChain([raising + " to"], ChainWord.Auxiliary | (grants ? ChainWord.Permission : ChainWord.None));
        }
        AddChain(["be", "been", "being", "was", "were", "is", "are", "get", "got", "gets", "getting", "gotten"], ChainWord.Be | ChainWord.Auxiliary);
        foreach (var list in chain.Values)
            list.Sort((a, b) => b.Words.Length.CompareTo(a.Words.Length));
        var kindsByWord = new Dictionary<string, WordKinds>(StringComparer.OrdinalIgnoreCase);
        foreach (var (word, kind) in verbs.Keys.Select(w => (w, WordKinds.Verb)).Concat(nouns.Keys.Select(w => (w, WordKinds.Noun)))
            .Concat(permission.Select(w => (w, WordKinds.Permission))))
            kindsByWord[word] = kindsByWord.GetValueOrDefault(word) | kind;
        kinds = new WordTable<WordKinds>(kindsByWord, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>What a word can be to the frames, found with one lookup: most words are none of these.</summary>
    public WordKinds KindsOf(ReadOnlySpan<char> word) => kinds.TryGetValue(word, out var found) ? found : WordKinds.None;

    private void AddParticle(string head, string particle)
    {
        if (!particlesByHead.TryGetValue(head, out var list))
            particlesByHead[head] = list = [];
        if (!list.Contains(particle, StringComparer.OrdinalIgnoreCase))
            list.Add(particle);
    }

    private void AddVerb(string head, string name, string lemma, bool transitive, VerbFormKind kind, string[] tail)
    {
        if (!verbs.TryGetValue(head, out var list))
            verbs[head] = list = [];
        var i = list.FindIndex(e => e.Class == name && e.Lemma == lemma && e.Transitive == transitive);
        if (i >= 0)
            list[i] = list[i] with { Kinds = list[i].Kinds | kind };
        else
            list.Add(new VerbEntry(name, lemma, transitive, kind, tail));
    }

    private void AddNoun(string name, string noun)
    {
        var words = noun.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (!nouns.TryGetValue(words[0], out var list))
            nouns[words[0]] = list = [];
        if (!list.Any(n => n.Class == name && n.Words.SequenceEqual(words, StringComparer.OrdinalIgnoreCase)))
            list.Add(new NounEntry(name, words));
    }

    private void AddChain(IEnumerable<string> phrases, ChainWord kind)
    {
        foreach (var phrase in phrases)
        {
            var words = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0)
                continue;
            if (!chain.TryGetValue(words[^1], out var list))
                chain[words[^1]] = list = [];
            var at = list.FindIndex(p => p.Words.SequenceEqual(words, StringComparer.OrdinalIgnoreCase));
            if (at >= 0)
                list[at] = (words, list[at].Kind | kind);
            else
                list.Add((words, kind));
        }
    }

    public Dictionary<string, List<VerbEntry>>.AlternateLookup<ReadOnlySpan<char>> Verbs => verbs.GetAlternateLookup<ReadOnlySpan<char>>();

    public Dictionary<string, List<NounEntry>>.AlternateLookup<ReadOnlySpan<char>> Nouns => nouns.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The first words after <paramref name="head"/> that make a phrasal verb of some class: "leave" → "behind", "out".</summary>
    public IReadOnlyList<string> ParticlesOf(ReadOnlySpan<char> head) =>
        particlesByHead.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(head, out var list) ? list : [];

    /// <summary>The verb-group phrases ending in <paramref name="word"/>, longest first.</summary>
    public IReadOnlyList<(string[] Words, ChainWord Kind)> ChainEndingIn(ReadOnlySpan<char> word) =>
        chain.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(word, out var list) ? list : [];
}

[Flags]
public enum WordKinds : byte
{
    None = 0,
    /// <summary>The first word of some verb of a class.</summary>
    Verb = 1,
    /// <summary>The first word of some event noun.</summary>
    Noun = 2,
    /// <summary>A form of a permission verb ("allowed").</summary>
    Permission = 4,
}

/// <summary>The function words of verb groups, as a rule set lists them.</summary>
public sealed record LexiconWords(
    IReadOnlyList<string> Auxiliaries, IReadOnlyList<string> Adverbs, IReadOnlyList<string> Raising, IReadOnlyList<string> Planned,
    IReadOnlyList<string> Doubt, IReadOnlyList<string> Negators, IReadOnlyList<string> Permission)
{
    /// <summary>The words of leave granted: every form of the permission verbs, and "permission" and "passage" ("given safe passage").</summary>
    public IEnumerable<string> GrantWords => Permission.SelectMany(v => Morphology.Inflect(v).All).Concat(["permission", "passage"]);
}
