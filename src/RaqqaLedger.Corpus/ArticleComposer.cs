using System.Text;
using RaqqaLedger.Domain.Claims;

namespace RaqqaLedger.Corpus;

/// <summary>
/// Writes the sentences of one article and records the claims planted in them. It keeps what a
/// reader of the article keeps: who has been introduced (full name first, surname after), who spoke
/// last (so "he added" and a continued quotation point to them), and whether Mayadeen was named
/// (so "the town" can mean it).
/// </summary>
internal sealed class ArticleComposer(SplitMix64 random, DateOnly? published)
{
    private const string ShieldsRider = ", taking civilians with them as human shields";

    private readonly HashSet<string> introduced = new(StringComparer.Ordinal);
    private readonly List<PlantedClaim> claims = [];
    private readonly HashSet<(string Topic, string Value, string? Speaker)> planted = [];
    private readonly (string Open, string Close) quotes = random.Chance(0.5) ? ("\u201C", "\u201D") : ("\"", "\"");
    private readonly HashSet<int> distractorsUsed = [];
    private readonly HashSet<(string Topic, string? Speaker)> covered = [];
    private bool mayadeenNamed;

    public IReadOnlyList<PlantedClaim> Claims => claims;

    /// <summary>One claim, one sentence (two with a follow-up by the same speaker), as a paragraph.</summary>
    public string ClaimParagraph()
    {
        // A speaker seldom says the same thing twice in one story: try for a topic this speaker has not covered yet.
        var plan = PickTopic(exclude: null);
        var voice = random.Pick(plan.Speakers);
        for (var attempt = 0; attempt < 4 && covered.Contains((plan.Topic, voice?.Canonical)); attempt++)
        {
            plan = PickTopic(exclude: null);
            voice = random.Pick(plan.Speakers);
        }
        var sentence = ClaimSentence(plan, voice, prefix: null, lede: false, out var frameKind);
        if (voice is null || frameKind == FrameKind.Denial || !random.Chance(0.3))
            return sentence;
        return sentence + " " + FollowUp(voice, plan.Topic);
    }

    /// <summary>The opening paragraph: a claim (or a plain opening) after an optional dateline and date.</summary>
    public string Lede(string dateline, string? datePrefix)
    {
        var prefix = dateline + (datePrefix ?? "");
        string sentence;
        if (random.Chance(0.75))
        {
            var plan = PickTopic(exclude: null);
            sentence = ClaimSentence(plan, random.Pick(plan.Speakers), prefix, lede: true, out _, capitalStart: datePrefix is null);
        }
        else
        {
            var opening = random.Pick(Prose.NeutralLedes).Render(random, Slot);
            sentence = prefix + (datePrefix is null ? Capitalize(opening) : opening);
        }
        // A lede is a paragraph of at least a dozen words, or the reader looks further down for one.
        return WordCount(sentence) < 16 ? sentence + " " + random.Pick(Prose.LedeFillers).Render(random, Slot) : sentence;
    }

    /// <summary>A background sentence, each at most once per article (the pool is far larger than any article uses).</summary>
    public string Distractor()
    {
        int index;
        do
            index = random.Below(Prose.Distractors.Length);
        while (!distractorsUsed.Add(index));
        var text = Prose.Distractors[index].Render(random, Slot);
        mayadeenNamed |= text.Contains("Mayadeen", StringComparison.Ordinal);
        return text;
    }

    public string Caption() => random.Pick(Prose.Captions).Render(random, Slot);

    /// <summary>A headline, with its claim when it makes one.</summary>
    public static (string Text, PlantedClaim? Claim) RenderHeadline(Headline headline, SplitMix64 random)
    {
        var text = headline.Text.Render(random);
        return (text, headline.Topic is null ? null : new PlantedClaim(headline.Topic, headline.Value!, headline.Speaker, text));
    }

    public void Plant(PlantedClaim claim)
    {
        covered.Add((claim.Topic, claim.Speaker));
        if (planted.Add((claim.Topic, claim.Value.ToJson(), claim.Speaker)))
            claims.Add(claim);
    }

