using RaqqaLedger.Domain.Claims;

namespace RaqqaLedger.Corpus;

/// <summary>A headline, and the claim it makes in the outlet's voice (or a speaker's, after "X says"), if any.</summary>
internal sealed record Headline(Phrase Text, string? Topic = null, ClaimValue? Value = null, string? Speaker = null);

/// <summary>
/// Sentence frames, background prose and page furniture. Slots: {C}/{c} the reported clause (capitalised
/// or not), {D} the direct clause, {S}/{s} the speaker before a verb (capitalised or not), {p} the
/// speaker after a verb or "according to", {pro}/{Pro} and {Ana} pointers back to the last speaker,
/// {day} a weekday shortly before publication, {agency} a wire agency, {q1}/{q2} quotation marks.
/// </summary>
internal static class Prose
{
    public static readonly Phrase[] OutletFrames =
    [
        "{C}.",
        "{C}.", // twice: the plain sentence is the commonest

        "[On {day}|Earlier on {day}|Meanwhile|Earlier this week|Late on {day}], {c}.",
    ];

    public static readonly Phrase[] ReportedFrames =
    [
        "{C}, {s} said.",
        "{C}, {s} said on {day}.",
        "{C}, {s} told {agency}.",
        "{C}, said {p}.",
        "{S} said [that |]{c}.",
        "{S} said on {day} that {c}.",
        "{S} told {agency} [that |]{c}.",
        "{S} [stressed|warned|noted|confirmed|insisted] that {c}.",
        "According to {p}, {c}.",
        "{C}, according to {p}.",
    ];

    public static readonly Phrase[] QuotedFrames =
    [
        "{q1}{D},{q2} said {p}.",
        "{q1}{D},{q2} {s} said.",
        "{q1}{D},{q2} {s} told {agency}.",
    ];

    public static readonly Phrase[] SubjectVerbFrames = ["{S} {c}."];

    public static readonly Phrase[] DenialFrames = ["{S} denied that {c}.", "{S} has denied that {c}."];

    /// <summary>Frames a lede can open with, so a date ("On Sunday, October 15, …") can stand before them.</summary>
    public static readonly Phrase LedeOutletFrame = "{C}.";

    public static readonly Phrase[] LedeSpeakerFrames =
    [
        "{C}, {s} said.",
        "{C}, {s} told {agency}.",
        "{S} said [that |]{c}.",
        "{S} told {agency} [that |]{c}.",
    ];

    public static readonly Phrase[] PronounFollowUps =
    [
        "{q1}{D},{q2} {pro} added.",
        "{q1}{D},{q2} {pro} said.",
        "{Pro} [said|added] [that |]{c}.",
        "{Pro} also told {agency} that {c}.",
    ];

    public static readonly Phrase[] AnaphorFollowUps = ["{Ana} [said|added] [that |]{c}."];

    public static readonly Phrase Continuation = "{q1}{D}.{q2}";

    /// <summary>Ledes without a claim, written mid-sentence so a date can open them.</summary>
    public static readonly Phrase[] NeutralLedes =
    [
        "US-backed forces [said they had begun|announced] the final phase of the battle for Raqqa, the Islamic State group's one-time Syrian capital.",
        "the last Islamic State fighters in Raqqa prepared to leave the city under an evacuation deal as US-backed forces readied a final assault.",
        "buses carrying Islamic State fighters and their families [left|began leaving] Raqqa under a deal that has drawn criticism from Washington's allies.",
        "the battle for Raqqa entered what US-backed forces called its last stage, after days of talks on a way out for the jihadists still inside.",
        "a convoy of buses and trucks [left|rolled out of] Raqqa under an arrangement that [US officials|Western diplomats] had long said they opposed.",
    ];

    /// <summary>A second sentence for a short lede: ledes are long enough to be read as the story's opening.</summary>
    public static readonly Phrase[] LedeFillers =
    [
        "The move comes as part of a deal that signals the imminent capture of the city.",
        "The [announcement|news] came after days of talks between tribal leaders, the militia and the jihadists still inside the city.",
        "Raqqa was the first major Syrian city to fall to the jihadists, and its loss would be a heavy blow to the group.",
        "The [exact |]details of the arrangement [have been|remained] murky, and few outsiders have been able to reach the front line.",
    ];

