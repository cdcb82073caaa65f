using System.Text.RegularExpressions;
using RaqqaLedger.Extraction.Rules;
using RaqqaLedger.Extraction.Text;

namespace RaqqaLedger.Extraction.Attribution;

/// <summary>Someone a sentence attributes what it says to.</summary>
/// <param name="Start">Start of the whole attribution ("according to Alloush", "he added") within the sentence.</param>
/// <param name="AsWritten">The speaker as the text names them: "Allouch", "he", "a militia spokesman".</param>
/// <param name="Canonical">The one name every alias resolves to.</param>
public sealed record SpeakerMention(int Start, int End, string AsWritten, string Canonical);

/// <summary>What the reader remembers while going through one article: who spoke last, and the people named so far.</summary>
public sealed class SpeakerMemory
{
    public string? LastSpeaker { get; set; }
    public string? LastSpeakerAsWritten { get; set; }
    public string? LastPerson { get; set; }

    /// <summary>The last organisation that spoke, itself or through someone it gives a role ("SDF spokesman Talal Silo"): what "the group" and "it" point to.</summary>
    public string? LastOrganisation { get; set; }

    /// <summary>Organisations the article names with their initials, both keyed to the name: "Levant Aid Network (LAN)".</summary>
    public Dictionary<string, string> Organisations { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The organisation (or person) whose release or statement the article is, when it is one: its plain voice is the issuer's.</summary>
    public string? Issuer { get; set; }

    /// <summary>Whether the sentence <see cref="SpeakerFinder.Find"/> read last opened with a transcript's label in capitals, and whom it names (null: no one).</summary>
    public (bool Read, string? Speaker) Label { get; set; }

    /// <summary>The roles the article gives its people (see <see cref="SpeakerFinder.ReadRoles"/>).</summary>
    public RoleBook Roles { get; set; } = RoleBook.Empty;

    /// <summary>Where the sentence being read starts in the article, so a mention can be placed among the roles.</summary>
    public int SentenceStart { get; set; }

    /// <summary>Words of this article that look like names but never speak: its dateline's place ("BEIRUT").</summary>
    public HashSet<string> NotSpeakers { get; } = new(StringComparer.OrdinalIgnoreCase);

    internal Dictionary<string, string> PeopleBySurname { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The article's text, where a lone first name or surname is looked for in full ("Sheikh Ibrahim" is Ibrahim al-Hassan).</summary>
    public string ArticleText { get; set; } = "";
}

/// <summary>
/// Finds who a sentence quotes: "according to X", "X said", "X, a senior official, told AFP",
/// "said X", "a statement by X", "X statement". Pronouns and "the official" point back to the last
/// speaker; aliases and surnames resolve to one canonical name.
/// </summary>
public sealed partial class SpeakerFinder
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled;

    private readonly ShapePatterns subjectBefore;
    private readonly ShapePatterns subjectBeforeWithoutModifier;
    private readonly ShapePatterns subjectAfter;
    private readonly WordTable<bool> verbWords;
    private readonly ShapePatterns introduced;
    private readonly ShapePatterns ownerBefore;
    private readonly ShapePatterns byAfter;
    private readonly ShapePatterns subjectFirst;
    private readonly ShapePatterns speakerColon;
    private readonly Dictionary<string, SpeakerEntry> aliases = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<(string Alias, SpeakerEntry Speaker)> aliasesLongestFirst;
    private readonly HashSet<string> pronouns;
    private readonly HashSet<string> anaphors;
    private readonly HashSet<string> organisationAnaphors;
    private readonly HashSet<string> organisationNames;
    private readonly string[] releaseMarkers;
    private readonly HashSet<string> titleWords;
    private readonly HashSet<string> wireAgencies;
    private readonly WordTable<bool> mentionEndings;
    private readonly string[] descriptorWords;
    private readonly WordTable<bool> reportWords;
    private readonly WordTable<bool> adverbWords;
    private readonly Regex modifierCue;
    private readonly Regex openingWords;
    private readonly Regex title;
    private readonly Regex trailingPerson;
    private readonly Regex roleNoun;
    private readonly WordTable<bool> roleWords;
    private readonly Regex roleWordsBefore;
    private readonly Regex personAfterRole;
    private readonly Regex personBeforeRole;
    private readonly Regex roleTail;
    private readonly Regex headsVerb;
    private readonly Regex personBeforeComma;
    private readonly Regex givenName;
    private readonly Regex issuedBy;
    private readonly Regex namedBefore;
    private readonly IReadOnlyList<string> places;
    private readonly string[] organisationNouns;
    private readonly ShapePatterns trailingLabel;
    private readonly List<(string Alias, SpeakerEntry Speaker)> organisationsLongestFirst;

    public SpeakerFinder(RuleSet rules)
    {
        foreach (var speaker in rules.Speakers)
        {
            foreach (var alias in speaker.Aliases.Append(speaker.Name))
                aliases.TryAdd(alias, speaker);
        }
        aliasesLongestFirst = [.. aliases.OrderByDescending(a => a.Key.Length).ThenBy(a => a.Key, StringComparer.Ordinal).Select(a => (a.Key, a.Value))];
        pronouns = new HashSet<string>(rules.Attribution.Pronouns, StringComparer.OrdinalIgnoreCase);
        anaphors = new HashSet<string>(rules.Attribution.Anaphors, StringComparer.OrdinalIgnoreCase);
        organisationAnaphors = new HashSet<string>(rules.Attribution.OrganisationAnaphors, StringComparer.OrdinalIgnoreCase);
        organisationNames = new HashSet<string>(rules.Speakers.Where(s => s.Kind == "organisation").Select(s => s.Name), StringComparer.OrdinalIgnoreCase);
        organisationNouns = [.. rules.Attribution.OrganisationAnaphors.Select(LastWord).Distinct(StringComparer.OrdinalIgnoreCase)];
        releaseMarkers = [.. rules.Attribution.ReleaseMarkers.Select(m => m.Trim()).Where(m => m.Length > 0)];
        var allAnaphors = rules.Attribution.Anaphors.Concat(rules.Attribution.OrganisationAnaphors).ToList();
        wireAgencies = new HashSet<string>(rules.Attribution.WireAgencies, StringComparer.OrdinalIgnoreCase);

        // Words a speaker's mention can end with, so most verbs can be ruled out without a regex.
        mentionEndings = WordTable.Of(
            aliases.Keys.Concat(allAnaphors).Concat(rules.Attribution.Pronouns).Select(LastWord),
            StringComparer.OrdinalIgnoreCase);
        descriptorWords = [.. Regex.Matches(rules.Attribution.Descriptors, "[a-z]{3,}").Select(m => m.Value).Distinct()];

        var vocabulary = rules.Attribution;
        var titles = Alternation(vocabulary.Titles);
        places = vocabulary.Places;
        titleWords = new HashSet<string>(vocabulary.Titles.Select(t => t.Trim().TrimEnd('.')), StringComparer.OrdinalIgnoreCase);
        // A title and a name of two to four capitalised words: "Colonel Ryan Dillon", "Jihan Sheikh Ahmed", "Brett McGurk" (of camel-case names only Mc and Mac: each word's alternatives cost every backwards subject pattern).
        // Each title read one way (atomic, the longest first): "Secretary General" is not also "Secretary" and "General".
        var personName = $@"(?:(?>{titles})\s+)*" +
            @"(?-i:(?:Ma?c[A-Z][a-z]+|[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)?)(?:\s+(?:al-|Al-|el-|El-|bin\s+|ibn\s+|abu\s+|Abu\s+)?(?:Ma?c[A-Z][a-z]+|[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)?)){1,3})\b";
        var personAfter = $@"(?:\s+{personName})?";
        var modifier = $@",?\s+(?:{Alternation(vocabulary.Modifiers)})\b[^,;:""“”]{{0,60}}?";
        reportWords = WordTable.Of(vocabulary.ReportWords, StringComparer.Ordinal);
        adverbWords = WordTable.Of(vocabulary.Adverbs, StringComparer.OrdinalIgnoreCase);
        modifierCue = new Regex($@"\b(?:{Alternation(vocabulary.Modifiers)})\b", Options);
        openingWords = new Regex($@"^(?:(?-i:{Alternation(vocabulary.NotNames.Concat(vocabulary.Places))})(?:(?:'s|’s)?\s+|$))+", RegexOptions.CultureInvariant | RegexOptions.Compiled);
        title = new Regex($@"^(?:(?:{titles})\s+)+", RegexOptions.CultureInvariant | RegexOptions.Compiled);
        trailingPerson = new Regex($@"(?:(?:{titles})\s+)*(?:Ma?c[A-Z][a-z]+|[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)?)(?:\s+(?:al-|Al-|el-|bin\s+|Abu\s+)?(?:Ma?c[A-Z][a-z]+|[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)?))*$",
            RegexOptions.CultureInvariant | RegexOptions.Compiled | RegexOptions.RightToLeft);
        var roles = Alternation(vocabulary.Roles.SelectMany(r => new[] { r, Plural(r) }));
        // The last role noun is the phrase's head: "the official representative" is a representative.
        roleNoun = new Regex($@"\b(?<role>{roles})\b", Options | RegexOptions.RightToLeft);
        roleWords = WordTable.Of(vocabulary.Roles.SelectMany(r => new[] { r, Plural(r) }), StringComparer.OrdinalIgnoreCase);
        organisationsLongestFirst = [.. aliasesLongestFirst.Where(a => a.Speaker.Kind == "organisation")];

        var anaphorPattern = string.Join('|', allAnaphors.OrderByDescending(a => a.Length).Select(a => Regex.Escape(a).Replace(@"\ ", @"\s+")));
        var pronounPattern = string.Join('|', rules.Attribution.Pronouns.Select(Regex.Escape));
        // A role phrase: "a spokesman for the U.S.-backed militia", "the head of the Observatory", "SDF field commanders".
        // Read backwards, the phrase reaches back to its determiner when one stands within three words ("a council member").
        var rolePhrase = $@"(?:(?:the|a|an|one|another|two|several)\s+(?:[\w.’'-]+\s+){{0,3}}?|(?:[\w.’'-]+\s+){{0,3}}?)(?:{roles})(?:\s+(?:of|for|at|with|in)\s+(?:the\s+)?[^,;:.""“”()]{{1,60}}?(?=\s*(?:[,;:.(]|$|\s+(?:said|says|told|tells|added|adds|has|had|was|is))))?";
        // The shapes a mention can take, in the order they are tried: an alias (as a tree of characters, see
        // AliasAlternation: forwards for patterns read left to right from a keyword, backwards for those read
        // right to left) or a descriptor, either with a name after it; then a word pointing back, a name, a
        // role phrase, initials, a lone surname and, before a verb only, a pronoun.
        string[] Shapes(bool rightToLeft, bool pronouns)
        {
            var aliasPattern = AliasAlternation.Build(aliasesLongestFirst.Select(a => a.Alias), rightToLeft, IsShortCapitals);
            string[] shapes =
            [
                $@"(?:(?:(?:the|a|an|one)\s+)?(?:{aliasPattern})(?![\w-])|(?>{rules.Attribution.Descriptors})){personAfter}",
                $@"{Or(anaphorPattern)}|(?:the\s+)?{personName}|{rolePhrase}|(?:(?:the|a|an)\s+)?{Acronym}|{Surname}"
                    + (pronouns && pronounPattern.Length > 0 ? $@"|\b(?:{pronounPattern})" : ""),
            ];
            return shapes;
        }
        var named = Shapes(rightToLeft: false, pronouns: false);
        var namedBackwards = Shapes(rightToLeft: true, pronouns: false);
        var anyone = Shapes(rightToLeft: true, pronouns: true);
        // Each adverb is read one way only (atomic): "previously" is both a listed adverb and an -ly word, and a run
        // of them before a verb with no speaker in front would otherwise be tried in every way of reading it.
        var adverbs = $@"(?:(?>{Alternation(vocabulary.Adverbs)}|on\s+[A-Z]\w+|[a-z]+ly)\s+)*";

        const RegexOptions backwards = Options | RegexOptions.RightToLeft;
        // The speaker patterns are the engine's own: words of the vocabulary, escaped, in shapes that read each
        // character one way (adverbs, titles and the rule set's descriptors in atomic groups), anchored at a keyword.
        // They need no clock, which made a match about one and a half times as slow.
        var timeout = Regex.InfiniteMatchTimeout;
        ShapePatterns Each(string[] shapes, string pattern, RegexOptions options) =>
            new([.. shapes.Select(shape => new Regex(pattern.Replace("{m}", shape, StringComparison.Ordinal), options, timeout))]);
        // Every form is anchored at a cheap keyword (a verb, "according to", "statement") and tried
        // once there, backwards or forwards, instead of scanning each sentence for every kind of name.
        verbWords = WordTable.Of(rules.Attribution.Verbs, StringComparer.Ordinal);
        string SubjectBefore(string modifierPart) =>
            $@"\b(?<m>{{m}})(?:\s*\([^)]{{1,30}}\))?(?:\s*,\s*\d{{1,3}}(?=\s*,))?(?<app>\s*,\s*[^,""“”]{{1,200}}?,{modifierPart})?\s+{adverbs}\G";
        subjectBefore = Each(anyone, SubjectBefore("|" + modifier), backwards);
        // The same without the modifier ("who asked not to be named"), for the usual sentence that has none of its
        // words before the verb: the modifier's lazy reach back over sixty characters is most of the pattern's cost.
        subjectBeforeWithoutModifier = Each(anyone, SubjectBefore(""), backwards);
        // "said Omar Alloush," but not "said the SDF controlled …": the name must end the clause.
        subjectAfter = Each(named, @"\G\s+(?:(?:on|late\s+on|earlier\s+on)\s+[A-Z]\w+\s+)?(?<m>{m})(?=\s*(?:[,.;:(]|$)|\s+(?:on|in|at|late|earlier|last|told|to)\b)", Options);
        introduced = Each(named, @"\G\s+(?:figures\s+from\s+)?(?<m>{m})", Options);
        ownerBefore = Each(namedBackwards, @"\b(?<m>{m})(?:'s|’s)?\s+\G", backwards);
        byAfter = Each(named, @"\G\s+(?:released\s+|issued\s+|published\s+|put\s+out\s+)?(?:by|from)\s+(?<m>{m})", Options);
        // The last resort: a sentence that opens with a speaker and attributes later on
        // ("Activists inside the city gave a different account, saying …").
        speakerColon = Each(named, @"\G(?<m>{m})\s*:\s", Options);
        // A headline's source after a colon or dash at its end: "Foreign fighters left Raqqa: official".
        trailingLabel = Each(named, @"\G(?<m>{m})\s*[.!]?$", Options);
        subjectFirst = Each(named, @"\G(?:[A-Z][\w'’ -]{0,30},\s+)?(?<m>{m})(?:\s*\([^)]{1,30}\))?", Options);

        // Reading an article's roles, each tried only where a role noun (or "who heads") stands: "SDF
        // spokesman Mostafa Bali", "Omar Alloush, a senior member of the Raqqa Civil Council,", "Rami
        // Abdurrahman, who heads the Observatory,".
        roleWordsBefore = new Regex(@"(?<pre>(?:[\w.’'-]+\s+){0,3})\G", backwards, timeout);
        personAfterRole = new Regex($@"\G(?:\s+|\s*,\s*)(?<person>{personName})", Options, timeout);
        personBeforeRole = new Regex($@"(?<person>{personName})\s*,\s*(?:(?:a|an|the|one|another)\s+)?(?<pre>[^,;.()""“”]{{0,60}})\G", backwards, timeout);
        roleTail = new Regex(@"\G(?<post>[^,;.()""“”]{0,60}?)(?:\s*\([^)]{1,30}\))?(?=\s*(?:[,;.]|$)|\s+(?:said|says|told|tells|added|adds|has|had|was|is)\b)", Options, timeout);
        headsVerb = new Regex(@"\Gwho\s+(?:heads|headed|leads|led|runs|ran|directs|chairs)\s+(?<org>[^,;.()""“”]{1,60})", Options, timeout);
        personBeforeComma = new Regex($@"(?<person>{personName})\s*,\s*\G", backwards, timeout);
        // A person named in the narration, read backwards from a pronoun that has no speaker to point to.
        namedBefore = new Regex($@"(?<!\bthe\s)(?<person>{personName})", Options | RegexOptions.RightToLeft, timeout);
        // "Statement attributed to Helena Kronberg", "Statement by Col. Ryan Dillon": a person issuing a statement.
        issuedBy = new Regex($@"\b(?:attributed\s+to|by|from)\s+(?<person>{personName})", Options, timeout);
        // "an SDF commander who gave his name as Jamal Abu Hamza", "a driver, identified only as Mahmoud Hassan,".
        givenName = new Regex($@"\b(?:gave\s+(?:his|her)\s+(?:full\s+|first\s+)?name\s+as|identified\s+(?:only\s+)?as|named\s+only\s+as|known\s+only\s+as)\s+(?<person>{personName})", Options, timeout);
    }

    /// <summary>
    /// One pattern for each shape a mention can take, tried in order at one place. Together they match
    /// what one alternation of every shape would, but each stays small enough for the JIT to optimise:
    /// one compiled regex holding them all was left unoptimised and ran several times slower.
    /// </summary>
    private sealed class ShapePatterns(Regex[] patterns)
    {
        public Match Match(string text, int at)
        {
            var match = System.Text.RegularExpressions.Match.Empty;
            foreach (var pattern in patterns)
            {
                match = pattern.Match(text, at);
                if (match.Success)
                    return match;
            }
            return match;
        }
    }

    /// <summary>"spokesman" → "spokesmen", "official" → "officials", "head" → "heads".</summary>
    private static string Plural(string noun) =>
        noun.EndsWith("man", StringComparison.Ordinal) ? noun[..^3] + "men"
        : noun.EndsWith('y') && noun.Length > 1 && "aeiou".IndexOf(noun[^2]) < 0 ? noun[..^1] + "ies"
        : noun.EndsWith('s') || noun.EndsWith("ch", StringComparison.Ordinal) ? noun + "es"
        : noun + "s";

    /// <summary>A role noun as the role book keys it: singular, lower case, the spokes- words one role.</summary>
    private static string RoleKey(string noun)
    {
        var key = noun.ToLowerInvariant();
        if (key.StartsWith("spokes", StringComparison.Ordinal))
            return "spokesperson";
        if (key.EndsWith("men", StringComparison.Ordinal))
            return key[..^3] + "man";
        if (key.EndsWith("ies", StringComparison.Ordinal))
            return key[..^3] + "y";
        return key.EndsWith('s') && !key.EndsWith("ss", StringComparison.Ordinal) ? key[..^1] : key;
    }

    private static string Alternation(IEnumerable<string> words)
    {
        var list = words.Where(w => w.Trim().Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).OrderByDescending(w => w.Length)
            .Select(w => Regex.Escape(w.Trim()).Replace(@"\ ", @"\s+")).ToList();
        return list.Count == 0 ? "(?!)" : string.Join('|', list);
    }

    /// <summary>
    /// The roles an article gives its people, read once before its sentences: "SDF spokesman Mostafa
    /// Bali", "Omar Alloush, a senior member of the Raqqa Civil Council,", "Rami Abdurrahman, who heads
    /// the Observatory". Each person is resolved as a mention would be (aliases, surnames).
    /// </summary>
    public RoleBook ReadRoles(string text)
    {
        var bindings = new List<RoleBinding>();
        var scratch = new SpeakerMemory();
        void Bind(string person, int start, int end, string noun)
        {
            if (Resolve(person, scratch, bareName: true) is { } who && !IsKnownNonPerson(who))
                bindings.Add(new RoleBinding(start, end, noun, OrganisationIn(text[start..end]), who));
        }
        // Each word start once (a letter after anything but a letter, so "backed" in "U.S.-backed" too); the rest of its letters are skipped.
        for (int i = 0, next; i < text.Length; i = next)
        {
            next = i + 1;
            if (!char.IsLetter(text[i]))
                continue;
            while (next < text.Length && char.IsLetter(text[next]))
                next++;
            var wordEnd = i;
            while (wordEnd < text.Length && (char.IsLetter(text[wordEnd]) || text[wordEnd] == '-'))
                wordEnd++;
            // "Rami Abdurrahman, who heads the Observatory,": tried where "who" stands, not by a scan of the article.
            if (next - i == 3 && text.AsSpan(i, 3).Equals("who", StringComparison.OrdinalIgnoreCase)
                && (i == 0 || !(char.IsDigit(text[i - 1]) || text[i - 1] == '_'))
                && headsVerb.Match(text, i) is { Success: true } heads && personBeforeComma.Match(text, heads.Index) is { Success: true } head)
                Bind(head.Groups["person"].Value, heads.Index, heads.Index + heads.Length, "head");
            if (!roleWords.Contains(text.AsSpan(i, wordEnd - i)))
                continue;
            var m = (Index: i, Length: wordEnd - i);
            var noun = RoleKey(text.Substring(i, wordEnd - i));
            var end = m.Index + m.Length;
            if (personAfterRole.Match(text, end) is { Success: true } after)
            {
                var pre = roleWordsBefore.Match(text, m.Index);
                Bind(after.Groups["person"].Value, pre.Success ? pre.Index : m.Index, end, noun);
            }
            else if (CommaOpensRolePhrase(text, m.Index) && personBeforeRole.Match(text, m.Index) is { Success: true } before
                && roleTail.Match(text, end) is { Success: true } tail)
            {
                Bind(before.Groups["person"].Value, before.Groups["pre"].Index, tail.Index + tail.Length, noun);
            }
        }
        bindings.Sort((a, b) => a.Start.CompareTo(b.Start));
        return new RoleBook(bindings);
    }

    /// <summary>
    /// Whether the punctuation nearest before a role word is a comma, as in "Omar Alloush, a senior member …":
    /// the phrase between cannot hold any other, so without it the backwards pattern need not run.
    /// </summary>
    private static bool CommaOpensRolePhrase(string text, int roleStart)
    {
        var at = text.AsSpan(0, roleStart).LastIndexOfAny(",;.()\"“”");
        return at >= 0 && text[at] == ',';
    }

    private bool IsKnownNonPerson(string canonical) => aliases.TryGetValue(canonical, out var entry) && !entry.IsPerson;

    /// <summary>The canonical organisation a phrase names, the longest alias first: "a spokesman for the U.S.-backed militia" is the SDF.</summary>
    private string? OrganisationIn(string phrase)
    {
        foreach (var (alias, speaker) in organisationsLongestFirst)
        {
            if (ContainsWord(phrase, alias))
                return speaker.Name;
        }
        return null;
    }

    /// <summary>An organisation's initials: "BBC", "SOHR".</summary>
    private const string Acronym = @"(?-i:[A-Z]{2,6})\b(?![-’'])";

    /// <summary>A lone capitalised word: kept only when it is the surname of someone named earlier.</summary>
    private const string Surname = @"(?-i:Ma?c[A-Z][a-z]+|[A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b";

    /// <summary>How near its end a sentence's source label may stand: "…: official", "… - SDF", "… -SDF".</summary>
    private const int TrailingLabelLength = 40;

    /// <summary>Where a label after the sentence's last colon or spaced dash starts, if that is near its end; else -1.</summary>
    private static int LabelStart(string sentence)
    {
        var from = Math.Max(0, sentence.Length - TrailingLabelLength);
        for (var i = sentence.Length - 2; i >= from; i--)
        {
            var c = sentence[i];
            // A dash after a space may be written close up to the label, as wire headlines do ("… -SDF").
            var isDash = c is '-' or '—' or '–' && i > 0 && sentence[i - 1] == ' ';
            if (!(c == ':' || isDash) || (i + 1 < sentence.Length && sentence[i + 1] != ' ' && !(isDash && char.IsLetter(sentence[i + 1]))))
                continue;
            var start = i + 1;
            while (start < sentence.Length && sentence[start] == ' ')
                start++;
            return start < sentence.Length ? start : -1;
        }
        return -1;
    }

    private static string Or(string alternatives) => alternatives.Length == 0 ? "(?!)" : alternatives;

    /// <summary>Short all-capital aliases (UN, SDF, CJTF) match case-sensitively, so "un" in text is not the UN.</summary>
    private static bool IsShortCapitals(string alias) => alias.Length <= 6 && alias.All(c => char.IsUpper(c) || c is '.' or '-');

    /// <summary>Every attribution in the sentence, left to right, resolved against and recorded in <paramref name="memory"/>.</summary>
    /// <param name="hasVerb">Whether the sentence has an attribution verb at all (so an opening subject could be the speaker).</param>
    public List<SpeakerMention> Find(string sentence, SpeakerMemory memory, out bool hasVerb)
    {
        var found = new List<SpeakerMention>();
        hasVerb = false;
        memory.Label = default;
        var keywords = Keywords(sentence);
        // "'… a Chechen who did not speak a word,' said Mahmoud": a verb inside a quotation is the quotation's own
        // when the sentence attributes it outside.
        if (Quotations(sentence) is { } quoted && keywords.Exists(k => !IsInside(quoted, k.Index)))
            keywords.RemoveAll(k => IsInside(quoted, k.Index));
        var lastVerbEnd = -1;
        foreach (var k in keywords)
        {
            var end = k.Index + k.Length;
            // "the UN's estimate", "by his count": after a possessive, an attribution verb is a report noun.
            var possessive = PossessiveBefore(sentence, k.Index);
            if (k.Kind == KeywordKind.Verb && possessive is null)
            {
                hasVerb = true;
                lastVerbEnd = end;
                // "he said": the commonest form needs no regex.
                if (PronounBefore(sentence, k.Index) is { } pronoun)
                {
                    if (Resolve(pronoun.Value, memory) is { } who)
                        Record(found, new SpeakerMention(pronoun.Start, end, pronoun.Value, who), memory);
                    continue;
                }
                // "Bali denied the report, saying that …": a participle after a comma speaks for the clause's subject.
                if (found.Count > 0 && IsParticipleAfterComma(sentence, k))
                {
                    Record(found, new SpeakerMention(k.Index, end, found[0].AsWritten, found[0].Canonical), memory);
                    continue;
                }
                // "X said" first; "said X" only when no subject stands before the verb.
                if (MayEndMention(sentence, k.Index)
                    && (modifierCue.IsMatch(sentence.AsSpan(0, k.Index)) ? subjectBefore : subjectBeforeWithoutModifier).Match(sentence, k.Index) is { Success: true } before
                    && ((NamedInAppositive(before) ?? GivenName(sentence, before)) is { } named
                        ? Add(found, named.Value, named.Index, before.Index, end, memory, bareName: true)
                        : Add(found, before.Groups["m"], before.Index, end, memory, bareName: true)))
                    continue;
                if (ClauseEndsSoon(sentence, end) && subjectAfter.Match(sentence, end) is { Success: true } after)
                    Add(found, after.Groups["m"], k.Index, after.Index + after.Length, memory, bareName: true);
            }
            else if (k.Kind == KeywordKind.Source)
            {
                if (introduced.Match(sentence, end) is { Success: true } m)
                    Add(found, m.Groups["m"], k.Index, m.Index + m.Length, memory);
            }
            else if (possessive is { Pronoun: { } pronoun } && Resolve(pronoun, memory) is { } owning)
            {
                Record(found, new SpeakerMention(possessive.Value.Start, end, sentence[possessive.Value.Start..end], owning), memory);
            }
            else if (ownerBefore.Match(sentence, k.Index) is { Success: true } owner)
            {
                // "SDF rejects BBC report": the report is what the verb's subject answers, not a speaker of its own.
                if (!IsObjectOf(sentence, lastVerbEnd, owner.Index))
                    Add(found, owner.Groups["m"], owner.Index, end, memory);
            }
            else if (byAfter.Match(sentence, end) is { Success: true } by)
            {
                Add(found, by.Groups["m"], k.Index, by.Index + by.Length, memory);
            }
        }
        // "Coalition: about 100 IS fighters still inside" — a speaker and a colon open the sentence; in a
        // transcript the label is in capitals ("COL. DILLON:"), and one naming no one ("CALLER:") is no speaker.
        var colon = sentence.IndexOf(':');
        if (found.Count == 0 && colon is > 0 and < 40)
        {
            if (IsCapitalsLabel(sentence.AsSpan(0, colon)))
            {
                var labelled = LabelSpeaker(sentence[..colon], memory);
                memory.Label = (true, labelled);
                if (labelled is not null)
                    Record(found, new SpeakerMention(0, colon + 1, sentence[..colon], labelled), memory);
            }
            else if (colon > 1 && speakerColon.Match(sentence, 0) is { Success: true } label)
                Add(found, label.Groups["m"], 0, label.Index + label.Length, memory);
        }
        // "Foreign fighters left Raqqa: official" — a headline's source after a colon or dash at its end.
        if (found.Count == 0 && LabelStart(sentence) is var labelAt && labelAt > 0 && trailingLabel.Match(sentence, labelAt) is { Success: true } tail)
            Add(found, tail.Groups["m"], tail.Index, sentence.Length, memory);
        found.Sort((a, b) => a.Start.CompareTo(b.Start));
        return found;
    }

    /// <summary>A label in capitals: letters, spaces and dots, no lower-case letter ("COL. RYAN DILLON").</summary>
    private static bool IsCapitalsLabel(ReadOnlySpan<char> label)
    {
        var letters = 0;
        foreach (var c in label)
        {
            if (char.IsLower(c) || !(char.IsLetter(c) || c is ' ' or '.' or '-' or '\'' or '’'))
                return false;
            letters += char.IsLetter(c) ? 1 : 0;
        }
        return letters > 0;
    }

    /// <summary>
    /// Who a capitalised transcript label names: a known alias as written ("SDF"), else the name without its
    /// titles in ordinary case ("COL. DILLON" is Dillon, "AZAD BOTAN" is Azad Botan); null when it names no one.
    /// </summary>
    private string? LabelSpeaker(string label, SpeakerMemory memory)
    {
        var trimmed = label.Trim();
        if (aliases.TryGetValue(trimmed, out var known))
            return Remember(known, memory);
        var words = trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !titleWords.Contains(w.TrimEnd('.'))).ToList();
        // "Q:" and "A:" are the question and the answer, not anyone's initials.
        if (words.Count == 0 || (words.Count == 1 && words[0].Length == 1))
            return null;
        var name = string.Join(' ', words.Select(w => w.Length > 1 ? char.ToUpperInvariant(w[0]) + w[1..].ToLowerInvariant() : w));
        // The article reader takes a paragraph's first "NAME NAME:" for a dateline ("BEIRUT:"), which is no speaker;
        // in a transcript it is a label: a name of two words or more that is no place speaks.
        if (words.Count > 1 && memory.NotSpeakers.Contains(name) && !ContainsPlace(name))
            return RememberPerson(name, memory);
        return Resolve(name, memory);
    }

