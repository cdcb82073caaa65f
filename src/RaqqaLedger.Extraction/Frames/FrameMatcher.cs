using System.Text.RegularExpressions;
using RaqqaLedger.Extraction.Rules;

namespace RaqqaLedger.Extraction.Frames;

/// <summary>Where a frame matched, the quantity its theme holds, and what its verb group said.</summary>
public readonly record struct FrameHit(int Index, int Length, int QuantityIndex, string? Quantity, ChainWord Verb);

/// <summary>
/// Finds a frame's forms in a sentence. The sentence is read word by word once: where the verbs and nouns
/// of every class stand, found by dictionary. A form is then a few small checks around each such word:
/// the verb group before it read backwards (auxiliaries, negation, plans, doubt), the theme or agent
/// found by its own pattern, and what stands between them matched whole by a small pattern (the gaps).
/// No pattern holds a list of verb forms, so a rule set compiles fast and a sentence is read in one pass.
/// </summary>
public sealed class FrameMatcher
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled;

    /// <summary>The longest stretch read between an argument and its verb: two gaps of a hundred characters, and some.</summary>
    private const int MaxReach = 260;

    /// <summary>At most this many words in a verb group before its verb.</summary>
    private const int MaxChain = 6;

    private readonly Lexicon lexicon;
    private readonly WholeSpanPattern subjectGap;
    private readonly WholeSpanPattern objectGap;
    private readonly WholeSpanPattern nounGap;
    private readonly WholeSpanPattern compoundToTheme;
    private readonly WholeSpanPattern permittedTail;

    /// <param name="gaps">The rule set's gaps: what may stand between an argument and its verb.</param>
    /// <param name="objectGapPattern">What may stand between a verb and its object's head.</param>
    public FrameMatcher(Lexicon lexicon, string gaps, string objectGapPattern, TimeSpan timeout)
    {
        this.lexicon = lexicon;
        // "the negotiations, which he said had been led by …": a relative pronoun, and a speaker's aside after it.
        subjectGap = new(new Regex($@"^{gaps},?\s+(?:(?:who|that|which)\s+(?:(?:he|she|it|they|officials|the\s+\w+)\s+(?:said|says|added|insisted|argued)\s+)?)?$", Options, timeout));
        objectGap = new(new Regex($"^{objectGapPattern}$", Options, timeout));
        nounGap = new(new Regex(@"^\s+(?:of|for)\s+(?:the\s+)?$", Options, timeout));
        compoundToTheme = new(new Regex(@"^\s+(?:[\w-]+\s+)?$", Options, timeout));
        // "allowed 275 fighters and their families to leave", "allowed hundreds, among them foreigners, to leave".
        permittedTail = new(new Regex($@"^{gaps},?(?:\s+to)?\s+$", Options, timeout));
    }

    public Lexicon Lexicon => lexicon;

    /// <summary>Reads a sentence's words, verbs and nouns; its themes and agents are found when a form first asks.</summary>
    public FrameSentence Read(string text, IReadOnlyList<(int Start, int End)> quantities) => new(this, text, quantities);

    /// <summary>Every place the form matches in the sentence, left to right by start.</summary>
    public void Find(FrameForm form, FrameSentence s, List<FrameHit> into)
    {
        into.Clear();
        switch (form.Kind)
        {
            case FormKind.Active:
            case FormKind.Passive:
            case FormKind.Bare:
                ThemeThenVerb(form, s, into);
                break;
            case FormKind.Agentive:
                AgentVerbTheme(form, s, into);
                break;
            case FormKind.Object:
                VerbThenTheme(form, s, into);
                break;
            case FormKind.Permitted:
                Permitted(form, s, into);
                break;
            case FormKind.Noun:
                Noun(form, s, into);
                break;
            case FormKind.Compound:
                Compound(form, s, into);
                break;
        }
        into.Sort((a, b) => a.Index.CompareTo(b.Index));
    }

    /// <summary>Whether a verb occurrence can be the verb of this form: its class, transitivity and form.</summary>
    private static bool Fits(FrameForm form, VerbAt v) => form.Classes.Contains(v.Entry.Class) && form.Kind switch
    {
        FormKind.Active => !v.Entry.Transitive && !v.Split,
        FormKind.Passive or FormKind.Bare or FormKind.Compound => v.Entry.Transitive && !v.Split && (v.Entry.Kinds & VerbFormKind.Participle) != 0,
        FormKind.Agentive => v.Entry.Transitive && !v.Split,
        FormKind.Object => v.Entry.Transitive,
        _ => false,
    };

    private static bool AnyFits(FrameForm form, List<VerbAt> verbs)
    {
        foreach (var v in verbs)
        {
            if (Fits(form, v))
                return true;
        }
        return false;
    }

    private void ThemeThenVerb(FrameForm form, FrameSentence s, List<FrameHit> into)
    {
        var verbs = s.VerbsOf(form);
        if (!AnyFits(form, verbs))
            return;
        foreach (var theme in s.Themes(form.Theme))
        {
            foreach (var v in verbs)
            {
                if (!Fits(form, v) || v.Start < theme.End || v.Start - theme.End > MaxReach)
                    continue;
                var (chainStart, chain) = ReadChain(s, v.Token);
                if (form.Kind == FormKind.Passive && (chain & ChainWord.Be) == 0)
                    continue;
                // A bare participle may have adverbs before it ("90% of city now liberated"), not an auxiliary.
                if (form.Kind == FormKind.Bare && (chain & ~ChainWord.Adverb) != 0)
                    continue;
                if (chainStart < theme.End || !GapFits(s.Text.AsSpan(theme.End, chainStart - theme.End)))
                    continue;
                var end = v.End;
                if (form.By is not null)
                {
                    if (form.By.Match(s.Text, end) is not { Success: true } by)
                        continue;
                    end = by.Index + by.Length;
                }
                if (!Follows(form.After, s.Text, ref end))
                    continue;
                into.Add(new FrameHit(theme.Start, end - theme.Start, theme.QuantityStart, theme.Quantity, chain));
                break; // one verb per theme: the nearest that fits
            }
        }
    }

    private void AgentVerbTheme(FrameForm form, FrameSentence s, List<FrameHit> into)
    {
        if (form.Agent is null)
            return;
        foreach (var v in s.VerbsOf(form))
        {
            if (!Fits(form, v) || ThemeAfter(form, s, v.End, objectGap) is not { } theme)
                continue;
            var (chainStart, chain) = ReadChain(s, v.Token);
            // The agent and any gap before the verb group, read right to left from where it starts.
            if (form.Agent.Match(s.Text, chainStart) is not { Success: true } agent)
                continue;
            var end = theme.End;
            if (Follows(form.After, s.Text, ref end))
                into.Add(new FrameHit(agent.Index, end - agent.Index, theme.QuantityStart, theme.Quantity, chain));
        }
    }

    private void VerbThenTheme(FrameForm form, FrameSentence s, List<FrameHit> into)
    {
        foreach (var v in s.VerbsOf(form))
        {
            if (!Fits(form, v) || v.Split != (form.Particle is not null)
                || (v.Split && !v.Entry.Tail[0].Equals(form.ParticleWord, StringComparison.OrdinalIgnoreCase)))
                continue;
            if (ThemeAfter(form, s, v.End, objectGap) is not { } theme)
                continue;
            var end = theme.End;
            if (form.Particle is not null)
            {
                if (form.Particle.Match(s.Text, end) is not { Success: true } particle)
                    continue;
                end = particle.Index + particle.Length;
            }
            if (!Follows(form.After, s.Text, ref end))
                continue;
            var (chainStart, chain) = ReadChain(s, v.Token);
            into.Add(new FrameHit(chainStart, end - chainStart, theme.QuantityStart, theme.Quantity, chain));
        }
    }

    private void Permitted(FrameForm form, FrameSentence s, List<FrameHit> into)
    {
        foreach (var p in s.Permissions)
        {
            if (ThemeAfter(form, s, p.End, objectGap) is not { } theme)
                continue;
            // "allowed 275 fighters to leave": the base form of one of the frame's intransitive verbs.
            foreach (var v in s.VerbsOf(form))
            {
                if (v.Start < theme.End || !form.Classes.Contains(v.Entry.Class) || v.Entry.Transitive || v.Split
                    || (v.Entry.Kinds & VerbFormKind.Base) == 0 || !permittedTail.IsMatch(s.Text.AsSpan(theme.End, v.Start - theme.End)))
                    continue;
                var end = v.End;
                if (!Follows(form.After, s.Text, ref end))
                    continue;
                var (chainStart, chain) = ReadChain(s, p.Token);
                // The permission verb itself grants leave: "allowed 275 fighters to leave".
                into.Add(new FrameHit(chainStart, end - chainStart, theme.QuantityStart, theme.Quantity, chain | ChainWord.Permission));
                break;
            }
        }
    }

    private void Noun(FrameForm form, FrameSentence s, List<FrameHit> into)
    {
        foreach (var n in s.Nouns)
        {
            if (!form.Classes.Contains(n.Entry.Class))
                continue;
            if (form.Agent is not null)
            {
                if (form.Agent.Match(s.Text, n.End) is { Success: true } agent)
                    into.Add(new FrameHit(n.Start, agent.Index + agent.Length - n.Start, -1, null, ChainWord.None));
                continue;
            }
            if (ThemeAfter(form, s, n.End, nounGap) is not { } theme)
                continue;
            var end = theme.End;
            if (Follows(form.After, s.Text, ref end))
                into.Add(new FrameHit(n.Start, end - n.Start, theme.QuantityStart, theme.Quantity, ChainWord.None));
        }
    }

    private void Compound(FrameForm form, FrameSentence s, List<FrameHit> into)
    {
        if (form.Agent is null)
            return;
        foreach (var v in s.VerbsOf(form))
        {
            if (!Fits(form, v) || form.Agent.Match(s.Text, v.Start) is not { Success: true } agent)
                continue;
            if (ThemeAfter(form, s, v.End, compoundToTheme) is { } theme)
                into.Add(new FrameHit(agent.Index, theme.End - agent.Index, -1, null, ChainWord.None));
        }
    }

    /// <summary>Whether the words between an argument and its verb group are a gap the rule set allows; mostly a space.</summary>
    private bool GapFits(ReadOnlySpan<char> between) => between.IsWhiteSpace() ? between.Length > 0 : subjectGap.IsMatch(between);

    /// <summary>The first theme after <paramref name="from"/> whose gap from there matches <paramref name="gap"/> whole.</summary>
    private static ThemeAt? ThemeAfter(FrameForm form, FrameSentence s, int from, WholeSpanPattern gap)
    {
        foreach (var theme in s.Themes(form.Theme))
        {
            if (theme.Start < from || theme.Start - from > MaxReach)
                continue;
            if (gap.IsMatch(s.Text.AsSpan(from, theme.Start - from)))
                return theme;
        }
        return null;
    }

    /// <summary>Whether <paramref name="after"/> (if any) matches at <paramref name="end"/>; moves <paramref name="end"/> past it.</summary>
    private static bool Follows(Regex? after, string text, ref int end)
    {
        if (after is null)
            return true;
        if (after.Match(text, end) is not { Success: true } m)
            return false;
        end = m.Index + m.Length;
        return true;
    }

    /// <summary>
    /// The verb group before the verb at word <paramref name="token"/>, read backwards: up to six
    /// auxiliaries, adverbs, negators, words of plans and doubt ("had not yet been allowed to"). Returns where
    /// it starts (the verb's own start when there is none) and what its words said.
    /// </summary>
    private (int Start, ChainWord Kind) ReadChain(FrameSentence s, int token)
    {
        var text = s.Text;
        var words = s.Words;
        var start = words[token].Start;
        var kind = ChainWord.None;
        var j = token - 1;
        for (var taken = 0; taken < MaxChain && j >= 0 && IsSpace(text, words[j].End, words[j + 1].Start); taken++)
        {
            var word = text.AsSpan(words[j].Start, words[j].End - words[j].Start);
            var matched = false;
            foreach (var (phrase, phraseKind) in lexicon.ChainEndingIn(word))
            {
                var first = j - phrase.Length + 1;
                if (first < 0 || !PhraseAt(s, first, phrase))
                    continue;
                kind |= phraseKind;
                j = first - 1;
                matched = true;
                break;
            }
            if (!matched && IsContraction(word, out var stem))
            {
                // "didn't", "wasn't", "won't": the stem as a chain word, negated.
                var stems = lexicon.ChainEndingIn(stem is "ca" ? "can" : stem is "wo" ? "will" : stem);
                if (stems.FirstOrDefault(p => p.Words.Length == 1).Words is not null)
                {
                    kind |= stems.First(p => p.Words.Length == 1).Kind | ChainWord.Negation | ChainWord.Auxiliary;
                    j--;
                    matched = true;
                }
            }
            if (!matched && IsLyAdverb(word))
            {
                kind |= ChainWord.Adverb;
                j--;
                matched = true;
            }
            if (!matched)
                break;
            start = words[j + 1].Start;
        }
        return (start, kind);
    }

    private static bool IsLyAdverb(ReadOnlySpan<char> word) => word.Length > 3 && word.EndsWith("ly", StringComparison.OrdinalIgnoreCase);

    private static bool IsContraction(ReadOnlySpan<char> word, out string stem)
    {
        stem = "";
        if (word.Length < 4 || !(word.EndsWith("n't", StringComparison.OrdinalIgnoreCase) || word.EndsWith("n’t", StringComparison.OrdinalIgnoreCase)))
            return false;
        stem = word[..^3].ToString().ToLowerInvariant();
        return true;
    }

    private static bool PhraseAt(FrameSentence s, int first, string[] phrase)
    {
        for (var k = 0; k < phrase.Length; k++)
        {
            var w = s.Words[first + k];
            if (!s.Text.AsSpan(w.Start, w.End - w.Start).Equals(phrase[k], StringComparison.OrdinalIgnoreCase))
                return false;
            if (k > 0 && !IsSpace(s.Text, s.Words[first + k - 1].End, w.Start))
                return false;
        }
        return true;
    }

    internal static bool IsSpace(string text, int from, int to)
    {
        if (to <= from)
            return false;
        for (var i = from; i < to; i++)
        {
            if (!char.IsWhiteSpace(text[i]))
                return false;
        }
        return true;
    }
}

