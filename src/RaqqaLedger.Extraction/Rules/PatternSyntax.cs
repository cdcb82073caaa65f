namespace RaqqaLedger.Extraction.Rules;

/// <summary>
/// The .NET pattern syntax the rules use, read into a small tree: enough to reason about a pattern
/// without running it (what characters can begin or end a part, which literal text it must contain).
/// What the reader does not understand counts as matching any character.
/// </summary>
internal static class PatternSyntax
{
    /// <summary>The tree of <paramref name="pattern"/>, or null when this reader cannot follow it.</summary>
    public static Node? Read(string pattern)
    {
        try
        {
            return new Parser(pattern).Alternation();
        }
        catch (Exception e) when (e is IndexOutOfRangeException or ArgumentOutOfRangeException or FormatException)
        {
            return null;
        }
    }

    /// <summary>A set of characters: the ASCII ones exactly, the rest as one "other".</summary>
    /// <summary>
    /// Every character <paramref name="pattern"/> can take (what lookarounds look at is not taken), or null when this
    /// reader cannot follow it. Letters count in both cases.
    /// </summary>
    public static Chars? Alphabet(string pattern) => Read(pattern) is { } root ? Taken(root) : null;

    private static Chars Taken(Node node) => node switch
    {
        Set set => set.First,
        Sequence s => s.Items.Aggregate(Chars.None, (all, item) => all.Or(Taken(item))),
        Alternation a => a.Options.Aggregate(Chars.None, (all, option) => all.Or(Taken(option))),
        Repeat r => Taken(r.Body),
        _ => Chars.None,
    };

    internal readonly record struct Chars(UInt128 Ascii, bool Other)
    {
        public static readonly Chars None = new(0, false);
        public static readonly Chars Any = new(UInt128.MaxValue, true);

        public Chars Or(Chars c) => new(Ascii | c.Ascii, Other || c.Other);

        public static Chars Of(char c)
        {
            if (c >= 128)
                return new Chars(0, true);
            var set = new Chars((UInt128)1 << c, false);
            // Rules match case-insensitively.
            return char.IsAsciiLetter(c) ? set.Or(new Chars((UInt128)1 << (c ^ 0x20), false)) : set;
        }

        public static Chars Where(Func<char, bool> test, bool other)
        {
            UInt128 bits = 0;
            for (var c = 0; c < 128; c++)
            {
                if (test((char)c))
                    bits |= (UInt128)1 << c;
            }
            return new Chars(bits, other);
        }

        public Chars Not() => new(~Ascii, true);

        public bool Has(char c) => c < 128 ? (Ascii & ((UInt128)1 << c)) != 0 : Other;
    }

    internal abstract class Node
    {
        public abstract bool Nullable { get; }
        public abstract Chars First { get; }
        public abstract Chars Last { get; }
        /// <summary>The characters of repetitions of varying length that can begin or end this node's text.</summary>
        public virtual Chars FirstVariable => Chars.None;
        public virtual Chars LastVariable => Chars.None;
    }

    /// <param name="Literals">The characters the set is, when it is a few written out ("a", "\\.", "['’]"), else null.</param>
    internal sealed class Set(Chars chars, string? literals = null) : Node
    {
        public string? Literals { get; } = literals;
        public override bool Nullable => false;
        public override Chars First => chars;
        public override Chars Last => chars;
    }

    /// <summary>An anchor, a word boundary, or a lookaround: it takes no characters.</summary>
    internal sealed class Look(Node body) : Node
    {
        public Node Body { get; } = body;
        public override bool Nullable => true;
        public override Chars First => Chars.None;
        public override Chars Last => Chars.None;
    }

    internal sealed class Sequence(List<Node> items) : Node
    {
        public List<Node> Items { get; } = items;
        public override bool Nullable => Items.All(i => i.Nullable);
        public override Chars First => Edge(Items, n => n.First);
        public override Chars Last => Edge(Enumerable.Reverse(Items), n => n.Last);
        public override Chars FirstVariable => Edge(Items, n => n.FirstVariable);
        public override Chars LastVariable => Edge(Enumerable.Reverse(Items), n => n.LastVariable);

        private static Chars Edge(IEnumerable<Node> items, Func<Node, Chars> of)
        {
            var set = Chars.None;
            foreach (var item in items)
            {
                set = set.Or(of(item));
                if (!item.Nullable)
                    break;
            }
            return set;
        }
    }