    /// <summary>
    /// Whether the word before a verb could end a speaker's mention (or an adverb, appositive or
    /// parenthesis could stand between): a capitalised word, a pronoun, the end of an alias or of a
    /// descriptor ("officials", "spokesman"). Saves the full backwards match for "the city said".
    /// </summary>
    private bool MayEndMention(string sentence, int verbIndex)
    {
        var i = verbIndex - 1;
        while (i >= 0 && char.IsWhiteSpace(sentence[i]))
            i--;
        if (i < 0)
            return false;
        if (!char.IsLetter(sentence[i]))
            return sentence[i] is ',' or ')' or '.';
        // "an SDF commander who asked not to be named told …": a modifier may stand between.
        var window = sentence.AsSpan(Math.Max(0, verbIndex - 70), Math.Min(70, verbIndex));
        if (modifierCue.IsMatch(window))
            return true;
        var end = i + 1;
        while (i >= 0 && (char.IsLetter(sentence[i]) || sentence[i] is '-' or '\'' or '’' or '.'))
            i--;
        var word = sentence.AsSpan(i + 1, end - i - 1);
        // "as" ends "was quoted as saying", an adverb phrase of the vocabulary.
        if (char.IsUpper(word[0]) || word.EndsWith("ly", StringComparison.Ordinal) || adverbWords.Contains(word) || mentionEndings.Contains(word) || roleWords.Contains(word)
            || word is "as")
            return true;
        foreach (var d in descriptorWords)
        {
            if (word.EndsWith(d, StringComparison.OrdinalIgnoreCase) || d.AsSpan().StartsWith(word, StringComparison.OrdinalIgnoreCase))
                return true;
        }
        return false;
    }