/// <summary>A verb of some class at a word: where it stands (with its particle) and which verb it is.</summary>
/// <param name="Split">A phrasal verb's head standing alone, its particle expected after the object ("took … out").</param>
public readonly record struct VerbAt(int Token, int Start, int End, VerbEntry Entry, bool Split);

public readonly record struct NounAt(int Start, int End, NounEntry Entry);

public readonly record struct WordAt(int Token, int Start, int End);

/// <param name="QuantityStart">Where the theme's quantity starts, or -1.</param>
public readonly record struct ThemeAt(int Start, int End, int QuantityStart, string? Quantity);

/// <summary>One sentence as frames read it: its words, the verbs and nouns among them, and (asked for once) its themes and agents.</summary>
public sealed class FrameSentence
{
    private readonly IReadOnlyList<(int Start, int End)> quantities;
    // What the sentence holds for each theme and each set of verb classes, by their numbers in the rule set.
    private List<ThemeAt>?[] themes = [];
    private List<VerbAt>?[] verbsOf = [];
    private static readonly List<VerbAt> NoVerbs = [];
    private List<VerbAt>? verbs;
    private List<NounAt>? nouns;
    private List<WordAt>? permissions;
    private WordKinds[]? kinds;
    private readonly Lexicon lexicon;

    internal FrameSentence(FrameMatcher matcher, string text, IReadOnlyList<(int Start, int End)> quantities)
    {
        lexicon = matcher.Lexicon;
        Text = text;
        this.quantities = quantities;
        Words = ReadWords(text);
    }

