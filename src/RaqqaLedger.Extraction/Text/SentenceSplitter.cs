namespace RaqqaLedger.Extraction.Text;

/// <summary>A sentence of the raw text: where it starts, how long it is, and its text.</summary>
/// <param name="Line">0-based line of the raw text the sentence sits on.</param>
public readonly record struct Sentence(int Start, int Length, int Line, string Text)
{
    public int End => Start + Length;
}

/// <summary>
/// Splits an article into sentences with exact character spans. Each line is a paragraph; lines to
/// skip (page furniture, repeated headlines) are left out. A sentence ends at . ! ? (after any closing
/// quotes or brackets) followed by a space and a capital, digit or quote — not after common
/// abbreviations ("U.S.", "Oct.", "Col.") or initials, and not inside a quotation that closes later in
/// the paragraph: "Some 250 fighters left. None of them were foreigners," Silo said. is one unit, so a
/// claim in the quotation's second sentence keeps its speaker and its quote does not start mid-quotation.
/// </summary>
public static class SentenceSplitter
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "col", "gen", "lt", "maj", "capt", "sgt", "st", "no", "vs", "jr", "sr", "prof", "rev", "gov", "sen", "rep",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "inc", "corp", "co", "ltd", "approx", "est",
    };

    public static List<Sentence> Split(string text, IReadOnlySet<int>? skipLines = null)
    {
        var sentences = new List<Sentence>();
        var lineStart = 0;
        for (var line = 0; lineStart <= text.Length; line++)
        {
            var lineEnd = text.IndexOf('\n', lineStart);
            if (lineEnd < 0)
                lineEnd = text.Length;
            if (skipLines is null || !skipLines.Contains(line))
                SplitLine(text, lineStart, lineEnd, line, sentences);
            lineStart = lineEnd + 1;
        }
        return sentences;
    }

    private static void SplitLine(string text, int start, int end, int line, List<Sentence> sentences)
    {
        var i = start;
        while (true)
        {
            while (i < end && char.IsWhiteSpace(text[i]))
                i++;
            if (i >= end)
                return;
            var sentenceStart = i;
            var boundary = FindBoundary(text, i, end);
            var sentenceEnd = boundary;
            while (sentenceEnd > sentenceStart && char.IsWhiteSpace(text[sentenceEnd - 1]))
                sentenceEnd--;
            if (sentenceEnd > sentenceStart)
                sentences.Add(new Sentence(sentenceStart, sentenceEnd - sentenceStart, line, text[sentenceStart..sentenceEnd]));
            i = boundary;
        }
    }

    /// <summary>The index just after the sentence that begins at <paramref name="from"/>.</summary>
    private static int FindBoundary(string text, int from, int end)
    {
        var quote = '\0'; // the mark that would close the quotation we are in, if any
        for (var i = from; i < end; i++)
        {
            var c = text[i];
            if (quote != '\0' && c == quote)
            {
                quote = '\0';
                continue;
            }
            if (quote == '\0' && c is '"' or '“')
            {
                quote = c == '"' ? '"' : '”';
                continue;
            }
            if (c is not ('.' or '!' or '?'))
                continue;
            // Inside a quotation, only a stop right before its closing mark ends a sentence.
            if (quote != '\0' && (i + 1 >= end || text[i + 1] != quote) && text.IndexOf(quote, i + 1, end - i - 1) >= 0)
                continue;
            // An ellipsis or a decimal point is not an end.
            if (c == '.' && ((i + 1 < end && text[i + 1] == '.') || (i > from && text[i - 1] == '.')))
                continue;
            if (c == '.' && i + 1 < end && char.IsDigit(text[i + 1]))
                continue;
            var after = i + 1;
            while (after < end && IsCloser(text[after]))
                after++;
            if (after >= end)
                return end;
            if (!char.IsWhiteSpace(text[after]))
                continue;
            var next = after;
            while (next < end && char.IsWhiteSpace(text[next]))
                next++;
            if (next >= end)
                return end;
            if (!StartsSentence(text[next]))
                continue;
            if (c == '.' && IsAbbreviation(text, from, i))
                continue;
            return after;
        }
        return end;
    }

    private static bool IsCloser(char c) => c is '"' or '\'' or '”' or '’' or ')' or ']' or '»';

    private static bool StartsSentence(char c) => char.IsUpper(c) || char.IsDigit(c) || c is '"' or '\'' or '“' or '‘' or '(' or '[' or '«';

    /// <summary>"U.S." / "Oct." / "Col." / a single initial: the word before the period.</summary>
    private static bool IsAbbreviation(string text, int from, int period)
    {
        var wordStart = period;
        while (wordStart > from && (char.IsLetter(text[wordStart - 1]) || text[wordStart - 1] == '.'))
            wordStart--;
        var word = text.AsSpan(wordStart, period - wordStart);
        if (word.Length == 0)
            return false;
        if (word.Contains('.'))
            return true; // U.S. / U.N. / a.m.
        if (word.Length == 1 && char.IsUpper(word[0]))
            return true; // an initial, as in "John F. Kennedy"
        return Abbreviations.Contains(word.ToString());
    }
}