    /// <summary>
    /// The quoted stretches of a sentence. A closing mark with no opening one closes a quotation the sentence
    /// began inside of; an opening mark never closed runs to the end. Null when the sentence has no quote mark.
    /// </summary>
    private static List<(int Start, int End)>? Quotations(string sentence)
    {
        if (sentence.AsSpan().IndexOfAny("\"“”") < 0)
            return null;
        var ranges = new List<(int Start, int End)>();
        var open = -1;
        for (var i = 0; i < sentence.Length; i++)
        {
            var c = sentence[i];
            if (c is not ('"' or '“' or '”'))
                continue;
            // A straight mark opens after a space or at the start, and closes after anything else.
            var opening = c == '“' || (c == '"' && (i == 0 || char.IsWhiteSpace(sentence[i - 1]) || sentence[i - 1] is '(' or '[' or '—' or '–'));
            if (opening && open < 0)
                open = i;
            else if (!opening)
            {
                ranges.Add((Math.Max(open, 0), i));
                open = -1;
            }
        }
        if (open >= 0)
            ranges.Add((open, sentence.Length));
        return ranges;
    }

    private static bool IsInside(List<(int Start, int End)> ranges, int at) => ranges.Exists(r => r.Start < at && at < r.End);

    /// <summary>
    /// A possessive right before a word ("the UN's estimate", "by his own count"): where it starts, and for a
    /// possessive pronoun the pronoun it stands for ("his" is "he"). Null when the word follows none.
    /// </summary>
    private (int Start, string? Pronoun)? PossessiveBefore(string sentence, int wordStart)
    {
        var (start, end) = WordBefore(sentence, wordStart);
        if (start < 0)
            return null;
        if (sentence.AsSpan(start, end - start).Equals("own", StringComparison.OrdinalIgnoreCase))
            (start, end) = WordBefore(sentence, start);
        if (start < 0)
            return null;
        var word = sentence.AsSpan(start, end - start);
        if (word.EndsWith("'s", StringComparison.Ordinal) || word.EndsWith("’s", StringComparison.Ordinal))
            return (start, null);
        string? pronoun = word switch
        {
            "his" or "His" => "he",
            "her" or "Her" => "she",
            "its" or "Its" => "it",
            "their" or "Their" => "they",
            _ => null,
        };
        return pronoun is not null && pronouns.Contains(pronoun) ? (start, pronoun) : null;
    }

