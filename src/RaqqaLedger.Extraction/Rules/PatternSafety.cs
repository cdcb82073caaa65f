using static RaqqaLedger.Extraction.Rules.PatternSyntax;

namespace RaqqaLedger.Extraction.Rules;

/// <summary>
/// Finds what makes a backtracking pattern take exponential time: a group repeated without bound whose
/// text can be cut into iterations in more than one way. "(x+x+)+y" (two repetitions inside that can
/// share a run), "^(\w+\s?)+$" (an iteration that can end where the next begins), "(a?)*" (one that can
/// match nothing). On a near miss the engine tries every cut. "(?:(?:local|Arab)\s+)+" is safe: each
/// iteration ends in spaces and the next begins with a letter, so there is one cut only.
/// </summary>
internal static class PatternSafety
{
    /// <summary>A group repeated this many times or more counts as repeated without bound.</summary>
    private const int ManyTimes = 10;

    /// <summary>The first dangerous repeated group in <paramref name="pattern"/> and why, or null when there is none.</summary>
    public static string? Danger(string pattern) =>
        // A pattern this reader cannot follow is left to the regex compiler and the timeout.
        Read(pattern) is { } root ? Find(root, pattern) : null;

    /// <summary>
    /// As <see cref="Danger"/>, for a pattern that runs with no clock (inside the speaker patterns), and stricter, since
    /// <see cref="Danger"/> does not see every ambiguity ("(?:x.*y)+", "(?:a|ab|b)+"): the pattern must be one this
    /// reader follows, only single characters may repeat without bound ("\s+"), and a group may repeat at most
    /// three times ("(?:(?:senior|local)\s+){0,3}"), with no repeated group inside it. Its time on a text then stays
    /// polynomial, of low degree.
    /// </summary>
    public static string? DangerWithoutClock(string pattern) =>
        Read(pattern) is not { } root ? "it is a pattern the safety reader cannot follow"
        : Find(root, pattern) ?? GroupRepeated(root, pattern, insideRepeat: false);

    private const int GroupRepeats = 3;

    private static string? GroupRepeated(Node node, string pattern, bool insideRepeat)
    {
        switch (node)
        {
            case Repeat { Body: not Set } r when r.Max is null or > 1:
                var text = pattern[r.Start..r.End];
                if (insideRepeat)
                    return $"'{text}' repeats a group inside a repeated group";
                if (r.Max is null or > GroupRepeats)
                    return $"'{text}' repeats a group more than {GroupRepeats} times (only single characters may repeat without bound here)";
                return GroupRepeated(r.Body, pattern, insideRepeat: true);
            case Repeat r:
                return GroupRepeated(r.Body, pattern, insideRepeat);
            case Sequence s:
                return s.Items.Select(i => GroupRepeated(i, pattern, insideRepeat)).FirstOrDefault(d => d is not null);
            case Alternation a:
                return a.Options.Select(o => GroupRepeated(o, pattern, insideRepeat)).FirstOrDefault(d => d is not null);
            case Look l:
                return GroupRepeated(l.Body, pattern, insideRepeat);
            default:
                return null;
        }
    }

    private static string? Find(Node node, string pattern)
    {
        switch (node)
        {
            case Repeat r when r.Max is null || r.Max >= ManyTimes:
                var text = pattern[r.Start..r.End];
                if (r.Body.Nullable)
                    return $"'{text}' repeats a part that can match nothing";
                if (Overlaps(r.Body.LastVariable, r.Body.First))
                    return $"'{text}' repeats a part whose end can also begin the next repetition";
                if (InnerAmbiguity(r.Body) is { } inner)
                    return $"'{text}' repeats a part in which {inner}";
                return Find(r.Body, pattern);
            case Repeat r:
                return Find(r.Body, pattern);
            case Sequence s:
                return s.Items.Select(i => Find(i, pattern)).FirstOrDefault(d => d is not null);
            case Alternation a:
                return a.Options.Select(o => Find(o, pattern)).FirstOrDefault(d => d is not null);
            case Look l:
                return Find(l.Body, pattern);
            default:
                return null;
        }
    }

    /// <summary>Two variable repetitions side by side that can take the same characters: "x+x+", "\w+\s*\w+".</summary>
    private static string? InnerAmbiguity(Node node)
    {
        switch (node)
        {
            case Sequence s:
                for (var i = 0; i < s.Items.Count; i++)
                {
                    // What can follow item i: the next items' starts, through those that can match nothing.
                    for (var j = i + 1; j < s.Items.Count; j++)
                    {
                        if (Overlaps(s.Items[i].LastVariable, s.Items[j].FirstVariable))
                            return "two repetitions side by side can take the same characters";
                        if (!s.Items[j].Nullable)
                            break;
                    }
                    if (InnerAmbiguity(s.Items[i]) is { } inner)
                        return inner;
                }
                return null;
            case Alternation a:
                return a.Options.Select(InnerAmbiguity).FirstOrDefault(d => d is not null);
            case Repeat r:
                return InnerAmbiguity(r.Body);
            default:
                return null;
        }
    }

    private static bool Overlaps(Chars a, Chars b) => (a.Ascii & b.Ascii) != 0 || (a.Other && b.Other);
}
