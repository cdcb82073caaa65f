using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using RaqqaLedger.Domain.Articles;
using RaqqaLedger.Domain.Claims;
using RaqqaLedger.Domain.Events;
using RaqqaLedger.Extraction.Attribution;
using RaqqaLedger.Extraction.Frames;
using RaqqaLedger.Extraction.Numbers;
using RaqqaLedger.Extraction.Rules;
using RaqqaLedger.Extraction.Text;

namespace RaqqaLedger.Extraction;

/// <summary>
/// Runs a rule set over an article and returns its claims as claim-extracted events. Pure and
/// deterministic: the same article under the same rules gives the same claims, ids and order.
/// </summary>
public sealed partial class ClaimExtractor
{
    private readonly RuleSet rules;
    private readonly SpeakerFinder speakers;
    private readonly Regex negationCue;
    private readonly Regex denialCue;
    private readonly Regex conditionCue;

    public ClaimExtractor(RuleSet rules)
    {
        this.rules = rules;
        speakers = new SpeakerFinder(rules);
        negationCue = WordsRegex(rules.Negation.Cues);
        denialCue = WordsRegex(rules.Negation.Denials);
        conditionCue = WordsRegex(rules.Negation.Conditions);
    }

    public RuleSet Rules => rules;

    private static Regex WordsRegex(IEnumerable<string> words) =>
        new(string.Join('|', words.Select(c => (char.IsLetter(c[0]) ? @"\b" : "") + Regex.Escape(c) + @"\b").DefaultIfEmpty("(?!)")), RuleSetCompiler.PatternOptions);

    /// <summary>
    /// Why the rules will not read this article, or null when they will: they are written for English, and
    /// an article in another language is recorded but not read, rather than read and found to say nothing.
    /// An article recorded before languages were detected is judged from its text.
    /// </summary>
    public static string? SkipReason(ArticleIngested article)
    {
        var language = article.Language ?? LanguageDetector.Detect(article.Text);
        return language is LanguageDetector.English or LanguageDetector.Undetermined
            ? null
            : $"not extracted: the article is in another language ({language}) and the rules read English";
    }

    public IReadOnlyList<ClaimExtracted> Extract(ArticleIngested article)
    {
        return SkipReason(article) is null ? ClaimsIn(article) : [];
    }

    private List<ClaimExtracted> ClaimsIn(ArticleIngested article)
    {
        var skip = article.Boilerplate.Select(b => b.Line - 1).ToHashSet();
        var visible = VisibleText.Of(article.Text);
        var sentences = SentenceSplitter.Split(visible.Text, skip);

        // First every rule hit, which needs no speakers; then speakers, read sentence by sentence up
        // to the last sentence with a hit (attributions carry over: "he added" needs the sentences before).
        var found = FindCandidates(sentences);
        var memory = new SpeakerMemory { Roles = speakers.ReadRoles(visible.Text), ArticleText = visible.Text };
        speakers.ReadOrganisations(visible.Text, memory);
        memory.Issuer = speakers.IssuerOf(visible.Text, memory);
        if (article.Dateline is { } dateline)
            memory.NotSpeakers.Add(dateline.Place.Split(',')[0].Trim());
        var claims = new List<ClaimExtracted>();
        var seen = new HashSet<(string Topic, ClaimValue Value, string? Speaker, string Sentence)>();
        var next = 0;
        // A transcript's label ("BALI: Yes. Our forces control the city.") speaks for the rest of its paragraph.
        (int Line, string? Speaker) labelVoice = (-1, null);
        for (var s = 0; s < sentences.Count && next < found.Count; s++)
        {
            var text = sentences[s].Text;
            var speakerBefore = memory.LastSpeaker;
            var speakerAsWrittenBefore = memory.LastSpeakerAsWritten;
            memory.SentenceStart = sentences[s].Start;
            var mentions = speakers.Find(text, memory, out var hasVerb);
            if (memory.Label.Read)
                labelVoice = (sentences[s].Line, memory.Label.Speaker);
            if (found[next].Sentence != s)
                continue;
            var openingSubjectTried = !hasVerb;
            var eventDate = EventDates.Find(text, article.Published.Date);
            var ordinals = new Dictionary<string, int>(StringComparer.Ordinal);
            for (; next < found.Count && found[next].Sentence == s; next++)
            {
                var (_, topic, rule, hit, value) = found[next];
                if (mentions.Count == 0 && !openingSubjectTried)
                {
                    openingSubjectTried = true;
                    if (speakers.FindOpeningSubject(text, memory) is { } opening)
                        mentions.Add(opening);
                }
                var plainVoice = labelVoice.Line == sentences[s].Line ? labelVoice.Speaker : memory.Issuer;
                var (speaker, asWritten) = SpeakerFor(hit, mentions, text, speakerBefore, speakerAsWrittenBefore, plainVoice);
                if (!seen.Add((topic.Id, value, speaker, text)))
                    continue; // the same claim by the same speaker in the same words: a repeated headline, a reprinted paragraph
                var ordinal = ordinals.GetValueOrDefault(topic.Id);
                ordinals[topic.Id] = ordinal + 1;
                var span = visible.StoredSpan(sentences[s].Start, sentences[s].Length);
                claims.Add(new ClaimExtracted(
                    ClaimIdOf(article.ArticleId, topic.Id, span.Start, ordinal),
                    article.ArticleId, topic.Id, value, speaker, asWritten, text, span, eventDate, rule.Id, rules.Version));
            }
        }
        return claims;
    }