    /// <summary>The word (letters and apostrophes) ending just before <paramref name="at"/> across spaces, or (-1, -1).</summary>
    private static (int Start, int End) WordBefore(string sentence, int at)
    {
        var end = at;
        while (end > 0 && sentence[end - 1] == ' ')
            end--;
        var start = end;
        while (start > 0 && (char.IsLetter(sentence[start - 1]) || sentence[start - 1] is '\'' or '’' or '.' or '-'))
            start--;
        return start < end && end < at ? (start, end) : (-1, -1);
    }

    private static bool IsFormOfBe(ReadOnlySpan<char> word) =>
        word is "is" or "are" or "was" or "were" or "be" or "been" or "being";

    /// <summary>Whether a mention stands right after the last attribution verb, as its object ("rejects BBC report").</summary>
    private static bool IsObjectOf(string sentence, int verbEnd, int mentionStart) =>
        verbEnd >= 0 && verbEnd <= mentionStart && sentence.AsSpan(verbEnd, mentionStart - verbEnd).IsWhiteSpace();

    private static bool IsParticipleAfterComma(string sentence, Keyword k)
    {
        if (!sentence.AsSpan(k.Index, k.Length).EndsWith("ing", StringComparison.Ordinal))
            return false;
        var i = k.Index - 1;
        while (i >= 0 && sentence[i] == ' ')
            i--;
        return i >= 0 && sentence[i] == ',';
    }

