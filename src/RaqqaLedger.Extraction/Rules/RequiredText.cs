using System.Text.RegularExpressions;
using static RaqqaLedger.Extraction.Rules.PatternSyntax;

namespace RaqqaLedger.Extraction.Rules;

/// <summary>
/// The text a pattern cannot match without, read from its syntax: a few factors, each a set of strings
/// of which every match contains at least one. "\bhuman\s+shields?\b" needs "human" and "shield"; a
/// sentence holding neither is not worth running the pattern on. Conservative: a part this reader does
/// not follow asks for nothing, so a pattern may have no factors at all.
/// </summary>
public static partial class RequiredText
{
    /// <summary>Shorter strings of letters are in nearly every sentence and filter nothing.</summary>
    private const int MinLetters = 3;

    /// <summary>A part with more exact strings than this is read as requiring them, no longer as being them.</summary>
    private const int MaxExact = 64;

    /// <summary>At most this many factors are kept per pattern, the most selective first.</summary>
    private const int MaxFactors = 4;

    /// <summary>The factors of <paramref name="pattern"/>, each a set of folded strings (see <see cref="Fold"/>).</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Of(string pattern)
    {
        if (Read(pattern) is not { } root)
            return [];
        var info = Analyse(root);
        var factors = info.Factors.ToList();
        if (Usable(info.Exact))
            factors.Add(info.Exact!);
        return [.. factors.Select(Minimal).DistinctBy(f => string.Join('\u0001', f.Order(StringComparer.Ordinal)))
            .OrderByDescending(Score).Take(MaxFactors).Select(f => (IReadOnlyList<string>)[.. f.Order(StringComparer.Ordinal)])];
    }

    /// <summary>
    /// Whether a sentence holding one string of the pattern's only factor is exactly a sentence the pattern
    /// matches: a pattern ignoring case that is nothing but alternatives of plain text ("fighter|militant").
    /// </summary>
    public static bool IsPlainText(string pattern, RegexOptions options)
    {
        if ((options & RegexOptions.IgnoreCase) == 0 || InlineOptions().IsMatch(pattern) || Read(pattern) is not { } root)
            return false;
        var info = Analyse(root);
        return info.Plain && Usable(info.Exact);
    }

    [GeneratedRegex(@"\(\?[-imnsx]+[:)]")]
    private static partial Regex InlineOptions();

    /// <summary>
    /// The one case folding text and patterns share: ASCII letters in lower case, and the Kelvin sign as k, the
    /// one character outside ASCII that .NET's case-insensitive matching takes for an ASCII letter. Other
    /// characters stay as they are: a key string never holds a letter outside ASCII.
    /// </summary>
    public static char Fold(char c) => c switch
    {
        >= 'A' and <= 'Z' => (char)(c | 0x20),
        '\u212A' => 'k',
        _ => c,
    };

    /// <param name="Exact">Every string the part can match, when they are few and known; else null.</param>
    /// <param name="Factors">Sets of strings, one of each of which any match of the part contains.</param>
    /// <param name="Plain">Whether the part is plain text: no anchor, lookaround or class beyond a few characters.</param>
    private sealed record Info(HashSet<string>? Exact, List<HashSet<string>> Factors, bool Plain = false);

    private static readonly Info Unknown = new(null, []);

    private static Info Analyse(Node node) => node switch
    {
        Set { Literals: { } chars } => new([.. chars.Select(c => Fold(c).ToString())], [], Plain: true),
        Set => Unknown,
        Look => new([""], []),
        Sequence s => SequenceOf(s.Items),
        Alternation a => AlternationOf(a.Options),
        Repeat r => RepeatOf(r),
        _ => Unknown,
    };

    private static Info SequenceOf(List<Node> items)
    {
        var factors = new List<HashSet<string>>();
        HashSet<string> run = [""];
        var whole = true;
        var plain = true;
        foreach (var item in items)
        {
            var info = Analyse(item);
            plain &= info.Plain;
            factors.AddRange(info.Factors);
            if (info.Exact is { } exact && run.Count * exact.Count <= MaxExact)
            {
                run = [.. run.SelectMany(a => exact.Select(b => a + b))];
                continue;
            }
            // The run of known text ends here: what it is, every match holds.
            whole = false;
            if (Usable(run))
                factors.Add(run);
            run = info.Exact ?? [""];
        }
        if (whole)
            return new(run, factors, plain);
        if (Usable(run))
            factors.Add(run);
        return new(null, factors);
    }

    private static Info AlternationOf(List<Node> options)
    {
        var infos = options.Select(Analyse).ToList();
        if (infos.All(i => i.Exact is not null) && infos.Sum(i => i.Exact!.Count) <= MaxExact)
            return new([.. infos.SelectMany(i => i.Exact!)], [], infos.All(i => i.Plain));
        // Each option needs its own best factor; the alternation needs one of them.
        var union = new HashSet<string>(StringComparer.Ordinal);
        foreach (var info in infos)
        {
            if (Best(info) is not { } best)
                return Unknown;
            union.UnionWith(best);
        }
        return new(null, [union]);
    }

    private static Info RepeatOf(Repeat r)
    {
        var body = Analyse(r.Body);
        if (r.Min == 0)
            return r.Max == 1 && body.Exact is { } optional ? new([.. optional, ""], [], body.Plain) : Unknown;
        if (r.Min == 1 && r.Max == 1)
            return body;
        var factors = new List<HashSet<string>>(body.Factors);
        if (Usable(body.Exact))
            factors.Add(body.Exact!);
        return new(null, factors);
    }

    private static HashSet<string>? Best(Info info)
    {
        var candidates = Usable(info.Exact) ? info.Factors.Append(info.Exact!) : info.Factors;
        return candidates.OrderByDescending(Score).FirstOrDefault();
    }

    /// <summary>Longer strings are rarer; fewer strings are fewer chances.</summary>
    private static double Score(IReadOnlyCollection<string> factor) => factor.Min(s => s.Length) - factor.Count / 1000.0;

    /// <summary>
    /// Whether a set of strings can stand as a factor: none empty or blank, none a short run of letters, none holding a
    /// letter outside ASCII (whose case-insensitive matches <see cref="Fold"/> does not promise to cover).
    /// </summary>
    private static bool Usable(HashSet<string>? strings) =>
        strings is { Count: > 0 } && strings.All(s => !s.All(char.IsWhiteSpace)
            && (s.Length >= MinLetters || !s.Any(char.IsLetterOrDigit))
            && !s.Any(c => c >= '\u0080' && char.IsLetter(c)));

    /// <summary>Without the strings that hold another of the set: any text holding them holds that one.</summary>
    private static HashSet<string> Minimal(HashSet<string> factor) =>
        [.. factor.Where(s => !factor.Any(t => t.Length < s.Length && s.Contains(t, StringComparison.Ordinal)))];
}