    private readonly record struct Candidate(int Sentence, CompiledTopic Topic, CompiledRule Rule, RuleHit Hit, ClaimValue Value);

    /// <summary>Every rule hit with its value, in sentence, topic, rule and position order.</summary>
    private List<Candidate> FindCandidates(List<Sentence> written)
    {
        // The rules read each sentence with its double quotation marks as spaces, so a quoted fragment does not break
        // a phrase ("is now \"100 percent\" under SDF control"); offsets stay the same, and values and clause
        // boundaries are read from the sentence as written.
        var sentences = written.ConvertAll(s => s with { Text = WithoutQuotationMarks(s.Text) });
        // Which text each sentence holds that the rules' gates ask for: one pass over the article.
        var keys = rules.Keys.Read(sentences.ConvertAll(x => x.Text));
        var topicsIn = TopicsBySentence(sentences, keys);
        var candidates = new List<Candidate>();
        var accepted = new List<(int Start, int End)>();
        var hits = new List<RuleHit>();
        var frameHits = new List<FrameHit>();
        CompiledRule? running = null;
        try
        {
            FindCandidates(written, sentences, keys, topicsIn, candidates, accepted, hits, frameHits, ref running);
        }
        catch (RegexMatchTimeoutException e)
        {
            // The last guard: a pattern the rule-set compiler let through that still ran away on this text.
            throw new InvalidRuleSetException($"rule '{running?.Id}' ran longer than {e.MatchTimeout.TotalSeconds:0} s on one sentence of this article; "
                + "the rule set needs that pattern fixed");
        }
        return candidates;
    }