    private enum FrameKind { Outlet, Reported, Quoted, SubjectVerb, Denial, FollowUp }

    private TopicPlan PickTopic(string? exclude)
    {
        var total = 0;
        foreach (var t in Clauses.Topics)
            total += t.Topic == exclude ? 0 : t.Weight;
        var roll = random.Below(total);
        foreach (var t in Clauses.Topics)
        {
            if (t.Topic == exclude)
                continue;
            if ((roll -= t.Weight) < 0)
                return t;
        }
        throw new InvalidOperationException("unreachable: topic weights");
    }

    private Clause PickClause(TopicPlan plan, Func<Clause, bool> fits)
    {
        // Clauses that do not fit here are skipped by trying again; every topic has plain clauses.
        for (var attempt = 0; attempt < 16; attempt++)
        {
            var clause = random.Pick(plan.Clauses);
            if (fits(clause) && (!clause.NeedsMayadeen || mayadeenNamed))
                return clause;
        }
        return plan.Clauses.First(c => fits(c) && !c.NeedsMayadeen);
    }

    /// <param name="capitalStart">Whether the frame's first word opens the sentence (no date before it).</param>
    private string ClaimSentence(TopicPlan plan, Voice? voice, string? prefix, bool lede, out FrameKind kind, bool capitalStart = true)
    {
        var clause = PickClause(plan, c => voice is not null || !c.SubjectVerb);
        Phrase frame;
        if (voice is null)
        {
            (frame, kind) = (lede ? Prose.LedeOutletFrame : random.Pick(Prose.OutletFrames), FrameKind.Outlet);
        }
        else if (clause.SubjectVerb)
        {
            (frame, kind) = (random.Pick(Prose.SubjectVerbFrames), FrameKind.SubjectVerb);
        }
        else if (lede)
        {
            (frame, kind) = (random.Pick(Prose.LedeSpeakerFrames), FrameKind.Reported);
        }
        else
        {
            var roll = random.Below(10);
            (frame, kind) = roll switch
            {
                0 when clause.Deniable => (random.Pick(Prose.DenialFrames), FrameKind.Denial),
                < 4 when clause.Direct is not null => (random.Pick(Prose.QuotedFrames), FrameKind.Quoted),
                _ => (PickReportedFrame(clause), FrameKind.Reported),
            };
        }
        // Not before ", said X.": "…left Raqqa, taking civilians …, said X" makes "Raqqa" the speaker.
        var rider = clause.Rider && kind is not (FrameKind.Quoted or FrameKind.Denial) && !frame.Source.Contains(", said {p}", StringComparison.Ordinal)
            && random.Chance(0.3);
        var sentence = Sentence(frame, clause, voice, prefix, capitalStart, rider, out var value);
        if (kind == FrameKind.Denial)
            value = ClaimValue.Yes(value.Flag != true);
        Plant(new PlantedClaim(clause.Topic, value, voice?.Canonical, sentence));
        if (rider)
            Plant(new PlantedClaim("civilians.used_as_shields", ClaimValue.Yes(true), voice?.Canonical, sentence));
        return sentence;
    }

    private Phrase PickReportedFrame(Clause clause)
    {
        while (true)
        {
            var frame = random.Pick(Prose.ReportedFrames);
            if (clause.TrailingSource || !frame.Source.EndsWith("according to {p}.", StringComparison.Ordinal))
                return frame;
        }
    }

    /// <summary>A second claim by the speaker just quoted: "he added", "the official said", or the quotation going on.</summary>
    private string FollowUp(Voice voice, string previousTopic)
    {
        var plan = PickTopic(exclude: previousTopic);
        var clause = PickClause(plan, c => !c.SubjectVerb);
        var frames = new List<Phrase>();
        var pronoun = voice.Pronoun;
        if (pronoun is not null)
            frames.AddRange(Prose.PronounFollowUps.Where(f => clause.Direct is not null || !f.Source.Contains("{D}", StringComparison.Ordinal)));
        if (voice.Anaphor is not null)
            frames.AddRange(Prose.AnaphorFollowUps);
        if (clause.Direct is not null)
            frames.Add(Prose.Continuation);
        if (frames.Count == 0)
            frames.Add(Prose.ReportedFrames[0]);
        var frame = random.Pick(frames);
        var sentence = Sentence(frame, clause, voice, prefix: null, capitalStart: true, rider: false, out var value, pronoun);
        Plant(new PlantedClaim(clause.Topic, value, voice.Canonical, sentence));
        return sentence;
    }