    /// <summary>Background with numbers that are not claims: years, distances, dates, ordinals, other wars.</summary>
    public static readonly Phrase[] Distractors =
    [
        "Raqqa was [once|formerly] the de facto [Syrian |]capital of the [jihadists'|group's] self-styled \"caliphate\" [in Syria and Iraq|straddling Syria and Iraq].",
        "IS [captured|seized|overran] Raqqa in 2014[ and turned it into a planning centre for attacks abroad| and made it the capital of its self-declared caliphate].",
        "The SDF, an alliance of Kurdish and Arab [fighters|militias], has been battling since June to capture [the city|Raqqa].",
        "Tabqa, about [40|45|50] kilometres west of Raqqa, fell to the [SDF|US-backed alliance] in May.",
        "Mosul, Iraq's second city, was retaken [by Iraqi forces |]in July after a nine-month battle.",
        "The city lies on the [north bank of the |]Euphrates, about [160|170|190] kilometres east of Aleppo.",
        "Syria's war, which began in 2011 with protests against President Bashar al-Assad, has drawn in [regional and world powers|its neighbours and the great powers].",
        "Coalition aircraft [carried out|conducted] [12|15|18|21|26] strikes near Raqqa [on {day}|between {day} and the following morning], destroying [several|a number of] fighting positions.",
        "Reporters have not been allowed into the city since the [arrangement|talks] began.",
        "It was unclear whether foreign fighters had left the city.",
        "[Activists|Residents who fled] could not confirm reports that foreign fighters had left.",
        "There was no information on how many fighters had surrendered.",
        "The battle for Raqqa began on 6 June, [seven|nearly eight] months after the SDF launched its campaign to isolate the city.",
        "[About|Some] [2,000|1,700] US troops are deployed in Syria, most of them advising the SDF.",
        "The International Syria Support Group has [held talks|been meeting] [in Geneva |]since early 2016.",
        "Its loss would be the latest in a string of blows to the group, which has ceded large swathes of territory including Iraq's second city Mosul.",
        "Deir Ezzor province, to the [south-east|east], is now the group's last major foothold in Syria.",
        "A convoy of about [30|40|50] trucks and [10|13|15] buses was seen [on the road north of Raqqa|near the Tabqa dam].",
        "Raqqa had a pre-war population of around [220,000|240,000].",
        "The SDF began its campaign to capture Raqqa last November, fighting for months to encircle the city before breaking into it in June.",
        "In neighbouring Deir Ezzor province, fighting continued around Mayadeen, [45|50] kilometres south-east of the provincial capital.",
        "The Raqqa Civil Council is expected to run the city once it is [cleared of mines|secured].",
        "The [130th|131st|132nd] day of the battle [was marked by|brought] [heavy|sporadic] clashes near the stadium.",
        "Defense Secretary Jim Mattis said on Friday the US would accept the surrender of IS militants who would be interrogated for intelligence purposes.",
        "Kurdish-led forces [first reached|broke into] the old city [walls |]in early July, [after a push from the east|under heavy air cover].",
        "The US had earlier protested a safe exit for the extremist group, and [Washington|the Pentagon] has said it does not negotiate with the jihadists.",
        "Raqqa became an operations centre for attacks abroad and the stage for some of the group's darkest atrocities.",
        "The International Committee of the Red Cross has called on all sides to allow aid into the ruined districts [around the stadium|near the old city].",
        "Much of the old city has been reduced to rubble after [four|more than four] months of street fighting and air strikes.",
        "Turkey, which regards the main Kurdish militia in the SDF as a terrorist group, has watched the campaign with [alarm|growing unease].",
        "The jihadists' last positions [lie|are] around the national hospital and the municipal stadium, [in the heart of the city|near the clock tower roundabout].",
        "Mine-clearing teams say it could take [months|a year or more] before residents can safely return to their homes.",
        "The group's self-declared caliphate once stretched from northern Syria to the outskirts of Baghdad, ruling some [six|seven] million people.",
        "Syrian government forces, backed by Russian air power and Iranian-backed militias, are pushing along the Euphrates from the west.",
        "The road from Raqqa to Deir Ezzor runs for about [140|150] kilometres through largely empty desert.",
        "Washington has armed the Kurdish-led alliance since May, over the objections of NATO ally Turkey.",
        "The [3rd|4th] anniversary of the group's takeover of the city passed earlier this year with little notice inside Raqqa.",
    ];

