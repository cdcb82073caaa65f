using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using RaqqaLedger.Domain.Claims;
using RaqqaLedger.Extraction.Frames;
using RaqqaLedger.Extraction.Numbers;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace RaqqaLedger.Extraction.Rules;

/// <summary>Reads a rule set file, checks every part of it, and compiles its patterns.</summary>
public static partial class RuleSetCompiler
{
    internal const RegexOptions PatternOptions = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled;

    /// <summary>
    /// A pattern that runs this long on one sentence is broken; fail loudly rather than hang. The clock
    /// is the wall's and counts the first match's JIT of the compiled pattern and any time spent waiting
    /// for a core: at 2 s, eight ingests started at once on two cores all failed on their first article.
    /// </summary>
    internal static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(30);

    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    public static string Sha256Of(string content) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));

    /// <summary>
    /// Only the status section of a published rule set, without compiling its patterns: what the
    /// claim board needs for every rule set in the log.
    /// </summary>
    public static StatusRule ReadStatus(string content, string source) => StatusOf(Read(content, source), source);

    private static StatusRule StatusOf(RuleSetDocument document, string source)
    {
        var status = document.Status ?? new StatusDocument();
        if (status.ConfirmedMinSources < 2 || status.NumbersAgreeWithinPercent is < 0 or > 100)
            throw new InvalidRuleSetException($"{source}: status.confirmed_min_sources must be 2 or more and numbers_agree_within_percent 0 to 100");
        return new StatusRule(status.ConfirmedMinSources, status.NumbersAgreeWithinPercent);
    }

    private static RuleSetDocument Read(string content, string source)
    {
        try
        {
            return Yaml.Deserialize<RuleSetDocument>(content) ?? throw new InvalidRuleSetException($"{source}: the file is empty");
        }
        catch (YamlException e)
        {
            throw new InvalidRuleSetException($"{source}: not valid rule-set YAML at line {e.Start.Line}: {(e.InnerException ?? e).Message.ReplaceLineEndings(" ")}");
        }
    }

    /// <exception cref="InvalidRuleSetException">The file is not a usable rule set.</exception>
    public static RuleSet Compile(string content, string source)
    {
        var document = Read(content, source);

        if (document.Version < 1)
            throw new InvalidRuleSetException($"{source}: 'version' must be a whole number of 1 or more");
        if (string.IsNullOrWhiteSpace(document.Name))
            throw new InvalidRuleSetException($"{source}: 'name' is required");
        if (document.Topics.Count == 0)
            throw new InvalidRuleSetException($"{source}: no topics");

        var frames = new FrameCompiler(document.Lexicon, document.Verbs, document.Gaps, source);
        var gates = new GateBuilder();
        var macros = new Dictionary<string, string>(document.Macros, StringComparer.Ordinal);
        foreach (var name in document.Macros.Keys)
        {
            if (!MacroName().IsMatch(name) || name == "Q")
                throw new InvalidRuleSetException($"{source}: macro name '{name}' must be UPPER_CASE letters and not Q");
        }
        foreach (var (name, body) in frames.Macros())
        {
            if (!macros.TryAdd(name, body))
                throw new InvalidRuleSetException($"{source}: macro name '{name}' is made from the verb classes; choose another");
        }
        var hedges = document.Hedges is { } h ? new HedgeLexicon(h.Approx, h.Min, h.Max) : HedgeLexicon.Default;
        var quantities = new QuantityGrammar(hedges);
        var quantity = quantities.Pattern;
        var quantityGate = gates.ForAnyOf(QuantityGrammar.AnchorText);

        string Expand(string pattern, string where)
        {
            var expanded = pattern;
            // Macros may use macros; five rounds is plenty and stops accidental cycles. {Q} goes in
            // last, so nothing inside the quantity grammar is read as a macro.
            for (var round = 0; round < 5; round++)
            {
                expanded = MacroReference().Replace(expanded, m =>
                {
                    var key = m.Groups[1].Value;
                    if (key == "Q")
                        return m.Value;
                    return macros.TryGetValue(key, out var body) ? "(?:" + body + ")"
                        : throw new InvalidRuleSetException($"{source}: {where}: unknown macro {{{key}}}");
                });
            }
            return expanded.Replace("{Q}", "(?:" + quantity + ")", StringComparison.Ordinal);
        }

        Regex Build(string? pattern, string where, RegexOptions options = PatternOptions)
        {
            if (string.IsNullOrWhiteSpace(pattern))
                throw new InvalidRuleSetException($"{source}: {where}: pattern is empty");
            var expanded = Expand(pattern, where);
            try
            {
                // A pattern that could take exponential time runs on the linear-time engine, or is refused.
                return PatternSafety.Danger(expanded) is { } danger
                    ? Linear(expanded, where, danger, options)
                    : new Regex(expanded, options, MatchTimeout);
            }
            catch (ArgumentException e)
            {
                throw new InvalidRuleSetException($"{source}: {where}: pattern does not compile: {e.Message.ReplaceLineEndings(" ")}");
            }
        }

        Regex Linear(string expanded, string where, string danger, RegexOptions options)
        {
            var refused = $"{source}: {where}: the pattern cannot run in linear time: {danger}, which can take exponential time on a near miss, and ";
            const string rewrite = "; rewrite the repetition so each character can be read one way only";
            if ((options & RegexOptions.RightToLeft) != 0)
                throw new InvalidRuleSetException(refused + "it is read right to left around a quantity, which the linear-time engine cannot do" + rewrite);
            try
            {
                return new Regex(expanded, (options & ~RegexOptions.Compiled) | RegexOptions.NonBacktracking, MatchTimeout);
            }
            catch (NotSupportedException e)
            {
                throw new InvalidRuleSetException(refused + $"the linear-time engine cannot run it ({e.Message.ReplaceLineEndings(" ")})" + rewrite);
            }
        }

        // A pattern holding one quantity would be tried at every character; instead the extractor finds
        // each quantity once and runs the pattern's two halves around it: what comes before, right to left
        // from the quantity, and what comes after. Null when the quantity is not one plain part of the
        // sequence (inside an alternation, say): then the whole pattern runs.
        SplitPattern? AnchorOf(string pattern, string where)
        {
            const string marker = "(?<q>{Q})";
            var at = pattern.IndexOf(marker, StringComparison.Ordinal);
            if (at < 0 || pattern.IndexOf(marker, at + 1, StringComparison.Ordinal) >= 0)
                return null;
            var before = pattern[..at];
            var after = pattern[(at + marker.Length)..];
            if (!IsWholeSequence(before) || !IsWholeSequence(after))
                return null;
            return new SplitPattern(
                before.Trim().Length == 0 ? null : Build("(?:" + before + @")\G", where + " before its quantity", PatternOptions | RegexOptions.RightToLeft),
                Build(@"\G(?:" + after + ")", where + " after its quantity"));
        }

        // Either a hand-written rule's pattern or a frame's form, with the value and options both take.
        CompiledRule Rule(TopicKind kind, string? topicKind, string id, string? patternText, FrameForm? form, string? valueText, bool complement,
            string? unless, string? context, int contextSentences, string where, bool allowsPlanned = true, bool needsPermission = false)
        {
            var anchor = kind is TopicKind.Count or TopicKind.Percent && patternText is not null ? AnchorOf(patternText, where) : null;
            // An anchored rule's whole pattern is only read for its groups, so it is not compiled to IL.
            var pattern = form is not null ? null : Build(patternText, where, anchor is null ? PatternOptions : PatternOptions & ~RegexOptions.Compiled);
            ClaimValue? value = null;
            switch (kind)
            {
                case TopicKind.YesNo:
                    value = valueText switch
                    {
                        "true" => ClaimValue.Yes(true),
                        "false" => ClaimValue.Yes(false),
                        _ => throw new InvalidRuleSetException($"{source}: {where}: a yesno rule needs value: true or false"),
                    };
                    break;
                case TopicKind.Category:
                    value = valueText is { Length: > 0 } category && CategoryValue().IsMatch(category)
                        ? ClaimValue.Of(category)
                        : throw new InvalidRuleSetException($"{source}: {where}: a category rule needs a value like local_officials");
                    break;
                default:
                    // A rule may state its number when the words say it without one: "full control" is 100%.
                    if (valueText is not null)
                    {
                        value = decimal.TryParse(valueText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
                            && (kind != TopicKind.Percent || number <= 100)
                            ? ClaimValue.Exact(number)
                            : throw new InvalidRuleSetException($"{source}: {where}: a {topicKind} rule's value is a number (a percentage at most 100), or it comes from {{Q}}");
                        break;
                    }
                    var holdsQuantity = form is not null ? form.Theme.HasQuantity : Array.IndexOf(pattern!.GetGroupNames(), "q") >= 0;
                    if (!holdsQuantity)
                        throw new InvalidRuleSetException($"{source}: {where}: a {topicKind} rule needs a (?<q>{{Q}}) group" + (form is null ? "" : " in its theme"));
                    break;
            }
            if (complement && kind != TopicKind.Percent)
                throw new InvalidRuleSetException($"{source}: {where}: complement applies to percent topics only");
            if (contextSentences is < 0 or > 1000)
                throw new InvalidRuleSetException($"{source}: {where}: context_sentences must be 0 to 1000");
            return new CompiledRule(id, pattern, value, complement,
                unless is null ? null : gates.Gated(Build(unless, where + " unless")),
                context is null ? null : gates.Gated(Build(context, where + " context")), contextSentences,
                form is null ? gates.For(pattern) : gates.For(form.Required()), anchor, allowsPlanned, form, needsPermission);
        }

        var topics = new List<CompiledTopic>();
        var topicIds = new HashSet<string>(StringComparer.Ordinal);
        var ruleIds = new HashSet<string>(StringComparer.Ordinal);
        var cues = new Dictionary<string, GatedPattern>(StringComparer.Ordinal);
        foreach (var (topic, index) in document.Topics.Select((t, i) => (t, i)))
        {
            var where = $"topic #{index + 1}";
            if (string.IsNullOrWhiteSpace(topic.Id) || !TopicId().IsMatch(topic.Id))
                throw new InvalidRuleSetException($"{source}: {where}: id '{topic.Id}' must be lower-case words joined by dots or underscores");
            where = $"topic {topic.Id}";
            if (!topicIds.Add(topic.Id))
                throw new InvalidRuleSetException($"{source}: {where}: defined twice");
            var kind = topic.Kind switch
            {
                "yesno" => TopicKind.YesNo,
                "count" => TopicKind.Count,
                "percent" => TopicKind.Percent,
                "category" => TopicKind.Category,
                _ => throw new InvalidRuleSetException($"{source}: {where}: kind '{topic.Kind}' must be yesno, count, percent or category"),
            };
            topic.Rules ??= [];
            topic.Frames ??= [];
            if (topic.Rules.Count + topic.Frames.Count == 0)
                throw new InvalidRuleSetException($"{source}: {where}: no rules or frames");
            var rules = new List<CompiledRule>();
            foreach (var rule in topic.Rules)
            {
                var ruleWhere = $"{where} rule '{rule.Id}'";
                if (string.IsNullOrWhiteSpace(rule.Id) || !ruleIds.Add(rule.Id))
                    throw new InvalidRuleSetException($"{source}: {ruleWhere}: every rule needs an id, unique in the file");
                rules.Add(Rule(kind, topic.Kind, rule.Id, rule.Pattern, null, rule.Value, rule.Complement, rule.Unless, rule.Context, rule.ContextSentences, ruleWhere));
            }
            foreach (var frame in topic.Frames)
            {
                var frameWhere = $"{where} frame '{frame.Id}'";
                if (string.IsNullOrWhiteSpace(frame.Id) || !ruleIds.Add(frame.Id))
                    throw new InvalidRuleSetException($"{source}: {frameWhere}: every frame needs an id, unique among rules and frames");
                foreach (var form in frames.Compile(frame, source, frameWhere, (p, w, extra) => Build(p, w, PatternOptions | extra)))
                {
                    rules.Add(Rule(kind, topic.Kind, frame.Id, null, form, frame.Value, frame.Complement, frame.Unless, frame.Context,
                        frame.ContextSentences, $"{frameWhere} ({form.Name})", frame.Planned, frame.Permission));
                }
            }
            // No cue: every sentence is tried (a count topic's rules still run only around quantities).
            // Topics of one subject share a cue ("fighter|militant|…"): one regex, so the text is scanned for it once.
            GatedPattern? cue = null;
            if (topic.Cue is not null && !cues.TryGetValue(topic.Cue, out cue))
                cues[topic.Cue] = cue = gates.Gated(Build(topic.Cue, where + " cue"));
            topics.Add(new CompiledTopic(topic.Id, kind, topic.Description ?? "", cue, rules));
        }

        var speakers = new List<SpeakerEntry>();
        foreach (var speaker in document.Speakers)
        {
            if (string.IsNullOrWhiteSpace(speaker.Name))
                throw new InvalidRuleSetException($"{source}: every speaker needs a name");
            var kind = speaker.Kind ?? "person";
            if (kind is not ("person" or "organisation" or "group"))
                throw new InvalidRuleSetException($"{source}: speaker {speaker.Name}: kind must be person, organisation or group");
            speakers.Add(new SpeakerEntry(speaker.Name.Trim(), kind, [.. speaker.Aliases.Select(a => a.Trim()).Where(a => a.Length > 0)]));
        }

        var attribution = document.Attribution ?? new AttributionDocument();
        if (attribution.Verbs.Count == 0)
            throw new InvalidRuleSetException($"{source}: attribution.verbs is empty");
        var descriptors = attribution.Descriptors ?? @"(?:(?:a|an|the)\s+)?(?:officials?|spokes(?:man|woman)|sources?)";
        try
        {
            _ = new Regex(descriptors);
        }
        catch (ArgumentException e)
        {
            throw new InvalidRuleSetException($"{source}: attribution.descriptors does not compile: {e.Message.ReplaceLineEndings(" ")}");
        }
        // The descriptors go into the speaker patterns, which are read right to left (the linear-time engine cannot
        // run them) and with no clock (see SpeakerFinder): they must be safe as written.
        if (PatternSafety.DangerWithoutClock(descriptors) is { } danger)
            throw new InvalidRuleSetException($"{source}: attribution.descriptors cannot run in linear time: {danger}, which can take exponential time on a near miss; "
                + "rewrite the repetition so each character can be read one way only");

        var negation = document.Negation ?? new NegationDocument { Cues = ["not", "no", "never", "n't"] };
        if (negation.Window is < 0 or > 200)
            throw new InvalidRuleSetException($"{source}: negation.window must be 0 to 200 characters");
        var status = StatusOf(document, source);

        return new RuleSet(document.Version, document.Name.Trim(), document.Description?.Trim() ?? "", Sha256Of(content), content,
            topics, speakers, quantities,
            AttributionOf(attribution, descriptors),
            new NegationVocabulary(negation.Cues, negation.Denials, negation.Window,
                negation.Uncertainty is null ? null : Build(negation.Uncertainty, "negation.uncertainty"),
                negation.Retraction is null ? null : Build(@"\G(?:" + negation.Retraction + ")", "negation.retraction"), negation.Conditions),
            status, frames.Matcher(MatchTimeout), gates.Scanner(), quantityGate);
    }

    /// <summary>
    /// The attribution vocabulary with its verbs inflected. Words the speaker finder needs and a file does
    /// not give fall back to small general lists, so an older rule set still reads its speakers.
    /// </summary>
    private static AttributionVocabulary AttributionOf(AttributionDocument a, string descriptors)
    {
        var notVerbs = a.NotVerbs.ToHashSet(StringComparer.Ordinal);
        // A form given instead of a lemma ("said", as older rule sets list them) is kept; the forms made from it
        // ("saids") never occur in text and cost nothing.
        var verbs = a.Verbs.Where(v => v.Trim().Length > 0).SelectMany(v => Morphology.Inflect(v).All.Prepend(v.Trim()))
            .Where(v => !notVerbs.Contains(v)).Distinct(StringComparer.Ordinal).ToList();
        static List<string> Or(List<string> given, string[] fallback) => given.Count > 0 ? given : [.. fallback];
        return new AttributionVocabulary(verbs, a.Pronouns, a.Anaphors, descriptors, a.WireAgencies,
            Or(a.Titles, ["Colonel", "Col.", "General", "Gen.", "Dr.", "Mr.", "Mrs.", "Ms."]),
            Or(a.Roles, ["spokesman", "spokeswoman", "spokesperson", "official", "commander", "head", "director"]),
            Or(a.NotNames, ["But", "And", "The", "A", "An", "In", "On", "However", "Meanwhile", "He", "She", "They", "It"]),
            a.Places,
            Or(a.ReportWords, ["statement", "report", "investigation"]),
            Or(a.Adverbs, ["later", "also", "again", "earlier", "then", "had", "has", "have", "would"]),
            Or(a.Modifiers, ["backing", "leading", "who", "which", "that"]),
            a.OrganisationAnaphors, a.ReleaseMarkers);
    }

    /// <summary>Whether a piece of a pattern stands on its own: brackets and groups balanced, no top-level alternation.</summary>
    internal static bool IsWholeSequence(string piece)
    {
        var depth = 0;
        var inClass = false;
        for (var i = 0; i < piece.Length; i++)
        {
            var c = piece[i];
            if (c == '\\')
            {
                i++;
                continue;
            }
            if (inClass)
            {
                inClass = c != ']';
                continue;
            }
            switch (c)
            {
                case '[':
                    inClass = true;
                    break;
                case '(':
                    depth++;
                    break;
                case ')':
                    if (--depth < 0)
                        return false;
                    break;
                case '|' when depth == 0:
                    return false;
            }
        }
        return depth == 0 && !inClass;
    }

    [GeneratedRegex(@"(?<!\\[pP])\{([A-Z][A-Z_]*)\}")]
    private static partial Regex MacroReference();

    [GeneratedRegex(@"^[A-Z][A-Z_]*$")]
    private static partial Regex MacroName();

    [GeneratedRegex(@"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$")]
    private static partial Regex TopicId();

    [GeneratedRegex(@"^[a-z][a-z0-9_]*$")]
    private static partial Regex CategoryValue();
}

/// <summary>The rule set this build ships with (rules/raqqa-claims.yaml), published on first use.</summary>
public static class DefaultRules
{
    public const string Source = "raqqa-claims.yaml";

    public static string Content { get; } = Load();

    private static string Load()
    {
        using var stream = typeof(DefaultRules).Assembly.GetManifestResourceStream("RaqqaLedger.DefaultRules.yaml")
            ?? throw new InvalidOperationException("the default rule set is not embedded");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
