using System.Text.RegularExpressions;

namespace RaqqaLedger.Domain.Articles;

public static partial class ArticleReader
{
    /// <summary>Paragraphs read for a dateline: it opens the story, so captions and a standfirst at most come first.</summary>
    private const int DatelineParagraphs = 3;

    /// <summary>Words that follow a dash after the dateline before it counts as the opening of a paragraph.</summary>
    private const int DatelineBodyWords = 4;

    private const string PlaceWord = @"\p{Lu}[\p{L}'\u2019./\-]*"; // "DEIR EZ-ZOR", "ST. PETERSBURG", "AMMAN/BEIRUT"

    // PLACE[ (Country)][, Country][, Oct 15[, 2017]][ (Agency)] DASH, at the very start of a paragraph:
    // "CAIRO –", "AIN ISSA , Syria –", "BEIRUT, Oct 15 (Reuters) -", "Beirut (AFP) -", "BEIRUT:".
    [GeneratedRegex(
        @"^(?<place>" + PlaceWord + @"(?:\s+" + PlaceWord + @"){0,3})" +
        @"(?:\s*\((?<pcountry>\p{Lu}[\p{L} .'\u2019\-]{1,30})\)(?=\s*\())?" +
        @"(?<country>\s*,\s*" + PlaceWord + @"(?:\s+" + PlaceWord + @"){0,2})?" +
        @"(?:\s*,\s*(?<date>(?:[\p{L}]{3,9}\.?\s+[0-3]?[0-9](?:st|nd|rd|th)?|[0-3]?[0-9](?:st|nd|rd|th)?\s+[\p{L}]{3,9}\.?)(?:\s*,?\s*(?:19|20)[0-9]{2})?))?" +
        @"(?:\s*\((?<agency>\p{L}[\p{L}\p{N} .&'\u2019\-]{0,30})\))?" +
        @"\s*(?<dash>--|[\-\u2010-\u2015\u2212]|:)(?=\s*[\p{L}\p{N}""'\u201C\u2018(\[])",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex DatelineRegex();

    // Capitalised openers that are labels, agencies or acronyms, not places ("BREAKING:", "SDF - the ...").
    private static readonly HashSet<string> NotPlaces = new(StringComparer.OrdinalIgnoreCase)
    {
        "BY", "BREAKING", "BREAKING NEWS", "UPDATE", "UPDATED", "WATCH", "EXCLUSIVE", "ANALYSIS", "OPINION",
        "EDITORIAL", "COMMENT", "NOTE", "EDITOR'S NOTE", "EDITOR\u2019S NOTE", "PHOTO", "PHOTOS", "VIDEO",
        "READ", "READ MORE", "MORE", "ADVERTISEMENT", "LIVE", "FILE", "CORRECTION", "CLARIFICATION", "FACT CHECK",
        "WARNING", "ALERT", "NOTICE", "DISCLAIMER", "SUMMARY", "HIGHLIGHTS", "TIMELINE", "BACKGROUND", "CONTEXT",
        "FACTBOX", "EXPLAINER", "INTERVIEW", "FEATURE", "SPECIAL REPORT", "SOURCE", "SOURCES", "REPORT", "NEWS",
        "AFP", "REUTERS", "AP", "DPA", "XINHUA", "ANADOLU", "UPI", "EFE", "ANSA", "KYODO", "TASS", "PTI", "ANI",
        "BLOOMBERG", "ISIS", "ISIL", "DAESH", "SDF", "YPG", "NATO", "UN", "US", "USA", "EU", "UK",
    };

    /// <summary>A dateline found at the start of a header line.</summary>
    /// <param name="End">Offset just past the dash, where the story's text begins.</param>
    /// <param name="Date">A date printed inside the dateline or right after its dash, with or without a year.</param>
    private sealed record DatelineMatch(Dateline Dateline, int LineIndex, int End, DateMention? Date);

    /// <summary>
    /// Looks at the opening paragraphs (not the title, not furniture) for a place line. Places must be in
    /// capitals unless an agency credit in brackets follows ("Beirut (AFP) -"), so ordinary sentences that
    /// begin with a capitalised word and later hold a dash are not mistaken for datelines.
    /// </summary>
    private static DatelineMatch? FindDateline(Header header, int? titleLine)
    {
        int paragraphs = 0;
        foreach (int i in header.Content(titleLine))
        {
            string line = header.Lines[i];
            if (MatchDateline(line) is { } match)
            {
                return match with { LineIndex = i };
            }

            if (CountWords(line) >= ParagraphWords && ++paragraphs >= DatelineParagraphs)
            {
                break;
            }
        }

        return null;
    }

    private static DatelineMatch? MatchDateline(string line)
    {
        Match match = DatelineRegex().Match(line);
        if (!match.Success)
        {
            return null;
        }

        string place = match.Groups["place"].Value;
        bool credited = match.Groups["agency"].Success;
        if (NotPlaces.Contains(place) || NotPlaces.Contains(FirstWord(place))
            || !credited && (!IsCapitals(place) || LetterCount(place) < 4))
        {
            return null;
        }

        int end = match.Index + match.Length;
        if (CountWords(line.AsSpan(end)) < DatelineBodyWords)
        {
            return null; // "BY -" or a label, not the opening of a story
        }

        DateMention? date = null;
        if (match.Groups["date"].Success)
        {
            date = DateParsing.DateAt(line, match.Groups["date"].Index);
        }

        // "CAIRO – 15 October 2017: A group ...": the date right after the dash belongs to the dateline.
        date ??= DateParsing.DateAt(line, end);

        string printedPlace = place;
        if (match.Groups["pcountry"].Success)
        {
            printedPlace += " (" + match.Groups["pcountry"].Value.Trim() + ")";
        }

        printedPlace += match.Groups["country"].Value;
        var dateline = new Dateline(TidyPlace(printedPlace), line[..end]);
        return new DatelineMatch(dateline, -1, end, date);
    }

    [GeneratedRegex(@"\s+(?=,)|(?<=\s)\s+", RegexOptions.CultureInvariant)]
    private static partial Regex LooseSpaceRegex();

    /// <summary>"AIN ISSA , Syria" becomes "AIN ISSA, Syria": no space before commas, single spaces.</summary>
    private static string TidyPlace(string place) =>
        LooseSpaceRegex().Replace(place, "").Replace('\u00A0', ' ').Trim();

    private static string FirstWord(string text)
    {
        int space = text.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? text : text[..space];
    }

    private static bool IsCapitals(string text)
    {
        foreach (char c in text)
        {
            if (char.IsLetter(c) && !char.IsUpper(c))
            {
                return false;
            }
        }

        return true;
    }

    private static int LetterCount(string text) => text.Count(char.IsLetter);
}