    /// <summary>"said Omar Alloush, …": a name after the verb ends its clause within a few words.</summary>
    private static bool ClauseEndsSoon(string sentence, int from)
    {
        var limit = Math.Min(sentence.Length, from + 60);
        for (var i = from; i < limit; i++)
        {
            if (sentence[i] is ',' or '.' or ';' or ':' or '(')
                return true;
        }
        return limit == sentence.Length;
    }

    private static string LastWord(string phrase) => phrase.Trim().Split(' ')[^1];

    /// <summary>
    /// The last resort, asked only for a sentence that makes a claim and names no speaker by the usual
    /// forms: one that opens with a speaker and attributes later on ("Activists inside the city gave
    /// a different account, saying …").
    /// </summary>
    public SpeakerMention? FindOpeningSubject(string sentence, SpeakerMemory memory)
    {
        if (subjectFirst.Match(sentence, 0) is not { Success: true } subject)
            return null;
        var end = subject.Index + subject.Length;
        var verb = Keywords(sentence).FirstOrDefault(k => k.Kind == KeywordKind.Verb && k.Index >= end);
        if (verb.Length == 0 || verb.Index - end > 80 || sentence.AsSpan(end, verb.Index - end).IndexOfAny("\"“”") >= 0)
            return null;
        // "Government troops … are reported to be pushing south": a speech verb in the passive names no speaker.
        if (WordBefore(sentence, verb.Index) is { Start: >= 0 } be && IsFormOfBe(sentence.AsSpan(be.Start, be.End - be.Start)))
            return null;
        var found = new List<SpeakerMention>();
        return Add(found, subject.Groups["m"], subject.Index, verb.Index + verb.Length, memory) ? found[0] : null;
    }