    /// <summary>The loop of the above, telling it which rule is running should a pattern run out of time.</summary>
    private void FindCandidates(List<Sentence> written, List<Sentence> sentences, SentenceKeys keys, List<CompiledTopic>[] topicsIn, List<Candidate> candidates,
        List<(int Start, int End)> accepted, List<RuleHit> hits, List<FrameHit> frameHits, ref CompiledRule? running)
    {
        for (var s = 0; s < sentences.Count; s++)
        {
            var text = sentences[s].Text;
            var asWritten = written[s].Text;
            // A question asks; it does not report ("Were foreign fighters allowed to leave?").
            if (topicsIn[s].Count == 0 || IsQuestion(asWritten))
                continue;
            List<(int Start, int End)>? quantities = null;
            FrameSentence? read = null;
            foreach (var topic in topicsIn[s])
            {
                // A count needs a number in the sentence; a share may also be a fraction ("three-quarters").
                if (topic.Kind is TopicKind.Count or TopicKind.Percent)
                    quantities ??= Quantities(text, keys, s);
                if (topic.Kind == TopicKind.Count && quantities!.Count == 0)
                    continue;
                accepted.Clear();
                foreach (var rule in topic.Rules)
                {
                    if (!rule.Gate.Passes(keys, s))
                        continue;
                    running = rule;
                    if (rule.Frame is { } form)
                    {
                        read ??= rules.Frames.Read(text, quantities ??= Quantities(text, keys, s));
                        rules.Frames.Find(form, read, frameHits);
                        hits.Clear();
                        foreach (var h in frameHits)
                            hits.Add(new RuleHit(h.Index, h.Length, h.QuantityIndex, h.Quantity, VerbsOf(h.Verb)));
                    }
                    else
                    {
                        Hits(rule, text, quantities, hits);
                    }
                    // Cheaper to ask once a rule has matched than of every sentence it might match in.
                    if (hits.Count > 0 && (rule.Unless?.IsMatch(text, keys, s) == true
                        || (rule.Context is not null && !InContext(rule.Context, rule.ContextSentences, sentences, keys, s))))
                        continue;
                    foreach (var hit in hits)
                    {
                        // Earlier rules of a topic win: "IS holds 10%" is not also "holds 10%".
                        if (Overlaps(accepted, hit.Index, hit.Index + hit.Length))
                            continue;
                        var value = ValueOf(topic, rule, hit, asWritten);
                        if (value is null || Before(rules.Negation.Uncertainty, asWritten, hit.Index))
                            continue;
                        accepted.Add((hit.Index, hit.Index + hit.Length));
                        candidates.Add(new Candidate(s, topic, rule, hit, value));
                    }
                }
            }
        }
    }

    /// <summary>The topics whose cue occurs in each sentence; a cue shared by several topics is asked once.</summary>
    private List<CompiledTopic>[] TopicsBySentence(List<Sentence> sentences, SentenceKeys keys)
    {
        var topics = new List<CompiledTopic>[sentences.Count];
        for (var i = 0; i < topics.Length; i++)
            topics[i] = [];
        var sentencesByCue = new Dictionary<GatedPattern, List<int>>(ReferenceEqualityComparer.Instance);
        foreach (var topic in rules.Topics)
        {
            if (topic.Cue is not { } cue)
            {
                foreach (var list in topics)
                    list.Add(topic);
                continue;
            }
            if (!sentencesByCue.TryGetValue(cue, out var cued))
            {
                sentencesByCue[cue] = cued = [];
                for (var i = 0; i < sentences.Count; i++)
                {
                    if (cue.IsMatch(sentences[i].Text, keys, i))
                        cued.Add(i);
                }
            }
            foreach (var i in cued)
                topics[i].Add(topic);
        }
        return topics;
    }

    private static string WithoutQuotationMarks(string sentence) =>
        sentence.AsSpan().IndexOfAny(QuotationMarks) < 0 ? sentence : string.Create(sentence.Length, sentence, static (span, text) =>
        {
            text.AsSpan().CopyTo(span);
            span.ReplaceAny(QuotationMarks, ' ');
        });

    private static readonly System.Buffers.SearchValues<char> QuotationMarks = System.Buffers.SearchValues.Create("\"“”«»„");

    private static bool IsQuestion(string sentence)
    {
        var end = sentence.AsSpan().TrimEnd().TrimEnd("\"”’')]");
        return end.Length > 0 && end[^1] == '?';
    }

    private static bool Overlaps(List<(int Start, int End)> spans, int start, int end)
    {
        foreach (var span in spans)
        {
            if (start < span.End && span.Start < end)
                return true;
        }
        return false;
    }

    /// <summary>Every quantity in the sentence, found once and shared by all number rules; none where no digit or number word stands.</summary>
    private List<(int Start, int End)> Quantities(string text, SentenceKeys keys, int sentence)
    {
        if (!rules.QuantityGate.Passes(keys, sentence))
            return [];
        var found = rules.Quantities.FindAll(text, 0, text.Length);
        var spans = new List<(int Start, int End)>(found.Count);
        foreach (var q in found)
            spans.Add((q.Start, q.Start + q.Length));
        return spans;
    }