    public string Text { get; }

    public List<(int Start, int End)> Words { get; }

    /// <summary>Words are letters with apostrophes inside ("didn't", "Syria's"); a hyphen ends a word ("US-brokered").</summary>
    private static List<(int Start, int End)> ReadWords(string text)
    {
        var words = new List<(int, int)>(text.Length / 5);
        for (var i = 0; i < text.Length;)
        {
            if (!char.IsLetter(text[i]))
            {
                i++;
                continue;
            }
            var start = i;
            while (i < text.Length && (char.IsLetter(text[i]) || (text[i] is '\'' or '’' && i + 1 < text.Length && char.IsLetter(text[i + 1]))))
                i++;
            words.Add((start, i));
        }
        return words;
    }

    private ReadOnlySpan<char> WordText(int k) => Text.AsSpan(Words[k].Start, Words[k].End - Words[k].Start);

    /// <summary>What each word can be to the frames, looked up once for the verbs, nouns and permissions alike.</summary>
    private WordKinds[] Kinds => kinds ??= ReadKinds();

    private WordKinds[] ReadKinds()
    {
        var read = new WordKinds[Words.Count];
        for (var k = 0; k < read.Length; k++)
            read[k] = lexicon.KindsOf(WordText(k));
        return read;
    }

    /// <summary>The entry kept at <paramref name="id"/>, the array grown to hold it.</summary>
    private static T? At<T>(ref T?[] kept, int id) where T : class
    {
        if (id >= kept.Length)
            Array.Resize(ref kept, Math.Max(id + 1, kept.Length * 2));
        return kept[id];
    }