    private enum KeywordKind { Verb, Source, Report }

    private readonly record struct Keyword(int Index, int Length, KeywordKind Kind);


    /// <summary>"according to X", and "according to figures compiled by X", "to the numbers of X": the figures are X's.</summary>
    [GeneratedRegex(@"\G\s+to\b(?:\s+(?:the\s+)?(?:figures|numbers|lists?|data|estimates?|counts?|records|tallies)\s+(?:(?:compiled|kept|released|published|gathered|collected|provided|issued|drawn\s+up)\s+)?(?:by|of|from)\b)?")]
    private static partial Regex AccordingTail();

    [GeneratedRegex(@"\G\s+the\s+(?:count|tally|estimate)\s+of\b")]
    private static partial Regex ByTheCountTail();

    [GeneratedRegex(@"\G\s+(?:from|by)\b")]
    private static partial Regex FiguresTail();

    /// <summary>
    /// The words an attribution can hang from — an attribution verb, "according to", "statement" —
    /// found by reading the sentence word by word: much cheaper than one regex over a long alternation.
    /// Verbs are matched in lower case, as they stand in running text.
    /// </summary>
    private List<Keyword> Keywords(string sentence)
    {
        var keywords = new List<Keyword>();
        for (var i = 0; i < sentence.Length;)
        {
            if (!char.IsLetter(sentence[i]))
            {
                i++;
                continue;
            }
            var start = i;
            while (i < sentence.Length && char.IsLetter(sentence[i]))
                i++;
            if ((start > 0 && char.IsDigit(sentence[start - 1])) || (i < sentence.Length && char.IsDigit(sentence[i])))
                continue;
            var word = sentence.AsSpan(start, i - start);
            var tail = word switch
            {
                "according" or "According" => AccordingTail().Match(sentence, i),
                "by" or "By" => ByTheCountTail().Match(sentence, i),
                "figures" or "Figures" or "data" or "Data" => FiguresTail().Match(sentence, i),
                _ => null,
            };
            if (tail is { Success: true })
                keywords.Add(new Keyword(start, tail.Index + tail.Length - start, KeywordKind.Source));
            else if (verbWords.Contains(word))
                keywords.Add(new Keyword(start, i - start, KeywordKind.Verb));
            else if (reportWords.Contains(word))
                keywords.Add(new Keyword(start, i - start, KeywordKind.Report));
        }
        return keywords;
    }

    /// <summary>
    /// "The spokesman, Talal Silo, said": a role, then the person's name between commas; the name is the
    /// speaker. Null when the words between the commas are not a name of two to four capitalised words.
    /// </summary>
    private (string Value, int Index)? NamedInAppositive(Match before)
    {
        var app = before.Groups["app"];
        if (!app.Success)
            return null;
        var inner = app.Value.AsSpan().Trim().Trim(',').Trim();
        if (inner.IsEmpty)
            return null;
        var offset = app.Value.IndexOf(inner[0]);
        var name = inner.ToString();
        return name.Contains(' ') && trailingPerson.Match(name) is { Success: true, Index: 0 } person && person.Length == name.Length
            && !trailingPerson.Match(before.Groups["m"].Value.Trim()).Success
            ? (name, app.Index + offset)
            : null;
    }

    /// <summary>"X, identified only as Jamal Abu Hamza, said", "X who gave his name as …": the name given between speaker and verb.</summary>
    private (string Value, int Index)? GivenName(string sentence, Match before)
    {
        var mention = before.Groups["m"];
        var from = mention.Index + mention.Length;
        var end = before.Index + before.Length;
        if (end - from < 12)
            return null;
        var given = givenName.Match(sentence, from, end - from);
        return given.Success ? (given.Groups["person"].Value, given.Groups["person"].Index) : null;
    }

    /// <param name="bareName">Whether an unknown single capitalised word counts: only right next to the verb ("Heller said").</param>
    private bool Add(List<SpeakerMention> found, Group mention, int start, int end, SpeakerMemory memory, bool bareName = false) =>
        Add(found, mention.Value, mention.Index, start, end, memory, bareName);

    private bool Add(List<SpeakerMention> found, string mention, int index, int start, int end, SpeakerMemory memory, bool bareName = false)
    {
        var asWritten = mention.Trim();
        var canonical = Resolve(asWritten, memory, bareName, memory.SentenceStart + index);
        if (canonical is null)
            return false;
        foreach (var f in found)
        {
            if (f.Start <= index && index < f.End)
                return true;
        }
        Record(found, new SpeakerMention(start, end, asWritten, canonical), memory);
        return true;
    }

    private void Record(List<SpeakerMention> found, SpeakerMention mention, SpeakerMemory memory)
    {
        found.Add(mention);
        memory.LastSpeaker = mention.Canonical;
        memory.LastSpeakerAsWritten = mention.AsWritten;
        if (IsOrganisation(mention.Canonical, memory))
            memory.LastOrganisation = mention.Canonical;
        else if (memory.Roles.OrganisationOf(mention.Canonical) is { } employer)
            memory.LastOrganisation = employer;
    }

    private bool IsOrganisation(string canonical, SpeakerMemory memory) =>
        organisationNames.Contains(canonical) || memory.Organisations.ContainsKey(canonical);

    /// <summary>A pronoun standing right before the verb ("he said", "she told"), or null.</summary>
    private (int Start, string Value)? PronounBefore(string sentence, int verbIndex)
    {
        var end = verbIndex;
        while (end > 0 && sentence[end - 1] == ' ')
            end--;
        var start = end;
        while (start > 0 && char.IsLetter(sentence[start - 1]))
            start--;
        if (start == end || end == verbIndex || (start > 0 && char.IsLetterOrDigit(sentence[start - 1])))
            return null;
        var word = sentence[start..end];
        return pronouns.Contains(word) ? (start, word) : null;
    }

