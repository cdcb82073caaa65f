namespace RaqqaLedger.Extraction.Attribution;

/// <summary>What the speaker finder reads once per article, before its sentences: the organisations it gives
/// initials, and the issuer whose release or statement it is.</summary>
public sealed partial class SpeakerFinder
{
    /// <summary>
    /// The organisations the article introduces with their initials, "the Levant Aid Network (LAN)": both the
    /// initials and the name then name the organisation, as itself, in this article only.
    /// </summary>
    public void ReadOrganisations(string text, SpeakerMemory memory)
    {
        for (var at = text.IndexOf('('); at >= 0; at = text.IndexOf('(', at + 1))
        {
            var close = at + 1;
            while (close < text.Length && char.IsUpper(text[close]))
                close++;
            if (close - at - 1 is < 2 or > 7 || close >= text.Length || text[close] != ')')
                continue;
            var initials = text[(at + 1)..close];
            if (NameBefore(text, at) is not { } name || name[0] != initials[0] || openingWords.IsMatch(name))
                continue;
            var known = aliases.GetValueOrDefault(name);
            if (known is { IsPerson: true })
                continue;
            if (!aliases.ContainsKey(initials))
                memory.Organisations.TryAdd(initials, known?.Name ?? name);
            if (known is null)
                memory.Organisations.TryAdd(name, name);
        }
    }

    /// <summary>The run of two or more capitalised words (joined by "of", "for", "and") ending before <paramref name="at"/>.</summary>
    private static string? NameBefore(string text, int at)
    {
        var start = at;
        var end = at;
        while (end > 0 && text[end - 1] == ' ')
            end--;
        var capitals = 0;
        for (var i = end; i > 0;)
        {
            var wordEnd = i;
            while (i > 0 && (char.IsLetter(text[i - 1]) || text[i - 1] is '-' or '\'' or '’'))
                i--;
            var word = text.AsSpan(i, wordEnd - i);
            var isName = word.Length > 0 && char.IsUpper(word[0]) && !word.Equals("The", StringComparison.Ordinal);
            if (!isName && !(word is "of" or "for" or "and" or "on"))
                break;
            if (isName)
            {
                capitals++;
                start = i;
            }
            if (i == 0 || text[i - 1] != ' ')
                break;
            i--;
        }
        return capitals >= 2 ? text[start..end] : null;
    }

    /// <summary>
    /// The organisation an article is the release or statement of: a header line (before the first paragraph)
    /// opens with a release marker ("News Release", "Statement of …") and names the organisation, on that line
    /// or next to it, else elsewhere in the header. Null for a report, which has a byline, or with no marker.
    /// </summary>
    public string? IssuerOf(string text, SpeakerMemory memory)
    {
        if (releaseMarkers.Length == 0)
            return null;
        var header = new List<string>();
        foreach (var raw in text.AsSpan().EnumerateLines())
        {
            var line = raw.Trim();
            if (line.IsEmpty)
                continue;
            if (line.Length > HeaderLineLength || header.Count == HeaderLines)
                break;
            if (line.StartsWith("By ", StringComparison.Ordinal) && line.Length > 3 && char.IsUpper(line[3]))
                return null;
            header.Add(line.ToString());
        }
        for (var i = 0; i < header.Count; i++)
        {
            if (!OpensWithMarker(header[i]))
                continue;
            foreach (var j in (int[])[i, i - 1, i + 1])
            {
                if (j >= 0 && j < header.Count && OrganisationNamedIn(header[j], memory) is { } beside)
                    return beside;
            }
            foreach (var line in header)
            {
                if (OrganisationNamedIn(line, memory) is { } named)
                    return named;
            }
            // "Statement attributed to Helena Kronberg, Regional Humanitarian Coordinator": a person issues it.
            return issuedBy.Match(header[i]) is { Success: true } by ? Resolve(by.Groups["person"].Value, memory, bareName: true) : null;
        }
        return null;
    }

    /// <summary>How long a header line may be, and how many there may be, before the first paragraph.</summary>
    private const int HeaderLineLength = 160;
    private const int HeaderLines = 12;

    private bool OpensWithMarker(string line)
    {
        var text = line.AsSpan().TrimStart("*#-–—|[( ");
        foreach (var marker in releaseMarkers)
        {
            if (text.StartsWith(marker, StringComparison.OrdinalIgnoreCase) && (text.Length == marker.Length || !char.IsLetter(text[marker.Length])))
                return true;
        }
        return false;
    }

    /// <summary>The organisation a line names first: a known one by any alias, or one the article gave initials.</summary>
    private string? OrganisationNamedIn(string line, SpeakerMemory memory)
    {
        (int At, string Name)? first = null;
        foreach (var (name, organisation) in OrganisationNames(memory))
        {
            if (IndexOfWord(line, name) is var at && at >= 0 && (first is null || at < first.Value.At))
                first = (at, organisation);
        }
        return first?.Name;
    }
}
