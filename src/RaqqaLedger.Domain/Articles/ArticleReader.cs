using System.Text.RegularExpressions;

namespace RaqqaLedger.Domain.Articles;

/// <summary>
/// Derives what an article's raw text says about itself: title, publication date (and how it is known),
/// dateline, credited wire agencies and page-furniture lines.
/// Pure and deterministic: no clock, no I/O, no culture; every pattern is precompiled and linear, and
/// only the header area (the first <see cref="HeaderLineCount"/> non-empty lines) is searched for dates.
/// </summary>
public static partial class ArticleReader
{
    /// <summary>Mastheads, bylines, date lines and datelines all sit within the first lines of a page.</summary>
    private const int HeaderLineCount = 15;

    /// <summary>Leading furniture (date lines, section labels, bylines) skipped before a headline.</summary>
    private const int TitleSearchLines = 6;

    private const int MaxTitleLength = 200;
    private const int MaxTitleWords = 30;

    /// <summary>A date in a lede counts only near its start, where the story's own day is given.</summary>
    private const int LedeScanLength = 400;

    /// <summary>Fewest words for a line to be a body paragraph rather than a label or caption stub.</summary>
    private const int ParagraphWords = 12;

    private const string NoDateReason = "no date found in the header or dateline";

    /// <summary>Reads <paramref name="rawText"/> and returns everything that can be derived from it.</summary>
    public static ArticleFacts Read(string rawText, ArticleReadingOptions options)
    {
        ArgumentNullException.ThrowIfNull(rawText);
        ArgumentNullException.ThrowIfNull(options);

        string[] lines = SplitLines(rawText);
        IReadOnlyList<BoilerplateLine> boilerplate = FindBoilerplate(lines);
        var furniture = boilerplate.ToDictionary(b => b.Line - 1, b => b.Reason);
        var header = new Header(lines, HeaderIndices(lines), furniture);

        int? titleLine = FindTitle(header);
        DatelineMatch? dateline = FindDateline(header, titleLine);
        PublicationDate published = FindPublicationDate(header, titleLine, dateline, options.ReferenceYear);

        return new ArticleFacts(
            titleLine is int t ? lines[t] : null,
            published,
            dateline?.Dateline,
            FindAgencies(rawText),
            boilerplate,
            LanguageDetector.Detect(rawText));
    }

    /// <summary>The text's lines (split on \n, \r dropped), trimmed of spaces, no-break spaces and zero-width marks.</summary>
    private static string[] SplitLines(string rawText)
    {
        string[] lines = rawText.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            lines[i] = lines[i].Trim().Trim(InvisibleChars).Trim();
        }