    /// <summary>The canonical speaker for a mention, or null when it names no one we can attribute to.</summary>
    /// <param name="at">Where the mention stands in the article, to place it among the article's roles; -1 when unknown.</param>
    public string? Resolve(string asWritten, SpeakerMemory memory, bool bareName = false, int at = -1)
    {
        var text = Collapse(asWritten);
        if (pronouns.Contains(text))
            return text.Equals("he", StringComparison.OrdinalIgnoreCase) || text.Equals("she", StringComparison.OrdinalIgnoreCase)
                ? memory.LastPerson ?? PersonNamedBefore(memory) ?? memory.LastSpeaker
                : text.Equals("it", StringComparison.OrdinalIgnoreCase)
                    ? memory.LastOrganisation ?? memory.LastSpeaker ?? memory.LastPerson
                    : memory.LastSpeaker ?? memory.LastPerson;
        // "the official" points back to the last speaker, "the group" to the last organisation; with none yet,
        // either may still name someone ("the council").
        if (anaphors.Contains(text) && (memory.LastSpeaker ?? memory.LastPerson) is { } antecedent)
            return antecedent;
        if (organisationAnaphors.Contains(text)
            && (LastOrganisationCalled(LastWord(text), memory) ?? memory.LastOrganisation ?? memory.LastSpeaker ?? memory.LastPerson) is { } organisationBefore)
            return organisationBefore;
        var core = AfterOpening(Determiner(), AfterOpening(openingWords, text));
        if (core.Length == 0)
            return null;
        if (wireAgencies.Contains(core))
            return null;
        if (memory.Organisations.TryGetValue(core, out var named))
            return named;
        // "X, the head of the Observatory, said": the organisation stands inside X's role phrase.
        if (at >= 0 && memory.Roles.PersonAround(at) is { } holder && !IsPersonMention(core))
            return RememberPerson(holder, memory);
        if (memory.NotSpeakers.Contains(core))
            return null;
        if (aliases.TryGetValue(core, out var exact) || aliases.TryGetValue(text, out exact))
            return Remember(exact, memory);

        // A person named after a role ("SDF spokesman Mostafa Bali") is the person.
        var person = trailingPerson.Match(core);
        if (person.Success && person.Value.Contains(' '))
        {
            var name = PersonIn(StripTitles(person.Value));
            if (aliases.TryGetValue(name, out var known))
                return Remember(known, memory);
            // "Sheikh Ibrahim said": a title and one name, written in full elsewhere in the article.
            if (!name.Contains(' ') && FullNameInArticle(name, memory) is { } titled)
                return ResolveFullName(titled, memory);
            if (name.Contains(' '))
            {
                var surname = SurnameOf(name);
                if (memory.PeopleBySurname.TryGetValue(surname, out var earlier))
                    return RememberPerson(earlier, memory);
                memory.PeopleBySurname[surname] = name;
                return RememberPerson(name, memory);
            }
        }

        // A role ("a militia spokesman", "the head of the Observatory", "SDF commanders") is the person the
        // article names with that role, else the organisation it names, else an unnamed category.
        if (roleNoun.Match(core) is { Success: true } role && !ContainsPersonAlias(core))
        {
            var organisation = OrganisationIn(core) ?? OrganisationByNoun(core, memory);
            // "SDF officials said" speak for a body, not for one person who holds the role.
            var plural = RoleKey(role.Groups["role"].Value) != role.Groups["role"].Value.ToLowerInvariant()
                && !role.Groups["role"].Value.StartsWith("spokes", StringComparison.OrdinalIgnoreCase);
            if (!plural && memory.Roles.PersonFor(RoleKey(role.Groups["role"].Value), organisation, at) is { } holding)
                return RememberPerson(holding, memory);
            if (organisation is not null)
                return organisation;
            // "the official representative said", with no one of that role named: like "the official", it points back.
            if (!plural && text.StartsWith("the ", StringComparison.OrdinalIgnoreCase) && (memory.LastPerson ?? memory.LastSpeaker) is { } before)
                return before;
        }

        SpeakerEntry? contained = null;
        foreach (var (alias, speaker) in aliasesLongestFirst)
        {
            if (ContainsWord(core, alias) && (contained is null || (speaker.IsPerson && !contained.IsPerson)))
            {
                contained = speaker;
                if (speaker.IsPerson)
                    break;
            }
        }
        if (contained is not null)
            return Remember(contained, memory);

        if (!core.Contains(' ') && core.Length > 1 && char.IsUpper(core[0]))
        {
            if (memory.PeopleBySurname.TryGetValue(core, out var bySurname))
                return RememberPerson(bySurname, memory);
            if (FullNameInArticle(core, memory) is { } full)
                return ResolveFullName(full, memory);
            // An unknown single name right by the verb is a speaker too: most often a person ("Mahmoud said", so a
            // later "he said" is Mahmoud), sometimes an outlet ("Al-Manar said"); initials are an organisation's.
            if (core.All(char.IsUpper))
                return core;
            return bareName ? RememberPerson(core, memory) : null;
        }
        return core.Length > 0 ? core.ToLowerInvariant() : null;
    }

    /// <summary>
    /// The organisation last named, before the sentence being read, by a name holding <paramref name="noun"/>:
    /// "the council" is the Raqqa Civil Council even when a spokesman of the SDF spoke since. Null when none is.
    /// </summary>
    private string? LastOrganisationCalled(string noun, SpeakerMemory memory)
    {
        var before = Math.Min(memory.SentenceStart, memory.ArticleText.Length);
        (int At, string Name)? last = null;
        foreach (var (name, organisation) in OrganisationNames(memory))
        {
            if (ContainsWord(name, noun) && LastIndexOfWord(memory.ArticleText, name, before) is var at && at >= 0 && (last is null || at > last.Value.At))
                last = (at, organisation);
        }
        return last?.Name;
    }

    /// <summary>Every name an organisation goes by here, with the organisation: the rule set's aliases, longest first, then the article's own.</summary>
    private IEnumerable<(string Name, string Organisation)> OrganisationNames(SpeakerMemory memory)
    {
        foreach (var (alias, speaker) in organisationsLongestFirst)
            yield return (alias, speaker.Name);
        foreach (var (name, organisation) in memory.Organisations)
            yield return (name, organisation);
    }

    /// <summary>"a council member": the organisation last named with a noun the role phrase holds ("council"), if any.</summary>
    private string? OrganisationByNoun(string rolePhrase, SpeakerMemory memory)
    {
        foreach (var noun in organisationNouns)
        {
            if (ContainsWord(rolePhrase, noun) && LastOrganisationCalled(noun, memory) is { } organisation)
                return organisation;
        }
        return null;
    }

    /// <summary>
    /// "Abu Fawzi had driven a truck … he estimates": with no person yet a speaker, the last full name the narration
    /// gives before the sentence, that is no organisation's, place's or sentence opener's (nor "the National Hospital").
    /// </summary>
    private string? PersonNamedBefore(SpeakerMemory memory)
    {
        var before = Math.Min(memory.SentenceStart, memory.ArticleText.Length);
        for (var m = namedBefore.Match(memory.ArticleText, 0, before); m.Success; m = m.NextMatch())
        {
            // A name never runs across a line: "Raqqa\n\nAbu Fawzi" is a headline's last word and a name.
            var found = m.Groups["person"].Value;
            var name = StripTitles(found[(found.LastIndexOf('\n') + 1)..]);
            if (name.Contains(' ') && !openingWords.IsMatch(name) && OrganisationIn(name) is null && !ContainsPlace(name))
                return RememberPerson(aliases.TryGetValue(name, out var known) ? known.Name : name, memory);
        }
        return null;
    }

    private bool ContainsPlace(string name) => places.Any(p => ContainsWord(name, p));

