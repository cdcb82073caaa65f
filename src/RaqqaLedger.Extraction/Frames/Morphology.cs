namespace RaqqaLedger.Extraction.Frames;

/// <summary>The forms of one English verb, as news text writes them.</summary>
/// <param name="Base">leave, pull out</param>
/// <param name="Present">leaves (third person singular)</param>
/// <param name="Past">left; more than one where spelling varies (bused, bussed)</param>
/// <param name="Participle">left, withdrawn</param>
/// <param name="Gerund">leaving</param>
/// <param name="Nouns">departure, evacuation, withdrawal; empty when English has none in use</param>
public sealed record VerbForms(
    string Base,
    IReadOnlyList<string> Present,
    IReadOnlyList<string> Past,
    IReadOnlyList<string> Participle,
    IReadOnlyList<string> Gerund,
    IReadOnlyList<string> Nouns)
{
    /// <summary>Every finite and non-finite form, each once.</summary>
    public IEnumerable<string> All => new[] { Base }.Concat(Present).Concat(Past).Concat(Participle).Concat(Gerund).Distinct(StringComparer.Ordinal);
}

/// <summary>
/// Inflects English verbs from their lemma: third person, past, participle, gerund, and the nouns made
/// from them (evacuate → evacuation, depart → departure). A phrasal verb inflects its first word ("pull
/// out" → "pulled out"). Where English spelling varies, every variant is produced (bused and bussed):
/// a form that never occurs in text costs nothing, a missing one loses claims.
/// </summary>
/// <remarks>
/// The tables hold general English, not anything about one story: the irregular verbs news reporting
/// uses, and nominalisations that no suffix rule gives.
/// </remarks>
public static class Morphology
{
    public static VerbForms Inflect(string lemma)
    {
        var words = lemma.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
            throw new ArgumentException("a lemma needs a word", nameof(lemma));
        var head = words[0].ToLowerInvariant();
        var tail = words.Length > 1 ? " " + string.Join(' ', words.Skip(1)) : "";

        string[] past, participle;
        if (Irregular.TryGetValue(head, out var irregular))
        {
            past = irregular.Past.Split('|');
            participle = irregular.Participle.Split('|');
        }
        else
        {
            past = participle = [.. Suffixed(head, "ed")];
        }
        var nouns = NounsOf(head, words.Length > 1 ? string.Join(' ', words.Skip(1)) : null);
        return new VerbForms(
            head + tail,
            [ThirdPerson(head) + tail],
            [.. past.Select(p => p + tail)],
            [.. participle.Select(p => p + tail)],
            [.. Suffixed(head, "ing").Select(g => g + tail)],
            nouns);
    }

    private static string ThirdPerson(string verb)
    {
        if (verb is "be")
            return "is";
        if (verb is "have")
            return "has";
        if (verb.EndsWith('y') && verb.Length > 1 && !IsVowel(verb[^2]))
            return verb[..^1] + "ies";
        if (verb.EndsWith('s') || verb.EndsWith('x') || verb.EndsWith('z') || verb.EndsWith("ch", StringComparison.Ordinal)
            || verb.EndsWith("sh", StringComparison.Ordinal) || verb is "go" or "do")
            return verb + "es";
        return verb + "s";
    }

