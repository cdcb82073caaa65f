using RaqqaLedger.Domain.Claims;

namespace RaqqaLedger.Corpus;

/// <summary>
/// A clause that carries one claim, written mid-sentence (lower-case start unless a name opens it):
/// "{q}" is the quantity. Frames wrap it into a sentence with or without a speaker.
/// </summary>
/// <param name="Direct">The same claim as a speaker would say it, for quotations; null when only reported speech fits.</param>
/// <param name="Deniable">A positive yes/no clause that "X denied that …" turns into the opposite answer.</param>
/// <param name="Rider">May take ", taking civilians with them as human shields": a second claim in the same sentence.</param>
/// <param name="SubjectVerb">Opens with its own attribution verb ("put the death toll at …"): only "{Speaker} {clause}." fits.</param>
/// <param name="NeedsMayadeen">"the town" means Mayadeen only after the article has named it.</param>
/// <param name="TrailingSource">Whether ", according to X." may follow: after "fled", the rules read "according" as the deal's "accord".</param>
internal sealed record Clause(
    string Topic,
    Func<SplitMix64, WrittenQuantity>? Quantity,
    ClaimValue? Fixed,
    Phrase Reported,
    Phrase? Direct = null,
    bool Deniable = false,
    bool Rider = false,
    bool SubjectVerb = false,
    bool NeedsMayadeen = false,
    bool TrailingSource = true);

/// <summary>A topic: its clauses and who plausibly reports on it (null: the outlet's own voice).</summary>
internal sealed record TopicPlan(string Topic, int Weight, Clause[] Clauses, Voice?[] Speakers);

internal static class Clauses
{
    private static readonly CountProfile Departed = new([100, 150, 200, 250, 275, 300, 350, 400, 500], [(200, 300), (250, 300), (300, 400), (100, 200)]);
    private static readonly CountProfile Surrendered = new([50, 100, 150, 200, 275, 300, 350], [(100, 150), (200, 300)]);
    private static readonly CountProfile Remaining = new([100, 150, 200, 300, 350, 400, 500], [(300, 400), (200, 300), (100, 150)]);
    private static readonly CountProfile Hostages = new([200, 300, 400, 500, 1000], [(200, 300), (300, 400)]);
    private static readonly CountProfile Trapped = new([3000, 4000, 5000, 8000, 10000], [(4000, 5000), (3000, 4000), (5000, 8000)]);
    private static readonly CountProfile Evacuated = new([1000, 1500, 2000, 3000, 4000], [(1000, 1500), (2000, 3000)]);
    private static readonly CountProfile Displaced = new([200000, 250000, 270000, 300000, 312000], [(250000, 300000), (200000, 270000)]);
    private static readonly CountProfile Killed = new([1000, 1130, 1200, 1400, 1800, 2000], [(1000, 1200), (1100, 1400)]);
    private static readonly int[] SdfShare = [80, 85, 87, 90, 92, 95];
    private static readonly int[] IsShare = [5, 8, 10, 13, 15, 20];

    private static Func<SplitMix64, WrittenQuantity> Count(CountProfile profile) => random => Quantities.Count(profile, random);

    private static readonly ClaimValue Yes = ClaimValue.Yes(true), No = ClaimValue.Yes(false);
    private static readonly ClaimValue Locals = ClaimValue.Of("local_officials"), UsCoalition = ClaimValue.Of("us_coalition");

    private const string Fighters = "[fighters|militants|jihadists]";
    private const string Deal = "[deal|agreement]";