    /// <summary>Every verb of every class in the sentence, with phrasal verbs' particles read.</summary>
    public List<VerbAt> Verbs => verbs ??= ReadVerbs();

    public List<NounAt> Nouns => nouns ??= ReadNouns();

    /// <summary>The verbs of a form's classes, in sentence order; forms of one frame share its class set, and the list (read only).</summary>
    public List<VerbAt> VerbsOf(FrameForm form)
    {
        if (At(ref verbsOf, form.ClassesId) is { } listed)
            return listed;
        var fitting = 0;
        foreach (var v in Verbs)
        {
            if (form.Classes.Contains(v.Entry.Class))
                fitting++;
        }
        // Most sentences have none of a class's verbs, or only verbs of it: no copy then.
        List<VerbAt> list;
        if (fitting == Verbs.Count)
            list = Verbs;
        else if (fitting == 0)
            list = NoVerbs;
        else
        {
            list = new List<VerbAt>(fitting);
            foreach (var v in Verbs)
            {
                if (form.Classes.Contains(v.Entry.Class))
                    list.Add(v);
            }
        }
        verbsOf[form.ClassesId] = list;
        return list;
    }

    public List<WordAt> Permissions => permissions ??= ReadPermissions();

    private List<VerbAt> ReadVerbs()
    {
        var found = new List<VerbAt>();
        var lookup = lexicon.Verbs;
        for (var k = 0; k < Words.Count; k++)
        {
            if ((Kinds[k] & WordKinds.Verb) == 0 || !lookup.TryGetValue(WordText(k), out var entries))
                continue;
            foreach (var entry in entries)
            {
                if (entry.Tail.Length == 0)
                {
                    if (!StartsAnotherVerb(k, entry))
                        found.Add(new VerbAt(k, Words[k].Start, Words[k].End, entry, Split: false));
                    continue;
                }
                if (TailAt(k + 1, entry.Tail) is { } end)
                    found.Add(new VerbAt(k, Words[k].Start, end, entry, Split: false));
                else if (entry.Transitive)
                    found.Add(new VerbAt(k, Words[k].Start, Words[k].End, entry, Split: true));
            }
        }
        return found;
    }

