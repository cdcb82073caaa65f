namespace RaqqaLedger.Corpus;

internal enum VoiceKind { Person, Organisation, Group }

/// <summary>A way of naming a speaker on first mention: a name (maybe with a role before it) and an optional appositive.</summary>
internal sealed record FirstMention(Phrase Name, Phrase? Appositive = null);

/// <summary>
/// A speaker the rules know, with the ways articles name them. <see cref="Canonical"/> is the rule
/// set's canonical name, which is what a correct extractor reports.
/// </summary>
/// <param name="Pronoun">The pronoun a follow-up may use ("he added"), or null when none resolves safely.</param>
/// <param name="Later">How later mentions name them: a surname, or the same organisation name.</param>
/// <param name="Anaphor">A definite description that points back to the last speaker ("the official").</param>
internal sealed record Voice(string Canonical, VoiceKind Kind, string? Pronoun, FirstMention[] First, Phrase Later, Phrase? Anaphor);

internal static class Voices
{
    public static readonly Voice Alloush = new("Omar Alloush", VoiceKind.Person, "he",
        [
            new("Omar Alloush", "[a senior member|a senior official] of the Raqqa Civil Council"),
            new("Omar Alloush", "an official in the Raqqa Civilian Council"),
            new("Omar Allouch", "a member of the Raqqa Civil Council"),
            new("Omar Alloush"),
        ],
        "[Alloush|Allouch]", "the official");

    public static readonly Voice Bali = new("Mostafa Bali", VoiceKind.Person, "he",
        [
            new("SDF spokesman Mostafa Bali"),
            new("Mostafa Bali", "a spokesman for the Syrian Democratic Forces"),
            new("Mustafa Bali", "the SDF spokesman"),
        ],
        "Bali", "the spokesman");

    public static readonly Voice Silo = new("Talal Silo", VoiceKind.Person, "he",
        [
            new("SDF spokesman Talal Silo"),
            new("Talal Silo", "a spokesman for the SDF"),
            new("Talal Selo", "an SDF spokesman"),
        ],
        "[Silo|Selo]", "the spokesman");

    public static readonly Voice Dillon = new("Ryan Dillon", VoiceKind.Person, "he",
        [
            new("coalition spokesman Colonel Ryan Dillon"),
            new("Colonel Ryan Dillon", "a spokesman for the US-led coalition"),
            new("Col. Ryan Dillon", "the coalition's spokesman"),
        ],
        "Dillon", "the spokesman");

    public static readonly Voice Ahmed = new("Jihan Sheikh Ahmed", VoiceKind.Person, "she",
        [
            new("Jihan Sheikh Ahmed", "spokeswoman for the SDF's Raqqa campaign"),
            new("SDF spokeswoman Jihan Sheikh Ahmed"),
            new("Jihan Sheikh Ahmed", "a spokeswoman for the Syrian Democratic Forces"),
        ],
        "Ahmed", "the spokeswoman");

    public static readonly Voice Abdurrahman = new("Rami Abdurrahman", VoiceKind.Person, "he",
        [
            new("Rami Abdurrahman", "the head of the Syrian Observatory for Human Rights"),
            new("Rami Abdel Rahman", "who heads the Syrian Observatory for Human Rights"),
        ],
        "[Abdurrahman|Abdel Rahman]", "the monitor");

    /// <summary>An organisation is its own speaker: "the Observatory said" is not its director speaking.</summary>
    public static readonly Voice Observatory = new("Syrian Observatory for Human Rights", VoiceKind.Organisation, "it",
        [new("[the Syrian Observatory for Human Rights|the Britain-based Syrian Observatory for Human Rights]")],
        "the Observatory", "the monitoring group");

    public static readonly Voice Sdf = new("SDF", VoiceKind.Organisation, "it",
        [new("[the SDF|the Syrian Democratic Forces|the US-backed SDF]"), new("an SDF statement")],
        "[the SDF|the Syrian Democratic Forces]", "the alliance");

    public static readonly Voice Coalition = new("US-led coalition", VoiceKind.Organisation, "it",
        [new("[the US-led coalition|the U.S.-led coalition|the coalition|coalition sources|the Combined Joint Task Force]")],
        "[the coalition|the US-led coalition]", null);

    public static readonly Voice UnitedNations = new("United Nations", VoiceKind.Organisation, "it",
        [new("[the United Nations|the UN]")],
        "[the UN|the United Nations]", null);

    public static readonly Voice Activists = new("activists", VoiceKind.Group, "they",
        [new("activists")], "activists", null);

    public static readonly Voice LocalOfficial = new("local official", VoiceKind.Group, null,
        [new("[a local official|a senior local official|local officials|one senior local official]")],
        "[a local official|local officials]", "the official");

    /// <summary>Canonical names with the aliases the generator writes, for the gold file's "speakers" map.</summary>
    public static readonly (string Canonical, string[] Aliases)[] GoldSpeakers =
    [
        ("Omar Alloush", ["Alloush", "Allouch", "Omar Allouch"]),
        ("Mostafa Bali", ["Bali", "Mustafa Bali"]),
        ("Talal Silo", ["Silo", "Selo", "Talal Selo"]),
        ("Ryan Dillon", ["Dillon", "Colonel Ryan Dillon", "Col. Ryan Dillon"]),
        ("Jihan Sheikh Ahmed", ["Ahmed"]),
        ("Rami Abdurrahman", ["Abdurrahman", "Rami Abdel Rahman", "Abdel Rahman"]),
        ("Syrian Observatory for Human Rights", ["the Observatory", "Britain-based Syrian Observatory for Human Rights"]),
        ("SDF", ["Syrian Democratic Forces", "US-backed SDF", "SDF statement"]),
        ("US-led coalition", ["coalition", "U.S.-led coalition", "coalition sources", "Combined Joint Task Force"]),
        ("United Nations", ["UN"]),
        ("activists", []),
        ("local official", ["a local official", "senior local official", "local officials"]),
    ];
}