        return lines;
    }

    private static readonly char[] InvisibleChars = ['\uFEFF', '\u200B', '\u200C', '\u200D', '\u2060', '\r'];

    private static int[] HeaderIndices(string[] lines)
    {
        var indices = new List<int>(HeaderLineCount);
        for (int i = 0; i < lines.Length && indices.Count < HeaderLineCount; i++)
        {
            if (lines[i].Length > 0)
            {
                indices.Add(i);
            }
        }

        return [.. indices];
    }

    /// <summary>All lines, the header's line indices and the furniture lines, passed around together.</summary>
    private sealed class Header(string[] lines, int[] indices, Dictionary<int, string> furniture)
    {
        private readonly Dictionary<int, (DateMention Date, bool IsUpdate)?> dateLines = [];

        public string[] Lines { get; } = lines;

        public int[] Indices { get; } = indices;

        /// <summary>Boilerplate reason by line index.</summary>
        public Dictionary<int, string> Furniture { get; } = furniture;

        /// <summary>Header lines that are neither furniture nor <paramref name="except"/>.</summary>
        public IEnumerable<int> Content(int? except = null) =>
            Indices.Where(i => i != except && !Furniture.ContainsKey(i));

        /// <summary>
        /// Header lines that may carry the publication date: furniture lines count too ("Source: Xinhua |
        /// 2017-10-15", "Originally published October 14, 2017"), except photo credits and repeats.
        /// </summary>
        public IEnumerable<int> DateCandidates(int? except) =>
            Indices.Where(i => i != except && Furniture.GetValueOrDefault(i) is not ("photo-credit" or "repeated"));

        /// <summary>The date when line <paramref name="index"/> is a date line; parsed once, asked for several times.</summary>
        public (DateMention Date, bool IsUpdate)? DateLine(int index)
        {
            if (!dateLines.TryGetValue(index, out var found))
            {
                found = DateParsing.TryReadDateLine(Lines[index], out DateMention date, out bool isUpdate) ? (date, isUpdate) : null;
                dateLines[index] = found;
            }

            return found;
        }
    }

    // ---------------------------------------------------------------- title

    private static int? FindTitle(Header header)
    {
        foreach (int i in header.Indices.Take(TitleSearchLines))
        {
            string line = header.Lines[i];
            if (header.Furniture.ContainsKey(i)
                || header.DateLine(i) is not null
                || DateParsing.TryReadYearlessDateLine(line, out _)
                || IsBylineLine(line)
                || CountWords(line) <= 2 && !EndsLikeSentence(line))
            {
                continue; // page furniture above the headline: "Advertisement", "World News", "By Jane Doe", a date
            }

            return LooksLikeHeadline(line) ? i : null;
        }

        return null;
    }

    /// <summary>
    /// A headline is short, starts like a heading, and is not a paragraph: a line ending with a period is a
    /// headline only when it is a single short clause (many ledes are one long sentence ending in a period).
    /// </summary>
    private static bool LooksLikeHeadline(string line)
    {
        if (line.Length > MaxTitleLength || char.IsLower(line[0]))
        {
            return false;
        }

        int words = CountWords(line);
        if (words is < 3 or > MaxTitleWords || line[^1] is ',' or ';' or ':')
        {
            return false;
        }

        // A lede, even a short one, ends with a full stop; a headline rarely does, and then it is one short clause.
        return !EndsLikeSentence(line) || words <= 10 && !line.Contains(',') && !HasSentenceBreak(line);
    }

    [GeneratedRegex(@"^by\s+\p{Lu}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BylineStartRegex();

    private static bool IsBylineLine(string line) =>
        line.Length <= 80 && !EndsLikeSentence(line) && BylineStartRegex().IsMatch(line);

    // ------------------------------------------------------------- publication date

    /// <summary>
    /// Strongest evidence first: a standalone date line in the header (a publication stamp preferred over an
    /// update stamp), a short header line carrying a date next to a byline or separator, the dateline's own
    /// date; then inference from the dateline or lede (a day and month without a year, or the day the lede gives
    /// for its events); otherwise unknown. Captions, standfirsts and body paragraphs are never read for dates.
    /// </summary>
    private static PublicationDate FindPublicationDate(Header header, int? titleLine, DatelineMatch? dateline, int referenceYear)
    {
        PublicationDate? updateStamp = null;
        foreach (int i in header.DateCandidates(titleLine))
        {
            if (header.DateLine(i) is var (mention, isUpdate))
            {
                var stated = new PublicationDate(mention.Date, DateBasis.Stated, header.Lines[i], null);
                if (!isUpdate)
                {
                    return stated;
                }

                updateStamp ??= stated;
            }
        }

        if (updateStamp is not null)
        {
            return updateStamp;
        }

        foreach (int i in header.DateCandidates(titleLine))
        {
            if (DateInStampLine(header.Lines[i]) is { } stamp)
            {
                return new PublicationDate(stamp.Date, DateBasis.Stated, stamp.Text, null);
            }
        }

        if (dateline?.Date is { Year: not null } printed)
        {
            return new PublicationDate(printed.Date, DateBasis.Stated, printed.Text, null);
        }

        string? lede = FindLede(header, titleLine, dateline);
        if (dateline?.Date is { } partial)
        {
            return FromYearlessDate(partial, lede, referenceYear, "dateline");
        }

        foreach (int i in header.DateCandidates(titleLine))
        {
            if (DateParsing.TryReadYearlessDateLine(header.Lines[i], out DateMention yearless))
            {
                return FromYearlessDate(yearless with { Text = header.Lines[i] }, lede, referenceYear, "date line");
            }
        }

        return lede is null ? PublicationDate.Unknown(NoDateReason) : FromLede(lede, referenceYear);
    }

    [GeneratedRegex(@"\b(?:published|updated|posted|dated|filed|by)\b|[|\u2022\u00B7]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StampCueRegex();

    /// <summary>
    /// A date on a short header line that also holds a byline or separators, such as
    /// "By Jane Doe | October 15, 2017": not a sentence (no closing period), and flagged by a cue word.
    /// </summary>
    private static DateMention? DateInStampLine(string line)
    {
        if (line.Length > DateParsing.MaxDateLineLength || EndsLikeSentence(line) || CountWords(line) > 14
            || !StampCueRegex().IsMatch(line))
        {
            return null;
        }

        foreach (DateMention mention in DateParsing.FullDates(line))
        {
            return mention;
        }

        return null;
    }

    /// <summary>
    /// The paragraph that opens the story: the dateline's paragraph after its dash, else the first
    /// header line long enough to be a paragraph. Only its start is read.
    /// </summary>
    private static string? FindLede(Header header, int? titleLine, DatelineMatch? dateline)
    {
        string? lede = dateline is not null
            ? header.Lines[dateline.LineIndex][dateline.End..]
            : header.Content(titleLine)
                .Where(i => CountWords(header.Lines[i]) >= ParagraphWords && header.DateLine(i) is null)
                .Select(i => header.Lines[i])
                .FirstOrDefault();
        return lede is null || lede.Length <= LedeScanLength ? lede : lede[..LedeScanLength];
    }

    /// <summary>
    /// "BEIRUT, Oct 15 (Reuters) -" or a header line "Sunday, October 15": the year is missing. A weekday printed
    /// with the same day, there or in the lede, pins the year; otherwise the date is taken to be in the reference year.
    /// </summary>
    private static PublicationDate FromYearlessDate(DateMention partial, string? lede, int referenceYear, string source)
    {
        DateMention withWeekday = partial;
        if (partial.Weekday is null && lede is not null)
        {
            withWeekday = DateParsing.DayMonthMentions(lede)
                .FirstOrDefault(m => m.Year is null && m.Weekday is not null && m.Month == partial.Month && m.Day == partial.Day,
                    partial);
        }

        if (withWeekday.Weekday is not null)
        {
            return FromWeekday(withWeekday, referenceYear);
        }

        if (partial.Day > DateTime.DaysInMonth(referenceYear, partial.Month))
        {
            return PublicationDate.Unknown(
                $"no year printed in the {source}, and {DateParsing.FormatDayMonth(partial.Month, partial.Day)} does not exist in the reference year {referenceYear}");
        }

        return new PublicationDate(
            new DateOnly(referenceYear, partial.Month, partial.Day),
            DateBasis.Inferred,
            partial.Text,
            $"no year printed in the {source}; {DateParsing.FormatDayMonth(partial.Month, partial.Day)} taken to be in the reference year {referenceYear}");
    }

    [GeneratedRegex(@"\bon\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EndsWithOnRegex();

    /// <summary>
    /// A lede that gives the story's day: "... announced on Sunday, October 15, after ...". A weekday with a
    /// day and month pins the year; a full date counts when it is the day of the events ("on [weekday,] ...").
    /// A bare "October 15" in a lede is not enough, nor a caption's "Raqqa, Syria, Oct. 8, 2017".
    /// </summary>
    private static PublicationDate FromLede(string lede, int referenceYear)
    {
        foreach (DateMention mention in DateParsing.DayMonthMentions(lede))
        {
            bool eventDay = mention.Weekday is not null || EndsWithOnRegex().IsMatch(lede.AsSpan(0, mention.Index));
            if (!eventDay)
            {
                continue;
            }

            if (mention.Year is not null)
            {
                if (mention.Date is { } date)
                {
                    return new PublicationDate(
                        date,
                        DateBasis.Inferred,
                        mention.Text,
                        "no date line; the lede dates the story's events to this day, taken as the publication date");
                }

                continue;
            }

            if (mention.Weekday is not null)
            {
                return FromWeekday(mention, referenceYear);
            }
        }

        return PublicationDate.Unknown(NoDateReason);
    }

    private static PublicationDate FromWeekday(DateMention mention, int referenceYear)
    {
        YearInference inference = DateParsing.InferYear(mention.Month, mention.Day, mention.Weekday!.Value, referenceYear);
        return inference.Year is int year
            ? new PublicationDate(new DateOnly(year, mention.Month, mention.Day), DateBasis.Inferred, mention.Text, inference.Reason)
            : new PublicationDate(null, DateBasis.Unknown, mention.Text, inference.Reason);
    }

    // ------------------------------------------------------------- text helpers

    private static int CountWords(ReadOnlySpan<char> text)
    {
        int words = 0;
        bool inWord = false;
        foreach (char c in text)
        {
            bool space = char.IsWhiteSpace(c);
            if (!space && !inWord)
            {
                words++;
            }

            inWord = !space;
        }

        return words;
    }

    /// <summary>Ends with a full stop, allowing closing quotes or brackets after it; an ellipsis is not a full stop.</summary>
    private static bool EndsLikeSentence(string line)
    {
        string trimmed = line.TrimEnd('"', '\'', '\u201D', '\u2019', ')', ']', ' ');
        return trimmed.Length > 0 && trimmed[^1] == '.' && !trimmed.EndsWith("..", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"(?<word>[\p{L}.]*)[.!?][""'\u201D\u2019)]*\s+[""'\u201C\u2018(]*\p{Lu}", RegexOptions.CultureInvariant)]
    private static partial Regex SentenceBreakRegex();

    // Abbreviations whose period does not end a sentence ("U.S. forces", "Col. Dillon", "Oct. 15").
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "st", "gen", "col", "lt", "sgt", "capt", "maj", "cpl", "pvt", "adm", "gov", "sen",
        "rep", "pres", "prof", "rev", "jr", "sr", "no", "vs", "etc", "inc", "co", "corp", "ltd",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    };

    /// <summary>True when a sentence ends inside the line, not counting abbreviations and initials.</summary>
    private static bool HasSentenceBreak(string line)
    {
        for (Match match = SentenceBreakRegex().Match(line); match.Success; match = match.NextMatch())
        {
            string word = match.Groups["word"].Value.TrimEnd('.');
            bool abbreviation = word.Contains('.') || word.Length == 1 || Abbreviations.Contains(word);
            if (!abbreviation)
            {
                return true;
            }
        }

        return false;
    }
}