    /// <summary>"left behind" is not "left", "left out" is not "left" (but "left out of the city" is).</summary>
    private bool StartsAnotherVerb(int k, VerbEntry entry)
    {
        if (k + 1 >= Words.Count || !FrameMatcher.IsSpace(Text, Words[k].End, Words[k + 1].Start))
            return false;
        var next = WordText(k + 1);
        foreach (var particle in lexicon.ParticlesOf(entry.Head))
        {
            if (!next.Equals(particle.Split(' ')[0], StringComparison.OrdinalIgnoreCase))
                continue;
            var followedByOf = k + 2 < Words.Count && WordText(k + 2).Equals("of", StringComparison.OrdinalIgnoreCase);
            return !followedByOf;
        }
        return false;
    }

    /// <summary>The end of <paramref name="tail"/> when its words stand from word <paramref name="k"/> on, else null.</summary>
    private int? TailAt(int k, string[] tail)
    {
        if (k + tail.Length > Words.Count)
            return null;
        for (var t = 0; t < tail.Length; t++)
        {
            if (!WordText(k + t).Equals(tail[t], StringComparison.OrdinalIgnoreCase) || !FrameMatcher.IsSpace(Text, Words[k + t - 1].End, Words[k + t].Start))
                return null;
        }
        return Words[k + tail.Length - 1].End;
    }

    private List<NounAt> ReadNouns()
    {
        var found = new List<NounAt>();
        var lookup = lexicon.Nouns;
        for (var k = 0; k < Words.Count; k++)
        {
            if ((Kinds[k] & WordKinds.Noun) == 0 || !lookup.TryGetValue(WordText(k), out var entries))
                continue;
            foreach (var entry in entries)
            {
                var end = entry.Words.Length == 1 ? Words[k].End : TailAt(k + 1, entry.Words[1..]);
                if (end is { } e)
                    found.Add(new NounAt(Words[k].Start, e, entry));
            }
        }
        return found;
    }

    private List<WordAt> ReadPermissions()
    {
        var found = new List<WordAt>();
        for (var k = 0; k < Words.Count; k++)
        {
            if ((Kinds[k] & WordKinds.Permission) != 0)
                found.Add(new WordAt(k, Words[k].Start, Words[k].End));
        }
        return found;
    }

    /// <summary>Where a theme stands, found once per sentence: by its pattern, or around each quantity.</summary>
    public List<ThemeAt> Themes(ThemePattern theme)
    {
        if (At(ref themes, theme.Id) is { } listed)
            return listed;
        var found = new List<ThemeAt>();
        if (theme.AfterQuantity is { } rest)
        {
            foreach (var (start, end) in quantities)
            {
                var before = theme.BeforeQuantity?.Match(Text, start);
                if (before is { Success: false })
                    continue;
                var after = rest.Match(Text, end);
                if (after.Success)
                    found.Add(new ThemeAt(before?.Index ?? start, after.Index + after.Length, start, Text[start..end]));
            }
        }
        else if (theme.Scan is { } scan)
        {
            foreach (var m in scan.EnumerateMatches(Text))
                found.Add(new ThemeAt(m.Index, m.Index + m.Length, -1, null));
        }
        themes[theme.Id] = found;
        return found;
    }

}