    /// <summary>verb + "ed" or "ing", with the spelling changes English makes; both variants where it doubles or not.</summary>
    private static IEnumerable<string> Suffixed(string verb, string suffix)
    {
        if (suffix == "ing" && verb.EndsWith("ie", StringComparison.Ordinal))
        {
            yield return verb[..^2] + "ying"; // die → dying
            yield break;
        }
        if (verb.EndsWith('e'))
        {
            // leave → leaving, free → freeing, evacuate → evacuated
            yield return suffix == "ing" && (verb.EndsWith("ee", StringComparison.Ordinal) || verb.EndsWith("oe", StringComparison.Ordinal) || verb.EndsWith("ye", StringComparison.Ordinal))
                ? verb + "ing"
                : verb[..^1] + suffix;
            yield break;
        }
        if (suffix == "ed" && verb.EndsWith('y') && verb.Length > 1 && !IsVowel(verb[^2]))
        {
            yield return verb[..^1] + "ied"; // carry → carried
            yield break;
        }
        if (suffix == "ed" && verb.EndsWith('c'))
        {
            yield return verb + "ked"; // panic → panicked
            yield break;
        }
        yield return verb + suffix;
        // A final consonant after one vowel may double (bus → bussed, ship → shipped, permit → permitted);
        // whether it does depends on stress, which spelling does not show, so both are produced.
        if (verb.Length >= 3 && !IsVowel(verb[^1]) && verb[^1] is not ('w' or 'x' or 'y') && IsVowel(verb[^2]) && !IsVowel(verb[^3]))
            yield return verb + verb[^1] + suffix;
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    /// <summary>The nouns of an action: a table of those no rule gives, then the regular suffixes.</summary>
    private static string[] NounsOf(string head, string? particle)
    {
        if (particle is not null)
        {
            // "pull out" → pullout, pull-out; other phrasal verbs have no noun in common use.
            return PhrasalNouns.TryGetValue($"{head} {particle}", out var phrasal) ? phrasal.Split('|') : [];
        }
        if (Nominal.TryGetValue(head, out var listed))
            return listed.Length == 0 ? [] : listed.Split('|');
        if (head.EndsWith("ate", StringComparison.Ordinal))
            return [head[..^1] + "ion"]; // evacuate → evacuation
        if (head.EndsWith("ize", StringComparison.Ordinal) || head.EndsWith("ise", StringComparison.Ordinal))
            return [head[..^1] + "ation"]; // organise → organisation
        if (head.EndsWith("ify", StringComparison.Ordinal))
            return [head[..^1] + "ication"];
        return [];
    }

    private static readonly Dictionary<string, (string Past, string Participle)> Irregular = new(StringComparer.Ordinal)
    {
        ["be"] = ("was|were", "been"), ["bear"] = ("bore", "borne|born"), ["beat"] = ("beat", "beaten"), ["become"] = ("became", "become"),
        ["begin"] = ("began", "begun"), ["bring"] = ("brought", "brought"), ["build"] = ("built", "built"), ["buy"] = ("bought", "bought"),
        ["catch"] = ("caught", "caught"), ["choose"] = ("chose", "chosen"), ["come"] = ("came", "come"), ["cut"] = ("cut", "cut"),
        ["deal"] = ("dealt", "dealt"), ["dig"] = ("dug", "dug"), ["do"] = ("did", "done"), ["draw"] = ("drew", "drawn"),
        ["drive"] = ("drove", "driven"), ["eat"] = ("ate", "eaten"), ["fall"] = ("fell", "fallen"), ["feel"] = ("felt", "felt"),
        ["fight"] = ("fought", "fought"), ["find"] = ("found", "found"), ["flee"] = ("fled", "fled"), ["fly"] = ("flew", "flown"),
        ["forbid"] = ("forbade|forbid", "forbidden"), ["forsake"] = ("forsook", "forsaken"), ["free"] = ("freed", "freed"),
        ["get"] = ("got", "got|gotten"), ["give"] = ("gave", "given"), ["go"] = ("went", "gone"), ["hide"] = ("hid", "hidden"),
        ["have"] = ("had", "had"), ["hold"] = ("held", "held"), ["keep"] = ("kept", "kept"), ["know"] = ("knew", "known"),
        ["lay"] = ("laid", "laid"), ["lead"] = ("led", "led"), ["leave"] = ("left", "left"), ["let"] = ("let", "let"),
        ["lie"] = ("lay", "lain"), ["lose"] = ("lost", "lost"), ["make"] = ("made", "made"), ["mean"] = ("meant", "meant"),
        ["meet"] = ("met", "met"), ["overrun"] = ("overran", "overrun"), ["overtake"] = ("overtook", "overtaken"), ["pay"] = ("paid", "paid"),
        ["put"] = ("put", "put"), ["quit"] = ("quit|quitted", "quit|quitted"), ["read"] = ("read", "read"), ["retake"] = ("retook", "retaken"),
        ["ride"] = ("rode", "ridden"), ["rise"] = ("rose", "risen"), ["run"] = ("ran", "run"), ["say"] = ("said", "said"),
        ["see"] = ("saw", "seen"), ["seek"] = ("sought", "sought"), ["sell"] = ("sold", "sold"), ["send"] = ("sent", "sent"),
        ["set"] = ("set", "set"), ["shoot"] = ("shot", "shot"), ["shut"] = ("shut", "shut"), ["slay"] = ("slew", "slain"),
        ["slip"] = ("slipped", "slipped"), ["speak"] = ("spoke", "spoken"), ["spend"] = ("spent", "spent"), ["stand"] = ("stood", "stood"),
        ["steal"] = ("stole", "stolen"), ["stick"] = ("stuck", "stuck"), ["strike"] = ("struck", "struck|stricken"), ["swear"] = ("swore", "sworn"),
        ["take"] = ("took", "taken"), ["teach"] = ("taught", "taught"), ["tell"] = ("told", "told"), ["think"] = ("thought", "thought"),
        ["throw"] = ("threw", "thrown"), ["undertake"] = ("undertook", "undertaken"), ["understand"] = ("understood", "understood"),
        ["win"] = ("won", "won"), ["withdraw"] = ("withdrew", "withdrawn"), ["withhold"] = ("withheld", "withheld"), ["write"] = ("wrote", "written"),
    };

    /// <summary>Nouns of action that no suffix rule gives; an empty entry means none in common use.</summary>
    private static readonly Dictionary<string, string> Nominal = new(StringComparer.Ordinal)
    {
        ["accept"] = "acceptance", ["agree"] = "agreement", ["allow"] = "", ["arrange"] = "arrangement", ["arrive"] = "arrival",
        ["ban"] = "ban", ["bar"] = "", ["block"] = "", ["broker"] = "brokering", ["bus"] = "bussing|busing", ["capture"] = "capture",
        ["clear"] = "clearance", ["control"] = "control", ["cover"] = "", ["deport"] = "deportation", ["depart"] = "departure",
        ["die"] = "death", ["escape"] = "escape", ["escort"] = "", ["exclude"] = "exclusion", ["exit"] = "exit", ["expel"] = "expulsion",
        ["fall"] = "fall", ["flee"] = "flight", ["free"] = "", ["hold"] = "", ["include"] = "inclusion", ["kill"] = "killing",
        ["leave"] = "", ["liberate"] = "liberation", ["lose"] = "loss", ["move"] = "movement", ["negotiate"] = "negotiation",
        ["pass"] = "passage", ["permit"] = "permission", ["prevent"] = "prevention", ["recapture"] = "recapture", ["release"] = "release",
        ["relocate"] = "relocation", ["remain"] = "", ["remove"] = "removal", ["rescue"] = "rescue", ["retake"] = "retaking",
        ["seize"] = "seizure", ["settle"] = "settlement", ["stay"] = "", ["surrender"] = "surrender", ["take"] = "",
        ["transfer"] = "transfer", ["transport"] = "transport|transportation", ["trap"] = "", ["withdraw"] = "withdrawal",
    };

    private static readonly Dictionary<string, string> PhrasalNouns = new(StringComparer.Ordinal)
    {
        ["pull out"] = "pullout|pull-out", ["take over"] = "takeover", ["break out"] = "breakout", ["walk out"] = "walkout",
    };
}