    internal sealed class Alternation(List<Node> options) : Node
    {
        public List<Node> Options { get; } = options;
        public override bool Nullable => Options.Any(o => o.Nullable);
        public override Chars First => Options.Aggregate(Chars.None, (s, o) => s.Or(o.First));
        public override Chars Last => Options.Aggregate(Chars.None, (s, o) => s.Or(o.Last));
        public override Chars FirstVariable => Options.Aggregate(Chars.None, (s, o) => s.Or(o.FirstVariable));
        public override Chars LastVariable => Options.Aggregate(Chars.None, (s, o) => s.Or(o.LastVariable));
    }

    internal sealed class Repeat(Node body, int min, int? max, int start, int end) : Node
    {
        public Node Body { get; } = body;
        public int Min { get; } = min;
        public int? Max { get; } = max;
        public int Start { get; } = start;
        public int End { get; } = end;
        private bool Varies => Max != Min;
        public override bool Nullable => Min == 0 || Body.Nullable;
        public override Chars First => Body.First;
        public override Chars Last => Body.Last;
        public override Chars FirstVariable => Varies ? Body.First : Body.FirstVariable;
        public override Chars LastVariable => Varies ? Body.Last : Body.LastVariable;
    }

    /// <summary>Reads the .NET pattern syntax the rules use into the nodes above.</summary>
    internal sealed class Parser(string pattern)
    {
        private int at;

        public Node Alternation()
        {
            var options = new List<Node> { Sequence() };
            while (at < pattern.Length && pattern[at] == '|')
            {
                at++;
                options.Add(Sequence());
            }
            return options.Count == 1 ? options[0] : new Alternation(options);
        }

        private Node Sequence()
        {
            var items = new List<Node>();
            while (at < pattern.Length && pattern[at] is not ('|' or ')'))
            {
                var start = at;
                var atom = Atom();
                if (atom is null)
                    continue;
                items.Add(Quantified(atom, start));
            }
            return new Sequence(items);
        }

        private Node Quantified(Node atom, int start)
        {
            while (at < pattern.Length)
            {
                int min;
                int? max;
                switch (pattern[at])
                {
                    case '*': (min, max) = (0, null); at++; break;
                    case '+': (min, max) = (1, null); at++; break;
                    case '?': (min, max) = (0, 1); at++; break;
                    case '{' when Braces() is { } braces: (min, max) = braces; break;
                    default: return atom;
                }
                if (at < pattern.Length && pattern[at] == '?')
                    at++; // lazy: the same bounds
                atom = new Repeat(atom, min, max, start, at);
            }
            return atom;
        }

        private (int Min, int? Max)? Braces()
        {
            var close = pattern.IndexOf('}', at);
            if (close < 0)
                return null;
            var body = pattern.AsSpan(at + 1, close - at - 1);
            var comma = body.IndexOf(',');
            if (!int.TryParse(comma < 0 ? body : body[..comma], out var min))
                return null;
            int? max = min;
            if (comma >= 0)
            {
                var high = body[(comma + 1)..];
                if (high.Length == 0)
                    max = null;
                else if (int.TryParse(high, out var m))
                    max = m;
                else
                    return null;
            }
            at = close + 1;
            return (min, max);
        }

        private Node? Atom()
        {
            var c = pattern[at];
            switch (c)
            {
                case '(':
                    return Group();
                case '[':
                    return Class();
                case '\\':
                    return Escape();
                case '.':
                    at++;
                    return new Set(Chars.Of('\n').Not());
                case '^' or '$':
                    at++;
                    return new Look(new Sequence([]));
                default:
                    at++;
                    return Single(c);
            }
        }

        private static Set Single(char c) => new(Chars.Of(c), c.ToString());