    private string Sentence(Phrase frame, Clause clause, Voice? voice, string? prefix, bool capitalStart, bool rider, out ClaimValue value, string? pronoun = null)
    {
        var quantity = clause.Quantity?.Invoke(random);
        // In the outlet's voice "an estimated" would be read as an attribution verb with the clause's subject as speaker.
        while (voice is null && quantity is { Text: var q } && q.Contains("estimated", StringComparison.Ordinal))
            quantity = clause.Quantity!(random);
        value = quantity?.Value ?? clause.Fixed!;
        var text = new StringBuilder(prefix);

        void ClauseSlot(string name, StringBuilder into)
        {
            if (name != "q")
                Slot(name, into);
            else
                into.Append(quantity!.Value.Text);
        }

        void FrameSlot(string name, StringBuilder into)
        {
            switch (name)
            {
                case "c" or "C":
                    var reported = clause.Reported.Render(random, ClauseSlot) + (rider ? ShieldsRider : "");
                    into.Append(name == "C" && capitalStart ? Capitalize(reported) : reported);
                    break;
                case "D":
                    into.Append(Capitalize(clause.Direct!.Render(random, ClauseSlot)));
                    break;
                case "s" or "S":
                    var subject = Mention(voice!, subject: true);
                    into.Append(name == "S" && capitalStart ? Capitalize(subject) : subject);
                    break;
                case "p":
                    into.Append(Mention(voice!, subject: false));
                    break;
                case "pro":
                    into.Append(pronoun);
                    break;
                case "Pro":
                    into.Append(Capitalize(pronoun!));
                    break;
                case "Ana":
                    into.Append(Capitalize(voice!.Anaphor!.Render(random)));
                    break;
                case "q1":
                    into.Append(quotes.Open);
                    break;
                case "q2":
                    into.Append(quotes.Close);
                    break;
                default:
                    Slot(name, into);
                    break;
            }
        }

        frame.Render(text, random, FrameSlot);
        var sentence = text.ToString();
        mayadeenNamed |= sentence.Contains("Mayadeen", StringComparison.Ordinal);
        return sentence;
    }

    /// <summary>Slots any sentence may use: a recent weekday, a wire agency, a byline name.</summary>
    private void Slot(string name, StringBuilder into)
    {
        switch (name)
        {
            case "day":
                ArticleDates.RecentWeekday(published, random, into);
                break;
            case "agency":
                into.Append(random.Pick(Prose.Agencies));
                break;
            case "author" or "author2":
                into.Append(random.Pick(Prose.Authors));
                break;
            default:
                throw new InvalidOperationException($"no value for slot {{{name}}}");
        }
    }

    /// <summary>Full name (and maybe a role) on first mention, the surname or short name after.</summary>
    private string Mention(Voice voice, bool subject)
    {
        if (!introduced.Add(voice.Canonical))
            return voice.Later.Render(random);
        var first = random.Pick(voice.First);
        var name = first.Name.Render(random);
        if (first.Appositive is null || !random.Chance(0.75))
            return name;
        var appositive = first.Appositive.Render(random);
        // Before a verb the appositive is closed by a comma: "Omar Alloush, a senior member of …, said".
        return subject ? $"{name}, {appositive}," : $"{name}, {appositive}";
    }

    public static string Capitalize(string text) =>
        text.Length == 0 || char.IsUpper(text[0]) ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static int WordCount(string text)
    {
        var words = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var space = char.IsWhiteSpace(c);
            if (!space && !inWord)
                words++;
            inWord = !space;
        }
        return words;
    }
}
