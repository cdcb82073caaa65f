using System.Text.RegularExpressions;

namespace RaqqaLedger.Domain.Articles;

public static partial class ArticleReader
{
    /// <summary>Page furniture is short; longer lines are prose and are only checked for repetition.</summary>
    private const int MaxFurnitureLength = 200;

    private const RegexOptions FurnitureOptions = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    /// <summary>
    /// Marks lines that are page furniture rather than article text, each with its reason. Whole-line
    /// patterns only, so a real sentence that merely mentions comments or photos is never marked.
    /// </summary>
    private static IReadOnlyList<BoilerplateLine> FindBoilerplate(string[] lines)
    {
        var reasons = new string?[lines.Length];
        for (int i = 0; i < lines.Length; i++)
        {
            if (lines[i].Length > 0)
            {
                reasons[i] = FurnitureReason(lines[i]);
            }
        }

        for (int i = 0; i < lines.Length; i++)
        {
            if (IsLoneBy(lines[i]))
            {
                // "BY" above an author ("BY" / "-" on the next line) is the byline's label, kept as printed;
                // a "BY" with no author after it is a leftover stub.
                int next = NextNonEmpty(lines, i, +1);
                reasons[i] = next >= 0 && IsAuthorSlot(lines[next], reasons[next]) ? null : "byline";
            }
            else if (LoneCountRegex().IsMatch(lines[i]))
            {
                // A bare number beside "Comments" or "Share" is that widget's counter.
                string? beside = NeighbourReason(lines, reasons, i, -1) ?? NeighbourReason(lines, reasons, i, +1);
                reasons[i] = beside ?? reasons[i];
            }
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var marked = new List<BoilerplateLine>();
        for (int i = 0; i < lines.Length; i++)
        {
            if (lines[i].Length == 0)
            {
                continue;
            }

            // Scraped pages often print the headline, date line or photo caption twice.
            if (!seen.Add(CollapseSpaces(lines[i])))
            {
                reasons[i] ??= "repeated";
            }

            if (reasons[i] is { } reason)
            {
                marked.Add(new BoilerplateLine(i + 1, lines[i], reason));
            }
        }

        return marked;
    }

    /// <summary>
    /// Widgets and labels are a few words long, so each pattern is tried only on lines short enough to be one;
    /// this keeps prose lines (most of an article) to a couple of cheap checks.
    /// </summary>
    private static string? FurnitureReason(string line)
    {
        int length = line.Length;
        if (length > MaxFurnitureLength)
        {
            return null;
        }

        if (length <= 40 && ReadTimeRegex().IsMatch(line))
        {
            return "read-time";
        }

        if (length <= 60 && CommentsRegex().IsMatch(line))
        {
            return "comments";
        }

        if (length <= 80 && (SocialRegex().IsMatch(line) || IsShareButtonRow(line)))
        {
            return "social";
        }

        if (DashOnlyRegex().IsMatch(line) || CreditFooterRegex().IsMatch(line))
        {
            return "byline";
        }

        if (LinkOutRegex().IsMatch(line) || line.Contains("click here", StringComparison.OrdinalIgnoreCase))
        {
            return "link-out";
        }

        if (length <= 120 && PhotoCreditRegex().IsMatch(line))
        {
            return "photo-credit";
        }

        if (length <= 160 && SiteChromeRegex().IsMatch(line) || line.Contains("all rights reserved", StringComparison.OrdinalIgnoreCase))
        {
            return "site-chrome";
        }

        return length <= 2 ? "fragment" : null;
    }

    // "2 min read", "5-minute read", "Reading time: 4 minutes".
    [GeneratedRegex(
        @"^(?:\W{1,3}\s*)?(?:(?:estimated\s+)?read(?:ing)?\s+time\s*[:\-\u2013]?\s*(?:about\s+|approx\.?\s+)?[0-9]{1,3}\s*-?\s*(?:min(?:ute)?s?|mins)\.?|(?:about\s+)?[0-9]{1,3}\s*-?\s*(?:min(?:ute)?s?|mins)\.?\s+(?:read|reading(?:\s+time)?))$",
        FurnitureOptions)]
    private static partial Regex ReadTimeRegex();

    [GeneratedRegex(
        @"^(?:(?:[0-9]+\s+)?comments?(?:\s*\([0-9]+\))?|(?:leave|post|add|write|submit|view|show|hide|load|read|see|join)\s+(?:(?:a|an|your|all|the)\s+)?(?:[0-9]+\s+)?(?:comments?|reply|replies|responses?|discussion|conversation)|comments?\s+(?:are\s+)?closed|no\s+comments(?:\s+yet)?|be\s+the\s+first\s+to\s+comment|you\s+must\s+be\s+logged\s+in\s+to\s+post\s+a\s+comment|comments?\s+on\s+this\s+(?:article|story|post)|(?:[0-9]+\s+)?(?:responses?|replies))\s*[.:!]?$",
        FurnitureOptions)]
    private static partial Regex CommentsRegex();

    [GeneratedRegex(
        @"^(?:be\s+social|share(?:\s+(?:this|the|it))?(?:\s+(?:article|story|post|page|video))?(?:\s+(?:on|via|to|with)\s+[\p{L}+]{1,20}(?:\s+[\p{L}+]{1,20})?)?|(?:[0-9]+\s+)?shares?|tweet(?:\s+this)?|follow\s+us(?:\s+on\s+[\p{L}+]{1,20}(?:\s*(?:,|and|&)\s*[\p{L}+]{1,20}){0,4})?|follow\s+@\w{1,30}|like\s+us\s+on\s+facebook|connect\s+with\s+us|stay\s+connected|email\s+this(?:\s+(?:article|story))?|copy\s+(?:the\s+)?link|join\s+us\s+on\s+\p{L}{1,20}|click\s+to\s+follow)\s*[:!]?$",
        FurnitureOptions)]
    private static partial Regex SocialRegex();

    private static readonly HashSet<string> ShareButtons = new(StringComparer.OrdinalIgnoreCase)
    {
        "facebook", "twitter", "whatsapp", "email", "e-mail", "mail", "print", "linkedin", "pinterest", "reddit",
        "telegram", "messenger", "share", "tweet", "sms", "flipboard", "tumblr", "instagram", "youtube", "google+",
        "vk", "copy", "link", "x",
    };

    /// <summary>"Facebook Twitter WhatsApp Email": a row of share buttons flattened into text.</summary>
    private static bool IsShareButtonRow(string line)
    {
        string[] tokens = line.Split([' ', '\t', '\u00A0', '|', '\u2022', '\u00B7', ','], StringSplitOptions.RemoveEmptyEntries);
        return tokens.Length is > 0 and <= 10 && line.Length > 2 && tokens.All(ShareButtons.Contains);
    }

    [GeneratedRegex(@"^[\-\u2010-\u2015\u2212]{1,3}$", FurnitureOptions)]
    private static partial Regex DashOnlyRegex();

    // "(Reporting by Tom Perry; Editing by Alison Williams)", "Staff writer", "Source: AFP".
    [GeneratedRegex(
        @"^\(?\s*(?:(?:(?:additional\s+)?reporting|writing|editing|compiled|translated|produced|edited)\s+by\b.+|staff\s+(?:writers?|reporters?)|(?:news|web)\s+desk|(?:news\s+)?agencies|wire\s+services|sources?\s*:\s*\S.*)\)?$",
        FurnitureOptions)]
    private static partial Regex CreditFooterRegex();

    [GeneratedRegex(
        @"^(?:(?:to\s+)?read\s+(?:the\s+)?(?:full|entire|original|complete|whole|rest\s+of\s+the)\s+(?:article|story|report|piece|text|interview)|continue\s+reading|(?:read|see)\s+(?:more|also)\s*(?:[:\-\u2013\u2014]|\bat\b|\bon\b|\bhere\b)|also\s+read\s*[:\-\u2013\u2014]|(?:related|recommended|suggested)\s*:\s*\S|(?:this\s+(?:article|story|report|piece)\s+)?(?:was\s+)?(?:originally|first)\s+(?:published|appeared|posted)\b|(?:https?://|www\.)\S+$)",
        FurnitureOptions)]
    private static partial Regex LinkOutRegex();

    private const string PhotoAgencies = @"(?:AFP|AP|Reuters|EPA|Getty\s+Images|Anadolu(?:\s+Agency)?|Xinhua|SANA|Shutterstock)";

    // "Photo courtesy Wikipedia", "Photo: AFP", "REUTERS/Rodi Said", "Delil Souleiman/AFP/Getty Images".
    [GeneratedRegex(
        @"^(?:[(\[]?\s*(?:(?:main|top|header|featured|file|cover|lead)\s+)?(?:photo(?:graph)?s?|images?|pictures?|pics?|fotos?)(?:\s*(?::|/|\||\u00A9)|\s+(?:courtesy|credits?|copyright|by|source)\b|\s+[\-\u2013\u2014]\s)" +
        @"|[(\[]?\s*(?:photo\s+)?(?:credits?|courtesy(?:\s+of)?)\s*[:\-\u2013]?\s+\S.{0,80}$" +
        @"|[(\[]?\s*" + PhotoAgencies + @"(?:\s+photo)?\s*/\s*\p{L}[\p{L} .'\-]{1,60}[)\]]?$" +
        @"|[(\[]?\s*\p{L}[\p{L} .'\-]{1,60}\s*/\s*" + PhotoAgencies + @"(?:\s*/\s*Getty\s+Images)?[)\]]?$" +
        @"|[(\[]?\s*" + PhotoAgencies + @"\s+photo[)\]]?$)",
        FurnitureOptions)]
    private static partial Regex PhotoCreditRegex();

    [GeneratedRegex(
        @"^(?:(?:advertisements?|advertising|ads?|sponsored(?:\s+(?:content|links?|stories))?|promoted(?:\s+content)?" +
        @"|skip\s+to\s+(?:main\s+)?(?:content|navigation|search)|skip\s+navigation|jump\s+to\s+(?:main\s+)?content" +
        @"|(?:main\s+)?menu|navigation|toggle\s+navigation|home(?:\s*page)?|sections?" +
        @"|search(?:\s+for|\s+[\p{L}\p{N}.\-]{1,40})?" +
        @"|subscribe(?:\s+now)?|sign\s+(?:in|up|out)|log\s*(?:in|out)|register|my\s+account|newsletters?" +
        @"|related(?:\s+(?:articles?|stories|news|posts|content|topics|coverage|links|items))?" +
        @"|read\s+more|more\s+(?:stories|news|on\s+this\s+(?:story|topic))" +
        @"|most\s+(?:read|popular|viewed|shared|commented)|trending(?:\s+(?:now|stories|topics))?|popular(?:\s+(?:now|stories))?" +
        @"|recommended(?:\s+for\s+you)?|you\s+(?:may|might)\s+(?:also\s+)?(?:like|be\s+interested\s+in)|editor'?s\s+picks?|top\s+stories|latest(?:\s+news)?" +
        @"|back\s+to\s+top|loading\.*|close|show\s+more|load\s+more|view\s+all" +
        @"|tags?|topics?|categories|filed\s+under" +
        @"|click\s+to\s+enlarge|enlarge\s+this\s+image|view\s+(?:image|gallery|slideshow)|watch(?:\s+video)?|play\s+video|video|gallery" +
        @"|listen(?:\s+to\s+(?:this\s+)?(?:article|story))?|font\s+size|text\s+size|a\s*a\s*a?" +
        @"|accept(?:\s+(?:all\s+)?cookies)?|cookie\s+(?:policy|settings)|privacy\s+policy|terms\s+(?:of\s+(?:use|service)|and\s+conditions)|contact\s+us|about\s+us" +
        @")\s*[:\u00BB\u203A>|]?$" +
        @"|(?:tags?|topics|categories|filed\s+under|keywords)\s*:.{0,150}$" +
        @"|(?:\u00A9|\(c\)|copyright\b).{0,150}$" +
        @"|our\s+standards\s*:.{0,100}$)",
        FurnitureOptions)]
    private static partial Regex SiteChromeRegex();

    [GeneratedRegex(@"^[0-9]{1,6}$", FurnitureOptions)]
    private static partial Regex LoneCountRegex();

    private static bool IsLoneBy(string line) => line.Equals("by", StringComparison.OrdinalIgnoreCase) || line.Equals("by:", StringComparison.OrdinalIgnoreCase);

    /// <summary>What may follow a "BY" label: an author's name, or the dash a page prints when it has none.</summary>
    private static bool IsAuthorSlot(string line, string? reason)
    {
        if (DashOnlyRegex().IsMatch(line))
        {
            return true;
        }

        return reason is null
            && line.Length <= 60
            && char.IsUpper(line[0])
            && CountWords(line) <= 6
            && !line.Any(char.IsDigit)
            && !EndsLikeSentence(line)
            && !line.Contains(':');
    }

    private static string? NeighbourReason(string[] lines, string?[] reasons, int index, int step)
    {
        int neighbour = NextNonEmpty(lines, index, step);
        return neighbour >= 0 && reasons[neighbour] is "comments" or "social" ? reasons[neighbour] : null;
    }

    private static int NextNonEmpty(string[] lines, int index, int step)
    {
        for (int i = index + step; i >= 0 && i < lines.Length; i += step)
        {
            if (lines[i].Length > 0)
            {
                return i;
            }
        }

        return -1;
    }

    private static string CollapseSpaces(string line)
    {
        bool hasRun = false;
        for (int i = 1; i < line.Length && !hasRun; i++)
        {
            hasRun = char.IsWhiteSpace(line[i]) && (char.IsWhiteSpace(line[i - 1]) || line[i] != ' ');
        }

        return hasRun ? string.Join(' ', line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)) : line;
    }
}