        private Node? Group()
        {
            at++; // (
            var look = false;
            if (at < pattern.Length && pattern[at] == '?')
            {
                at++;
                if (pattern[at] == '#')
                {
                    at = pattern.IndexOf(')', at) + 1;
                    return null;
                }
                if (pattern[at] is '=' or '!')
                {
                    look = true;
                    at++;
                }
                else if (pattern[at] == '<' && pattern[at + 1] is '=' or '!')
                {
                    look = true;
                    at += 2;
                }
                else if (pattern[at] is '<' or '\'')
                {
                    at = pattern.IndexOf(pattern[at] == '<' ? '>' : '\'', at + 1) + 1; // a named group
                }
                else
                {
                    // Options and non-capturing or atomic groups: (?:, (?>, (?i:, (?-i:, or (?i) alone.
                    while (pattern[at] is not (':' or ')' or '>'))
                        at++;
                    if (pattern[at] == ')')
                    {
                        at++;
                        return null;
                    }
                    at++;
                }
            }
            var body = Alternation();
            at++; // )
            return look ? new Look(body) : body;
        }

        private Set Class()
        {
            at++; // [
            var negated = at < pattern.Length && pattern[at] == '^';
            if (negated)
                at++;
            var set = Chars.None;
            // The characters written out one by one; null once a range or a class escape makes the set larger.
            var literals = negated ? null : new System.Text.StringBuilder();
            var first = true;
            while (pattern[at] != ']' || first)
            {
                first = false;
                if (pattern[at] == '[' || (pattern[at] == '-' && pattern[at + 1] == '['))
                    return new Set(Chars.Any); // a subtraction: read as anything
                Chars item;
                char? single = null;
                if (pattern[at] == '\\')
                {
                    var (escaped, literal) = ClassEscape();
                    item = escaped;
                    single = literal;
                }
                else
                {
                    single = pattern[at];
                    item = Chars.Of(pattern[at]);
                    at++;
                }
                if (single is { } low && pattern[at] == '-' && pattern[at + 1] != ']')
                {
                    at++;
                    var high = pattern[at] == '\\' ? ClassEscape().Literal ?? low : pattern[at++];
                    item = Chars.Where(ch => ch >= low && ch <= high, high >= 128);
                    item = item.Or(Chars.Where(ch => char.IsAsciiLetter(ch) && (ch ^ 0x20) >= low && (ch ^ 0x20) <= high, false));
                    literals = null;
                }
                else if (single is { } one)
                {
                    literals?.Append(one);
                }
                else
                {
                    literals = null;
                }
                set = set.Or(item);
            }
            at++; // ]
            return new Set(negated ? set.Not() : set, literals?.ToString());
        }

        private (Chars Chars, char? Literal) ClassEscape()
        {
            var node = Escape();
            return node switch
            {
                Set s => (s.First, Literal(pattern[at - 1])),
                _ => (Chars.None, null),
            };
        }

        private static char? Literal(char c) => char.IsAsciiLetterOrDigit(c) ? null : c;

        private Node Escape()
        {
            at++; // \
            var c = pattern[at++];
            switch (c)
            {
                case 'w': return new Set(Chars.Where(ch => char.IsAsciiLetterOrDigit(ch) || ch == '_', true));
                case 'W': return new Set(Chars.Where(ch => char.IsAsciiLetterOrDigit(ch) || ch == '_', true).Not());
                case 'd': return new Set(Chars.Where(char.IsAsciiDigit, true));
                case 'D': return new Set(Chars.Where(char.IsAsciiDigit, false).Not());
                case 's': return new Set(Chars.Where(char.IsWhiteSpace, true));
                case 'S': return new Set(Chars.Where(char.IsWhiteSpace, false).Not());
                case 'b' or 'B' or 'A' or 'z' or 'Z' or 'G': return new Look(new Sequence([]));
                case 'p' or 'P':
                    at = pattern.IndexOf('}', at) + 1;
                    return new Set(Chars.Any);
                case 'k':
                    at = pattern.IndexOf(pattern[at] == '<' ? '>' : '\'', at + 1) + 1;
                    return new Set(Chars.Any);
                case 'n': return Single('\n');
                case 't': return Single('\t');
                case 'r': return Single('\r');
                case 'u':
                    at += 4;
                    return Single((char)Convert.ToInt32(pattern.Substring(at - 4, 4), 16));
                case 'x':
                    at += 2;
                    return Single((char)Convert.ToInt32(pattern.Substring(at - 2, 2), 16));
                default:
                    // \1 (a back reference) is anything; \. or \- is the character.
                    return char.IsAsciiDigit(c) ? new Set(Chars.Any) : char.IsAsciiLetter(c) ? new Set(Chars.Of(c)) : Single(c);
            }
        }
    }
}
