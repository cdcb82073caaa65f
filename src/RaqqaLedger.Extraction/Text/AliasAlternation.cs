using System.Text;
using System.Text.RegularExpressions;

namespace RaqqaLedger.Extraction.Text;

/// <summary>
/// A list of names or words as one regex alternation that a match reads a character at a time: names sharing their
/// first characters (read left to right) or their last (read right to left) share one branch, each further
/// part optional and tried first. The regex engine then tries one branch per character instead of every
/// name in turn, which is most of the cost of finding a speaker in a long list of aliases.
/// </summary>
/// <remarks>
/// It matches what the plain list sorted longest first matches, in the same order of preference: two names
/// that both match at one place differ only in what one adds to the other, and the added part is tried
/// first. Matching ignores case, as the patterns it goes into do; names listed as case-sensitive (short
/// capitals: "UN" is not "un") are kept whole, after the shared branches.
/// </remarks>
public static class AliasAlternation
{
    /// <param name="rightToLeft">Share the ends of names, for a pattern matched right to left; else their starts.</param>
    /// <param name="isCaseSensitive">Which names must match in the case they are written.</param>
    public static string Build(IEnumerable<string> names, bool rightToLeft, Func<string, bool> isCaseSensitive)
    {
        var root = new Node();
        var exact = new List<string>();
        foreach (var name in names.Select(n => n.Trim()).Where(n => n.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (isCaseSensitive(name))
            {
                exact.Add(name);
                continue;
            }
            var units = Units(name);
            if (rightToLeft)
                units.Reverse();
            var node = root;
            foreach (var unit in units)
            {
                if (!node.Children.TryGetValue(unit, out var child))
                    node.Children[unit] = child = new Node();
                node = child;
            }
            node.Ends = true;
        }
        var branches = new List<string>();
        if (root.Children.Count > 0)
            branches.Add(Emit(root, rightToLeft));
        branches.AddRange(exact.OrderByDescending(n => n.Length).ThenBy(n => n, StringComparer.Ordinal)
            .Select(n => $"(?-i:{Regex.Escape(n).Replace(@"\ ", @"\s+")})"));
        return branches.Count == 0 ? "(?!)" : string.Join('|', branches);
    }

    private sealed class Node
    {
        // Ordered, so the same list always gives the same pattern.
        public SortedDictionary<string, Node> Children { get; } = new(StringComparer.Ordinal);
        public bool Ends { get; set; }
    }

    /// <summary>A name's characters, lower case and escaped, with each run of spaces one unit matching any white space and an apostrophe either kind.</summary>
    private static List<string> Units(string name)
    {
        var units = new List<string>();
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsWhiteSpace(name[i]))
            {
                while (i + 1 < name.Length && char.IsWhiteSpace(name[i + 1]))
                    i++;
                units.Add(@"\s+");
                continue;
            }
            // An apostrophe matches either way it is typed: "A'maq", "A’maq".
            units.Add(name[i] is '\'' or '’' ? "['’]" : Regex.Escape(char.ToLowerInvariant(name[i]).ToString()));
        }
        return units;
    }

    /// <summary>
    /// The branches below a node, each its unit and what may extend it; when a name already ends at the
    /// node the extension is optional, and greedy, so the longer name is tried first.
    /// </summary>
    private static string Emit(Node node, bool rightToLeft)
    {
        var branches = new List<string>();
        foreach (var (unit, child) in node.Children)
        {
            var rest = Emit(child, rightToLeft);
            branches.Add(rightToLeft ? rest + unit : unit + rest);
        }
        if (branches.Count == 0)
            return "";
        var body = branches.Count == 1 ? branches[0] : "(?:" + string.Join('|', branches) + ")";
        return node.Ends ? "(?:" + body + ")?" : body;
    }
}
