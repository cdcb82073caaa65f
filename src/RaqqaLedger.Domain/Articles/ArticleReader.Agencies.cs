using System.Text.RegularExpressions;

namespace RaqqaLedger.Domain.Articles;

public static partial class ArticleReader
{
    // One pass over the text, one named group per agency. Short acronyms are matched case-sensitively as
    // whole words ("AP", never "ap" or "MAP"); full names and proper-noun names ignore case.
    [GeneratedRegex(
        @"(?<AFP>\bAFP\b|(?i:\bAgence\s+France[\s\-\u2010\u2011]Presse\b))" +
        @"|(?<Reuters>(?i:\bReuters\b))" +
        @"|(?<AP>\bAP\b|(?i:\bAssociated\s+Press\b))" +
        @"|(?<DPA>\b(?:DPA|dpa)\b|(?i:\bDeutsche\s+Presse[\s\-\u2010\u2011]Agentur\b))" +
        @"|(?<Xinhua>(?i:\bXinhua\b))" +
        @"|(?<Anadolu>(?i:\bAnadolu(?:\s+(?:Agency|Ajans\u0131|Ajansi))?\b))" +
        @"|(?<UPI>\bUPI\b|(?i:\bUnited\s+Press\s+International\b))" +
        @"|(?<EFE>\bEFE\b)" +
        @"|(?<ANSA>\bANSA\b)" +
        @"|(?<Kyodo>(?i:\bKyodo(?:\s+News)?\b))" +
        @"|(?<TASS>\b(?:TASS|Tass)\b)" +
        @"|(?<PTI>\bPTI\b|(?i:\bPress\s+Trust\s+of\s+India\b))" +
        @"|(?<ANI>\bANI\b|(?i:\bAsian\s+News\s+International\b))" +
        @"|(?<Bloomberg>\bBloomberg(?:\s+News)?\b)",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex AgencyRegex();

    private static readonly string[] AgencyNames =
        ["AFP", "Reuters", "AP", "DPA", "Xinhua", "Anadolu", "UPI", "EFE", "ANSA", "Kyodo", "TASS", "PTI", "ANI", "Bloomberg"];

    // Group numbers looked up once: reading groups by number is cheaper than by name on every match.
    private static readonly int[] AgencyGroups = [.. AgencyNames.Select(name => AgencyRegex().GroupNumberFromName(name))];

    // "Bloomberg" is also a person; his name is not a wire credit.
    [GeneratedRegex(@"\b(?:Michael|Mike|Mayor|Mr\.?)\s+$", RegexOptions.CultureInvariant)]
    private static partial Regex BloombergPersonRegex();

    /// <summary>Each credited agency once, in order of first mention, with the text of that mention.</summary>
    private static IReadOnlyList<AgencyCredit> FindAgencies(string text)
    {
        var credits = new List<AgencyCredit>();
        var found = new HashSet<string>(StringComparer.Ordinal);
        for (Match match = AgencyRegex().Match(text); match.Success && found.Count < AgencyNames.Length; match = match.NextMatch())
        {
            int which = 0;
            while (!match.Groups[AgencyGroups[which]].Success)
            {
                which++;
            }

            string agency = AgencyNames[which];
            if (found.Contains(agency)
                || agency == "Bloomberg" && BloombergPersonRegex().IsMatch(text.AsSpan(Math.Max(0, match.Index - 12), Math.Min(12, match.Index))))
            {
                continue;
            }

            found.Add(agency);
            credits.Add(new AgencyCredit(agency, match.Value));
        }

        return credits;
    }
}
