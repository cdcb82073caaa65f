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
    /// As <see cref="Danger"/>, for a pattern that runs with no clock (inside the speaker patterns): one this reader
    /// cannot follow is refused too, and so is a choice, inside a part repeated without bound, between two options
    /// that may read the same text ("(?:previously|[a-z]+ly)+": a run of n such words can be read 2^n ways). That
    /// test is cautious: "(?:seven|seventeen)+" is refused though its options never read the same word.
    /// </summary>
    public static string? DangerWithoutClock(string pattern) =>
        Read(pattern) is not { } root ? "it is a pattern the safety reader cannot follow"
        : Find(root, pattern) ?? AlikeChoice(root, pattern);

    private static string? AlikeChoice(Node node, string pattern) => node switch
    {
        Repeat r when (r.Max is null || r.Max >= ManyTimes) && AlikeOptions(r.Body) =>
            $"'{pattern[r.Start..r.End]}' repeats a choice of which two options may read the same text",
        Repeat r => AlikeChoice(r.Body, pattern),
        Sequence s => s.Items.Select(i => AlikeChoice(i, pattern)).FirstOrDefault(d => d is not null),
        Alternation a => a.Options.Select(o => AlikeChoice(o, pattern)).FirstOrDefault(d => d is not null),
        Look l => AlikeChoice(l.Body, pattern),
        _ => null,
    };

    private static bool AlikeOptions(Node node) => node switch
    {
        Alternation a => a.Options.Select((o, i) => a.Options.Skip(i + 1).Any(p => Alike(o, p))).Any(alike => alike)
            || a.Options.Any(AlikeOptions),
        Sequence s => s.Items.Any(AlikeOptions),
        Repeat r => AlikeOptions(r.Body),
        Look l => AlikeOptions(l.Body),
        _ => false,
    };

    /// <summary>Whether two options may read the same text: alike at both ends, and each takes what the other needs.</summary>
    private static bool Alike(Node a, Node b) =>
        Overlaps(a.First, b.First) && Overlaps(a.Last, b.Last)
        && Needed(a).All(c => Overlaps(c, Taken(b))) && Needed(b).All(c => Overlaps(c, Taken(a)));

    /// <summary>Sets of characters of which a text the node matches holds one each: "Raqq?a" needs an R, an a, a q and an a.</summary>
    private static IEnumerable<Chars> Needed(Node node) => node switch
    {
        Set set => [set.First],
        Sequence s => s.Items.SelectMany(Needed),
        Repeat { Min: > 0 } r => Needed(r.Body),
        _ => [],
    };

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