    /// <summary>A full name written as such: a known alias resolves, an unknown one is remembered by its surname.</summary>
    private string ResolveFullName(string name, SpeakerMemory memory)
    {
        if (aliases.TryGetValue(name, out var known))
            return Remember(known, memory);
        memory.PeopleBySurname.TryAdd(SurnameOf(name), name);
        return RememberPerson(name, memory);
    }

    /// <summary>
    /// The full name a lone first name or surname stands for, from the article: the first place where the word
    /// stands next to another capitalised name word ("Ahmad al-Khalaf", "Kawa Amed"), that word being no title,
    /// place or sentence opener. Null when the article never writes it in full.
    /// </summary>
    private string? FullNameInArticle(string word, SpeakerMemory memory)
    {
        var text = memory.ArticleText;
        if (word.Length < 2)
            return null;
        for (var at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.Ordinal))
        {
            var end = at + word.Length;
            if ((at > 0 && char.IsLetter(text[at - 1])) || (end < text.Length && char.IsLetter(text[end])))
                continue;
            if (NameWordAfter(text, end) is { } surname)
                return word + " " + surname;
            // "Khatib" in "Hamad al-Khatib": the name word before the Arabic article.
            var particle = at >= 3 && StartsWithArabicArticle(text.AsSpan(at - 3, 3)) ? 3 : 0;
            if (NameWordBefore(text, at - particle) is { } first)
                return first + " " + text[(at - particle)..end];
        }
        return null;
    }

    /// <summary>The capitalised name word (with an Arabic article: "al-Khalaf") after one space at <paramref name="from"/>.</summary>
    private string? NameWordAfter(string text, int from)
    {
        if (from + 2 >= text.Length || text[from] != ' ')
            return null;
        var start = from + 1;
        var i = start;
        if (StartsWithArabicArticle(text.AsSpan(i)))
            i += 3;
        var wordStart = i;
        while (i < text.Length && (char.IsLetter(text[i]) || (text[i] is '-' or '\'' && i + 1 < text.Length && char.IsLetter(text[i + 1]))))
            i++;
        return IsNameWord(text, wordStart, i) ? text[start..i] : null;
    }

    /// <summary>The capitalised name word before one space ending at <paramref name="to"/>.</summary>
    private string? NameWordBefore(string text, int to)
    {
        if (to < 2 || text[to - 1] != ' ')
            return null;
        var i = to - 1;
        while (i > 0 && char.IsLetter(text[i - 1]))
            i--;
        return IsNameWord(text, i, to - 1) && (i == 0 || !char.IsLetterOrDigit(text[i - 1])) ? text[i..(to - 1)] : null;
    }

    private bool IsNameWord(string text, int start, int end)
    {
        if (end - start < 2 || !char.IsUpper(text[start]) || !char.IsLower(text[start + 1]))
            return false;
        var word = text[start..end];
        return !title.IsMatch(word + " ") && !openingWords.IsMatch(word) && !aliases.ContainsKey(word);
    }

    private bool ContainsPersonAlias(string phrase) =>
        aliasesLongestFirst.Any(a => a.Speaker.IsPerson && ContainsWord(phrase, a.Alias));

    /// <summary>Whether a mention is a person's name (an alias of a person, or capitalised words not an organisation's).</summary>
    private bool IsPersonMention(string core) =>
        aliases.TryGetValue(core, out var entry) ? entry.IsPerson : trailingPerson.Match(core) is { Success: true } p && p.Value == core && OrganisationIn(core) is null;

    /// <summary>
    /// The person in a run of capitalised words that may open with an organisation's name or end with a
    /// known alias: "Raqqa Civil Council Omar Allouch" is Omar Allouch.
    /// </summary>
    private string PersonIn(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var take = Math.Min(4, words.Length - 1); take >= 1; take--)
        {
            var tail = string.Join(' ', words[^take..]);
            if (aliases.TryGetValue(tail, out var entry) && entry.IsPerson)
                return tail;
        }
        foreach (var (alias, speaker) in organisationsLongestFirst)
        {
            if (name.StartsWith(alias + " ", StringComparison.OrdinalIgnoreCase))
                return name[(alias.Length + 1)..];
        }
        return name;
    }

    private static string Remember(SpeakerEntry speaker, SpeakerMemory memory)
    {
        if (!speaker.IsPerson)
            return speaker.Name;
        memory.PeopleBySurname[SurnameOf(speaker.Name)] = speaker.Name;
        return RememberPerson(speaker.Name, memory);
    }

    private static string RememberPerson(string name, SpeakerMemory memory)
    {
        memory.LastPerson = name;
        return name;
    }

    /// <summary>"al-" or "el-", as in "al-Khalaf".</summary>
    private static bool StartsWithArabicArticle(ReadOnlySpan<char> text) =>
        text.StartsWith("al-", StringComparison.OrdinalIgnoreCase) || text.StartsWith("el-", StringComparison.OrdinalIgnoreCase);

    /// <summary>The last word of a name without an Arabic article: "Ibrahim Hassan al-Khalaf" is "Khalaf" later on.</summary>
    private static string SurnameOf(string name)
    {
        var last = name[(name.LastIndexOf(' ') + 1)..];
        return last.Length > 3 && StartsWithArabicArticle(last)
            ? last[3..]
            : last;
    }

    private string StripTitles(string name) => AfterOpening(title, name).Trim();

    /// <summary>The text after what <paramref name="opening"/> (anchored at the start) matches there; a replacement's scan and copy for the common miss saved.</summary>
    private static string AfterOpening(Regex opening, string text) =>
        opening.Match(text) is { Success: true, Length: > 0 } m ? text[m.Length..] : text;

    /// <summary>Runs of white space as one space, trimmed; most mentions already are, and are returned as they stand.</summary>
    private static string Collapse(string text)
    {
        var plain = text.Length > 0 && text[0] != ' ' && text[^1] != ' ';
        for (var i = 0; plain && i < text.Length; i++)
            plain = !char.IsWhiteSpace(text[i]) || (text[i] == ' ' && text[i - 1] != ' ');
        return plain ? text : Whitespace().Replace(text, " ").Trim();
    }

    /// <summary>Whether <paramref name="word"/> stands in <paramref name="text"/> as a whole word, in any case.</summary>
    private static bool ContainsWord(string text, string word) => IndexOfWord(text, word) >= 0;

    /// <summary>Where <paramref name="word"/> last stands in <paramref name="text"/> as a whole word before <paramref name="before"/>, in any case; -1 if nowhere.</summary>
    private static int LastIndexOfWord(string text, string word, int before)
    {
        for (var at = before - word.Length; at >= 0; at--)
        {
            at = text.LastIndexOf(word, at + word.Length - 1, at + word.Length, StringComparison.OrdinalIgnoreCase);
            if (at < 0)
                return -1;
            var end = at + word.Length;
            if ((at == 0 || !char.IsLetterOrDigit(text[at - 1])) && (end == text.Length || !char.IsLetterOrDigit(text[end])))
                return at;
        }
        return -1;
    }

    /// <summary>Where <paramref name="word"/> first stands in <paramref name="text"/> as a whole word, in any case; -1 if nowhere.</summary>
    private static int IndexOfWord(string text, string word)
    {
        for (var at = text.IndexOf(word, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            var end = at + word.Length;
            if ((at == 0 || !char.IsLetterOrDigit(text[at - 1])) && (end == text.Length || !char.IsLetterOrDigit(text[end])))
                return at;
        }
        return -1;
    }



    [GeneratedRegex(@"^(?:the|a|an|one)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex Determiner();



    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