    /// <summary>A hand-written rule's matches, left to right. A rule holding a quantity runs only around the quantities found.</summary>
    private static void Hits(CompiledRule rule, string text, List<(int Start, int End)>? quantities, List<RuleHit> into)
    {
        into.Clear();
        if (rule.Anchor is { } anchor && quantities is not null)
        {
            foreach (var (start, end) in quantities)
                AddSplit(anchor, text, start, end, start, text[start..end], into);
            return;
        }
        for (var m = rule.Pattern!.Match(text); m.Success; m = m.NextMatch())
        {
            var q = m.Groups["q"];
            into.Add(new RuleHit(m.Index, m.Length, q.Success ? q.Index : -1, q.Success ? q.Value : null, VerbsOf(m)));
        }
    }

    private static Verbs VerbsOf(ChainWord chain) =>
        ((chain & ChainWord.Negation) != 0 ? Verbs.Negated : Verbs.None)
        | ((chain & ChainWord.Planned) != 0 ? Verbs.Planned : Verbs.None)
        | ((chain & ChainWord.Doubt) != 0 ? Verbs.Doubted : Verbs.None)
        | ((chain & ChainWord.Permission) != 0 ? Verbs.Permitted : Verbs.None);

    /// <summary>A split pattern tried at one anchor: its first half right to left from <paramref name="start"/>, its second from <paramref name="end"/>.</summary>
    private static void AddSplit(SplitPattern split, string text, int start, int end, int quantityIndex, string? quantity, List<RuleHit> into)
    {
        var before = split.Before?.Match(text, start);
        if (before is { Success: false })
            return;
        var after = split.After.Match(text, end);
        if (!after.Success)
            return;
        var from = before?.Index ?? start;
        into.Add(new RuleHit(from, after.Index + after.Length - from, quantityIndex, quantity,
            VerbsOf(after) | (before is null ? Verbs.None : VerbsOf(before))));
    }

    /// <summary>What a verb group said about the event besides naming it.</summary>
    [Flags]
    private enum Verbs
    {
        None = 0,
        /// <summary>not, never, -n't, or a rule's own neg group.</summary>
        Negated = 1,
        /// <summary>will, would, expected to: the event is planned, not reported as done.</summary>
        Planned = 2,
        /// <summary>may, might: the text does not stand behind it.</summary>
        Doubted = 4,
        /// <summary>allowed to, permitted to, or a permission verb's object ("allowed 275 fighters to leave").</summary>
        Permitted = 8,
    }

    private static Verbs VerbsOf(Match m) =>
        (m.Groups["neg"].Success ? Verbs.Negated : Verbs.None)
        | (m.Groups["planned"].Success ? Verbs.Planned : Verbs.None)
        | (m.Groups["doubt"].Success ? Verbs.Doubted : Verbs.None);

    /// <summary>Where a rule matched, the quantity it read, and what its verb group said (negated, planned, doubted).</summary>
    private readonly record struct RuleHit(int Index, int Length, int QuantityIndex, string? Quantity, Verbs Verbs)
    {
        public bool Negated => (Verbs & Verbs.Negated) != 0;
    }