    public static readonly TopicPlan[] Topics =
    [
        new("fighters.departed.count", 10,
        [
            new("fighters.departed.count", Count(Departed), null,
                "{q} [local |Syrian |IS |Islamic State |]" + Fighters + " [and their families |with their families |][had left|had departed|had been evacuated from|had pulled out of|left] [the city|Raqqa|Raqqa city]",
                "{q} [fighters|militants] [and their families |]have left [the city|Raqqa]", Rider: true),
            new("fighters.departed.count", Count(Departed), null,
                "the " + Deal + " [allowed|provided for|covered] the [departure|evacuation|exit] of {q} [local |Syrian |]" + Fighters,
                "The deal [allowed|covered] the departure of {q} fighters"),
            new("fighters.departed.count", Count(Departed), null,
                "{q} [fighters|militants] [were bused out|boarded the buses|got out] [overnight|under the deal|with the convoy]",
                "{q} fighters [got out|were bused out] overnight"),
        ],
        [Voices.Sdf, Voices.Bali, Voices.Silo, Voices.LocalOfficial, Voices.Alloush, Voices.Abdurrahman, Voices.Observatory, Voices.Coalition, Voices.Activists, null]),

        new("fighters.surrendered.count", 6,
        [
            new("fighters.surrendered.count", Count(Surrendered), null,
                "{q} [local |Syrian |IS |][fighters|militants|jihadists|mercenaries] [had surrendered|surrendered|had handed themselves over|had laid down their arms|gave themselves up][ to the SDF| to US-backed forces| in the past 24 hours|]",
                "{q} [fighters|militants] have surrendered[ to our forces|]"),
            new("fighters.surrendered.count", Count(Surrendered), null,
                "the " + Deal + " [would|was to] ensure the surrender of {q} local [mercenaries|fighters] and their families",
                "The deal ensures the surrender of {q} local fighters and their families"),
        ],
        [Voices.Sdf, Voices.Coalition, Voices.Dillon, Voices.LocalOfficial, Voices.Silo, null]),

        new("fighters.remaining.count", 8,
        [
            new("fighters.remaining.count", Count(Remaining), null,
                "{q} [IS |Islamic State |]" + Fighters + " [remained|were still|remain|were] in [the city|Raqqa]",
                "{q} [fighters|militants] [remain|are still] in [the city|Raqqa]"),
            new("fighters.remaining.count", Count(Remaining), null,
                "{q} " + Fighters + " were [still |]holed up in [the city|Raqqa|the national hospital and the stadium]",
                "{q} fighters are still holed up in the city"),
            new("fighters.remaining.count", Count(Remaining), null,
                "there were {q} [fighters|militants] remaining in [the city|Raqqa]"),
        ],
        [Voices.Coalition, Voices.Dillon, Voices.Alloush, Voices.Sdf, Voices.Silo, Voices.Abdurrahman, Voices.Observatory, null]),

        new("hostages.count", 5,
        [
            new("hostages.count", Count(Hostages), null,
                "[IS|the militants|the jihadists] [were holding|held|had] {q} hostages[ in the national hospital| with them|]",
                "They [have|are holding] {q} hostages [with them|in the national hospital]"),
            new("hostages.count", Count(Hostages), null,
                "[IS fighters|the militants] [were holding|held] {q} [civilians|people|residents] [as hostages|in the national hospital]"),
        ],
        [Voices.Alloush, Voices.LocalOfficial, Voices.UnitedNations, Voices.Activists, Voices.Abdurrahman, Voices.Observatory, null]),

        new("civilians.used_as_shields", 8,
        [
            new("civilians.used_as_shields", null, Yes,
                "[the militants|IS fighters|the jihadists|the departing fighters] [took|had taken|were using|used] civilians as human shields",
                "They [took|are using] civilians as human shields[ and left|]", Deniable: true),
            new("civilians.used_as_shields", null, Yes,
                "[IS|the militants] [was|were] holding civilians as human shields",
                "They are holding civilians as human shields", Deniable: true),
            new("civilians.used_as_shields", null, No,
                "the [departing |]fighters [had not taken|did not take] any human shields with them",
                "They did not take any human shields with them"),
        ],
        [Voices.Alloush, Voices.Bali, Voices.Dillon, Voices.Coalition, Voices.UnitedNations, Voices.Activists, Voices.LocalOfficial, null]),

        new("civilians.trapped.count", 6,
        [
            new("civilians.trapped.count", Count(Trapped), null,
                "{q} [civilians|people|residents] [were|are|remain|remained] [still |]trapped [in the city|in Raqqa|inside Raqqa]",
                "{q} civilians are still trapped in the city"),
            new("civilians.trapped.count", Count(Trapped), null,
                "{q} [civilians|people] [remained|remain] in [the city|Raqqa]"),
            new("civilians.trapped.count", Count(Trapped), null,
                "the deal was agreed amid concern for {q} civilians still trapped in Raqqa"),
        ],
        [Voices.UnitedNations, Voices.Alloush, Voices.Ahmed, Voices.Activists, Voices.Abdurrahman, Voices.Observatory, null]),

        new("civilians.evacuated.count", 6,
        [
            new("civilians.evacuated.count", Count(Evacuated), null,
                "{q} civilians [had fled|had left|were evacuated|had been evacuated|left] [the city |]as part of the [evacuation agreement|deal]",
                "{q} civilians have left under the deal"),
            new("civilians.evacuated.count", Count(Evacuated), null,
                "the " + Deal + " [allowed|provided for] the evacuation of {q} civilians"),
            new("civilians.evacuated.count", Count(Evacuated), null,
                "[the fighters|the last militants] left [the city |]along with {q} civilians"),
        ],
        [Voices.Sdf, Voices.LocalOfficial, Voices.Ahmed, Voices.UnitedNations, Voices.Silo, null]),

        new("civilians.displaced.count", 5,
        [
            new("civilians.displaced.count", Count(Displaced), null,
                "{q} [people|civilians|residents] [have fled|had fled|have been displaced from] Raqqa since [April|the battle began|the offensive began]", TrailingSource: false),
            new("civilians.displaced.count", Count(Displaced), null,
                "the [fighting|offensive|battle] [has|had] forced {q} people to flee [the city|Raqqa]"),
        ],
        [Voices.UnitedNations, Voices.Activists, Voices.Abdurrahman, Voices.Observatory, null]),

        new("civilians.killed.count", 6,
        [
            new("civilians.killed.count", Count(Killed), null,
                "{q} civilians [have been|had been] killed in Raqqa since the battle [to retake the city |]began in June"),
            new("civilians.killed.count", Count(Killed), null,
                "the civilian death toll [in Raqqa |][stood at|had risen to] {q}"),
            new("civilians.killed.count", Count(Killed), null,
                "[documented|recorded] the deaths of {q} civilians in Raqqa since June", SubjectVerb: true),
            new("civilians.killed.count", Count(Killed), null,
                "[coalition air strikes|the fighting] [had|have] killed {q} civilians [in Raqqa|in the city] since June"),
        ],
        [Voices.Abdurrahman, Voices.Observatory, Voices.Activists, Voices.UnitedNations, null]),

        new("city.sdf_control.percent", 7,
        [
            new("city.sdf_control.percent", r => Quantities.Percent(SdfShare, complement: false, r), null,
                "[the SDF [holds|controls|now holds]|US-backed forces [hold|control|have captured]|the Syrian Democratic Forces [hold|control]] {q} of [the city|Raqqa]",
                "We [hold|control|have liberated] {q} of the city"),
            new("city.sdf_control.percent", r => Quantities.Percent(SdfShare, complement: false, r), null,
                "{q} of [the city|Raqqa] [has been|had been] [liberated|cleared|captured|retaken]"),
            new("city.sdf_control.percent", r => Quantities.Percent(IsShare, complement: true, r), null,
                "[IS [now |]holds|the jihadists [now |]hold|the militants [still |]hold|Islamic State [now |]controls] {q} of [the city|Raqqa]",
                "[IS holds|The militants hold|The jihadists hold] {q} of the city"),
            new("city.sdf_control.percent", Quantities.Fraction, null,
                "[the SDF [controls|holds]|US-backed forces [hold|have captured]] {q} of [the city|Raqqa]"),
        ],
        [Voices.Sdf, Voices.Coalition, Voices.Silo, Voices.Bali, Voices.Ahmed, null, null]),

        new("mayadeen.captured", 4,
        [
            new("mayadeen.captured", null, Yes,
                "[Syria's army|Syrian government forces|government troops backed by Russian air strikes|the Syrian army] [captured the IS stronghold of|had captured the IS stronghold of|seized the town of|had taken full control of|recaptured] Mayadeen",
                Deniable: true),
            new("mayadeen.captured", null, Yes,
                "Mayadeen [was|had been|has been] [captured|retaken|recaptured] by [Syrian government forces|the Syrian army]",
                Deniable: true),
            new("mayadeen.captured", null, Yes,
                "government troops [had taken|took] control of the town", NeedsMayadeen: true),
        ],
        [Voices.Abdurrahman, Voices.Observatory, Voices.Activists, Voices.Coalition, null, null]),

        new("foreign_fighters.departed", 10,
        [
            new("foreign_fighters.departed", null, Yes,
                "[some|a group of|a number of|a batch of] [foreign|foreign-born] [IS |Islamic State |]" + Fighters + " [had |have |][also |][left|departed] [the city|Raqqa|with the convoy]",
                "[Some|A portion of the] foreign[ers| fighters] have left", Deniable: true),
            new("foreign_fighters.departed", null, Yes,
                "foreign [fighters|militants] were among those who [left|departed]",
                "Foreign fighters were among those who left", Deniable: true),
            new("foreign_fighters.departed", null, Yes,
                "foreign [fighters|militants] were on the convoy", Deniable: true),
            new("foreign_fighters.departed", null, No,
                "no foreign [fighters|militants] had left [the city|Raqqa|under the deal]",
                "No foreign fighters have left"),
            new("foreign_fighters.departed", null, No,
                "foreign [fighters|militants] did not leave [under the deal|the city|with the convoy]",
                "Foreign fighters did not leave"),
            new("foreign_fighters.departed", null, No,
                "only [Syrian|local] [fighters|militants] had left",
                "Only Syrian fighters have left"),
            new("foreign_fighters.departed", null, No,
                "foreign fighters were not among those who left"),
        ],
        [Voices.Alloush, Voices.Bali, Voices.LocalOfficial, Voices.Sdf, Voices.Silo, Voices.Coalition, Voices.Abdurrahman, Voices.Observatory, Voices.Activists, null]),

        new("deal.allows_foreign_fighters", 9,
        [
            new("deal.allows_foreign_fighters", null, No,
                "the " + Deal + " [would exclude|excludes|excluded] foreign [IS |Islamic State |][fighters|militants]",
                "The deal excludes foreign fighters"),
            new("deal.allows_foreign_fighters", null, No,
                "foreign " + Fighters + " [were|would be|had been] excluded from the " + Deal),
            new("deal.allows_foreign_fighters", null, No,
                "the deal ruled out the [exit|departure] of foreign [IS |]fighters"),
            new("deal.allows_foreign_fighters", null, No,
                "foreign fighters would not be allowed to leave",
                "Foreign fighters will not be allowed to leave"),
            new("deal.allows_foreign_fighters", null, No,
                "foreign fighters [are|were] not covered by the " + Deal),
            new("deal.allows_foreign_fighters", null, Yes,
                "a deal [was|had been] reached for foreign [IS |]militants to leave Raqqa", Deniable: true),
            new("deal.allows_foreign_fighters", null, Yes,
                "foreign fighters would be allowed to leave [the city|Raqqa|with the convoy]",
                "Foreign fighters will be allowed to leave", Deniable: true),
            new("deal.allows_foreign_fighters", null, Yes,
                "the " + Deal + " [allowed|allows] foreign fighters to leave", Deniable: true),
        ],
        [Voices.Coalition, Voices.Dillon, Voices.Alloush, Voices.Sdf, Voices.LocalOfficial, null]),

        new("deal.brokered_by", 7,
        [
            new("deal.brokered_by", null, Locals,
                "the " + Deal + " was [brokered|negotiated|reached] by [local officials|tribal elders|local tribal leaders|the Raqqa Civil Council|Arab tribal leaders]"),
            new("deal.brokered_by", null, Locals,
                "[local officials|tribal elders|the Raqqa Civil Council] [brokered|negotiated] the " + Deal),
            new("deal.brokered_by", null, Locals,
                "the deal was a local [solution|arrangement]",
                "This is a local [solution|arrangement]"),
            new("deal.brokered_by", null, UsCoalition,
                "the [US-brokered|U.S.-brokered] deal [had taken effect|was holding]"),
            new("deal.brokered_by", null, UsCoalition,
                "the " + Deal + " was [brokered|negotiated] by [the US-led coalition|American officers|US officials]"),
            new("deal.brokered_by", null, UsCoalition,
                "[the coalition|Washington|the US-led coalition] [had |]struck a deal with [IS|the militants]"),
        ],
        [Voices.Coalition, Voices.Dillon, Voices.Sdf, Voices.Alloush, Voices.LocalOfficial, null]),
    ];

    public static readonly Clause ShieldsRider = new("civilians.used_as_shields", null, Yes, ", taking civilians with them as human shields");
}