    public static readonly Phrase[] Captions =
    [
        "The US-backed SDF has been battling since June to capture Raqqa \\[AFP\\]",
        "Members of the Syrian Democratic Forces [near the front line|in the old city] in Raqqa",
        "An armoured vehicle of the Syrian Democratic Forces [is seen along a road at the frontline|on the outskirts of the city]",
    ];

    public static readonly Headline[] Headlines =
    [
        new("[IS|ISIS|Islamic State] foreign [militants|fighters] leave [Syria's |]Raqqa under evacuation deal", "foreign_fighters.departed", ClaimValue.Yes(true)),
        new("[ISIS|IS] fighters get safe passage from [Raqqa|Raqa] under US-brokered deal", "deal.brokered_by", ClaimValue.Of("us_coalition")),
        new("[IS|Islamic State] holds just 10 percent of Raqqa as battle nears end", "city.sdf_control.percent", ClaimValue.Approx(90)),
        new("'Final phase' of battle for [Raqqa|Raqa] as [ISIS|IS] fighters leave"),
        new("Battle for [Raqqa|Raqa] enters final phase"),
        new("Convoy leaves Raqqa as evacuation deal takes effect"),
        new("The Islamic State withdraws from Raqqa after 3 years"),
        new("What we know about the Raqqa evacuation deal"),
        new("Last [IS|ISIS] holdouts in Raqqa face final push"),
        new("US-backed forces close in on [IS|ISIS] in [Raqqa|Raqa]"),
        new("Questions over who left Raqqa under the evacuation deal"),
        new("Civilians flee Raqqa as SDF prepares final assault"),
        new("Deal lets [IS|ISIS] fighters and families leave Raqqa"),
        new("Kurdish-led forces say Raqqa battle in final stage"),
        new("Raqqa deal: [buses|convoy] take last [IS|ISIS] fighters out of the city"),
        new("[Islamic State|ISIS] loses grip on Raqqa as evacuation begins"),
    ];

    public static readonly string[] Agencies = ["AFP", "Reuters", "AP", "Agence France-Presse", "the Associated Press"];

    public static readonly string[] Authors = ["Lina Haddad", "Tom Ellison", "Sara Khoury", "Daniel Marsh", "Nour Saleh", "Ellen Brandt", "Karim Nasser", "Maya Fischer"];

    public static readonly string[] SyrianPlaces = ["RAQQA", "AIN ISSA", "QAMISHLI", "TABQA", "KOBANI"];

    public static readonly string[] OtherPlaces = ["BEIRUT", "CAIRO", "AMMAN", "ISTANBUL", "ERBIL", "WASHINGTON", "DAMASCUS", "GENEVA"];

    public static readonly string[] TopFurniture = ["Advertisement", "2 min read", "3 min read", "Share this article"];

    public static readonly Phrase[] BottomFurniture =
    [
        "(Reporting by {author}; Editing by {author2})",
        "Leave a Comment",
        "Comments\n\n0",
        "Be Social",
        "Photo courtesy Wikipedia",
        "Photo: AFP",
        "Related: Raqqa offensive",
        "Facebook Twitter WhatsApp Email",
    ];

    /// <summary>Sites that reprint wire copy (invented).</summary>
    public static readonly string[] Outlets = ["gulf-daily.example", "levant-post.example", "the-wire-desk.example", "euphrates-news.example", "eastern-herald.example"];

    /// <summary>The line a syndicated copy credits its source with.</summary>
    public static readonly string[] CopyCredits = ["Source: AFP", "Source: Reuters", "Agencies", "Wire services", "(Additional reporting by agencies)"];
}