    /// <summary>
    /// Stable across rule changes that keep the claim in the same sentence, so a changed value or
    /// speaker is a revision of the same claim, not a retraction and a new one.
    /// </summary>
    public static string ClaimIdOf(string articleId, string topic, int sentenceStart, int ordinal)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{articleId}|{topic}|{sentenceStart}|{ordinal}"));
        return "c-" + Convert.ToHexStringLower(hash.AsSpan(0, 12));
    }

    private ClaimValue? ValueOf(CompiledTopic topic, CompiledRule rule, RuleHit m, string text)
    {
        // "may have left": no claim; "would leave": a claim only where the rule reads plans as claims;
        // "until the whole city is cleared": a condition, not a report.
        if ((m.Verbs & Verbs.Doubted) != 0 || ((m.Verbs & Verbs.Planned) != 0 && !rule.AllowsPlanned)
            || (rule.NeedsPermission && (m.Verbs & Verbs.Permitted) == 0)
            || (rule.Frame is not null && JustBefore(conditionCue, text, m.Index)))
            return null;
        // "denied that …", "… had left was wrong": the text takes the claim back.
        var denied = Before(denialCue, text, m.Index) || rules.Negation.Retraction?.Match(text, m.Index + m.Length).Success == true;
        switch (topic.Kind)
        {
            case TopicKind.YesNo:
                return m.Negated || denied || NegatedBefore(rule, text, m.Index) ? ClaimValue.Yes(rule.FixedValue!.Flag != true) : rule.FixedValue;
            case TopicKind.Category:
                return m.Negated || denied || NegatedBefore(rule, text, m.Index) ? null : rule.FixedValue;
            default:
                // "did not leave", "denied that 4,000 fighters left": no number is claimed.
                if (m.Negated || denied)
                    return null;
                if (rule.FixedValue is { } stated)
                    return NegatedBefore(rule, text, m.Index) ? null : stated;
                if (m.Quantity is null || PartOf().IsMatch(text.AsSpan(0, m.QuantityIndex)))
                    return null;
                // A share may be a fraction ("a tenth", "one tenth"), which the number grammar would read as one.
                var read = topic.Kind == TopicKind.Percent ? QuantityFractions.ParsePercent(m.Quantity, rules.Quantities.Hedges) : null;
                if (read is null && rules.Quantities.Parse(m.Quantity) is { } parsed)
                    read = parsed.IsPercent == (topic.Kind == TopicKind.Percent) ? parsed.Quantity : null;
                if (read is null)
                    return null;
                var quantity = rule.Complement ? Complement(read) : read;
                return quantity is null ? null : ToValue(quantity);
        }
    }

    /// <summary>
    /// A negation cue before the match: for a hand-written rule anywhere shortly before in the clause ("denied
    /// that … human shields"); for a frame, whose verb group carries its own negation, only among the few
    /// words right before its first argument ("no foreign fighters", "not one foreigner"), so the "not" of
    /// another verb ("it had not been party to the talks, which were led by …") is left alone.
    /// </summary>
    private bool NegatedBefore(CompiledRule rule, string text, int matchStart) =>
        rule.Form is null ? Before(negationCue, text, matchStart) : JustBefore(negationCue, text, matchStart);

    /// <summary>Whether <paramref name="cue"/> occurs among the few words right before <paramref name="matchStart"/>, in its clause.</summary>
    private static bool JustBefore(Regex cue, string text, int matchStart)
    {
        var from = matchStart;
        for (var words = 0; words < AdjacentWords && from > 0; words++)
        {
            while (from > 0 && char.IsWhiteSpace(text[from - 1]))
                from--;
            while (from > 0 && !char.IsWhiteSpace(text[from - 1]) && text[from - 1] is not (',' or ';' or ':' or '"' or '“' or '”'))
                from--;
        }
        return from < matchStart && cue.IsMatch(text.AsSpan(from, matchStart - from));
    }

    /// <summary>How many words before a frame's argument may negate it: "not a single foreign fighter".</summary>
    private const int AdjacentWords = 3;

    /// <summary>Whether <paramref name="cue"/> occurs in the window before <paramref name="matchStart"/>, within its clause.</summary>
    private bool Before(Regex? cue, string text, int matchStart)
    {
        if (cue is null || matchStart == 0)
            return false;
        var from = Math.Max(0, matchStart - rules.Negation.Window);
        var clause = text.LastIndexOfAny([',', ';', ':', '—', '–', '"', '“', '”'], matchStart - 1, matchStart - from);
        if (clause >= 0)
            from = clause + 1;
        // "it had not taken part in the talks and that the terms excluded …": a new clause starts at the conjunction.
        if (ClauseStart().Match(text, from, matchStart - from) is { Success: true } conjunction)
            from = conjunction.Index + conjunction.Length;
        return from < matchStart && cue.IsMatch(text.AsSpan(from, matchStart - from));
    }

    /// <summary>The last conjunction that opens a new clause, in a window read right to left.</summary>
    [GeneratedRegex(@"\b(?:and|but|while|whereas|although|though|yet)\b", RegexOptions.IgnoreCase | RegexOptions.RightToLeft)]
    private static partial Regex ClauseStart();

    private static bool InContext(GatedPattern context, int before, List<Sentence> sentences, SentenceKeys keys, int index)
    {
        for (var i = Math.Max(0, index - before); i <= index; i++)
        {
            if (context.IsMatch(sentences[i].Text, keys, i))
                return true;
        }
        return false;
    }

    /// <summary>
    /// The attribution nearest the claim in its sentence; with none, a sentence wholly inside quotes
    /// continues the last speaker's words; otherwise it is the plain voice: a transcript label's on its paragraph,
    /// else the issuer's when the article is a release or statement, else the outlet's own (null).
    /// </summary>
    private static (string? Speaker, string? AsWritten) SpeakerFor(RuleHit claim, List<SpeakerMention> mentions, string text,
        string? speakerBefore, string? asWrittenBefore, string? plainVoice)
    {
        if (mentions.Count > 0)
        {
            // "X said CLAIM, and Y said …": a speaker just before the claim introduces it; otherwise the nearest.
            var introducing = mentions.LastOrDefault(a => a.End <= claim.Index && claim.Index - a.End <= IntroducedWithin);
            var speaker = introducing ?? mentions.MinBy(a => Distance(a.Start, a.End, claim.Index, claim.Index + claim.Length))!;
            return IsNarratedAfter(speaker, claim, text) ? (plainVoice, plainVoice) : (speaker.Canonical, speaker.AsWritten);
        }
        if (text.Length > 0 && text[0] is '"' or '“' or '\'' && speakerBefore is not null)
            return (speakerBefore, asWrittenBefore);
        return (plainVoice, plainVoice);
    }

    /// <summary>
    /// "US-backed forces announced the final phase of the battle on Sunday, after a group of foreign fighters left":
    /// a claim in an after- or before-clause that follows a speaker's verb and its object, with no reported clause
    /// of the speaker's own between ("saying it was beginning the last phase after …" has one), is the narration's.
    /// </summary>
    private static bool IsNarratedAfter(SpeakerMention speaker, RuleHit claim, string text)
    {
        if (speaker.End > claim.Index)
            return false;
        var temporal = TemporalClause().Match(text, speaker.End, claim.Index - speaker.End);
        return temporal.Success && !ReportedClause().IsMatch(text.AsSpan(speaker.End, temporal.Index - speaker.End));
    }

    [GeneratedRegex(@"\b(?:after|before)\s+(?:a|an|the|some|dozens|hundreds)\b", RegexOptions.IgnoreCase)]
    private static partial Regex TemporalClause();

    /// <summary>What opens a reported clause after a speech verb: "that", or an auxiliary of the clause's own verb.</summary>
    [GeneratedRegex(@"\b(?:that|is|are|was|were|had|has|have|would|will|could|can|did|does)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ReportedClause();

    /// <summary>"a quarter of a million", "half of the 300": the number is only part of the quantity.</summary>
    [GeneratedRegex(@"\b(?:quarter|half|third|fraction|part|share|percent|per\s+cent|%)\s+of\s+\z", RegexOptions.IgnoreCase | RegexOptions.RightToLeft)]
    private static partial Regex PartOf();

    private const int IntroducedWithin = 60;

    private static int Distance(int aStart, int aEnd, int bStart, int bEnd) =>
        aEnd <= bStart ? bStart - aEnd : bEnd <= aStart ? aStart - bEnd : 0;

    /// <summary>The other side's share: IS holds 10% → SDF holds about 90%.</summary>
    private static Quantity? Complement(Quantity q) => q.Kind switch
    {
        QuantityKind.Exact or QuantityKind.Approx => Quantity.Approx(100 - q.Value!.Value),
        QuantityKind.Min => Quantity.AtMost(100 - q.Min!.Value),
        QuantityKind.Max => Quantity.AtLeast(100 - q.Max!.Value),
        QuantityKind.Range => Quantity.Between(100 - q.Max!.Value, 100 - q.Min!.Value),
        _ => null,
    };

    private static ClaimValue ToValue(Quantity q) => q.Kind switch
    {
        QuantityKind.Exact => ClaimValue.Exact(q.Value!.Value),
        QuantityKind.Approx => ClaimValue.Approx(q.Value!.Value),
        QuantityKind.Min => ClaimValue.AtLeast(q.Min!.Value),
        QuantityKind.Max => ClaimValue.AtMost(q.Max!.Value),
        _ => ClaimValue.Between(q.Min!.Value, q.Max!.Value),
    };
}
