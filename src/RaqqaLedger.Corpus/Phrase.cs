using System.Text;

namespace RaqqaLedger.Corpus;

/// <summary>
/// A sentence pattern with variation: "[a|b|c]" picks one alternative (they nest, "[x|]" makes x
/// optional), "{name}" is a slot filled by the caller. Parsed once; rendering only appends.
/// </summary>
internal sealed class Phrase
{
    private readonly Node root;

    private Phrase(Node root, string source)
    {
        this.root = root;
        Source = source;
    }

    public string Source { get; }

    public static Phrase Parse(string pattern)
    {
        var position = 0;
        var node = ParseSequence(pattern, ref position, topLevel: true);
        return new Phrase(node, pattern);
    }

    public static implicit operator Phrase(string pattern) => Parse(pattern);

    /// <param name="slot">Appends the value of a slot; called for each "{name}".</param>
    public void Render(StringBuilder into, SplitMix64 random, Action<string, StringBuilder>? slot = null) => root.Render(into, random, slot);

    public string Render(SplitMix64 random, Action<string, StringBuilder>? slot = null)
    {
        var builder = new StringBuilder(Source.Length);
        Render(builder, random, slot);
        return builder.ToString();
    }

    private static Node ParseSequence(string pattern, ref int position, bool topLevel)
    {
        var parts = new List<Node>();
        var text = new StringBuilder();
        void Flush()
        {
            if (text.Length > 0)
                parts.Add(new Text(text.ToString()));
            text.Clear();
        }
        while (position < pattern.Length)
        {
            var c = pattern[position];
            if (!topLevel && c is '|' or ']')
                break;
            position++;
            if (c == '\\' && position < pattern.Length)
            {
                text.Append(pattern[position++]);
            }
            else if (c == '[')
            {
                Flush();
                var options = new List<Node> { ParseSequence(pattern, ref position, topLevel: false) };
                while (position < pattern.Length && pattern[position] == '|')
                {
                    position++;
                    options.Add(ParseSequence(pattern, ref position, topLevel: false));
                }
                if (position >= pattern.Length || pattern[position] != ']')
                    throw new FormatException($"unclosed '[' in \"{pattern}\"");
                position++;
                parts.Add(new Choice([.. options]));
            }
            else if (c == '{')
            {
                Flush();
                var end = pattern.IndexOf('}', position);
                if (end < 0)
                    throw new FormatException($"unclosed '{{' in \"{pattern}\"");
                parts.Add(new Slot(pattern[position..end]));
                position = end + 1;
            }
            else if (topLevel && c is '|' or ']')
            {
                throw new FormatException($"'{c}' outside brackets in \"{pattern}\"");
            }
            else
            {
                text.Append(c);
            }
        }
        Flush();
        return parts.Count == 1 ? parts[0] : new Sequence([.. parts]);
    }

    private abstract class Node
    {
        public abstract void Render(StringBuilder into, SplitMix64 random, Action<string, StringBuilder>? slot);
    }

    private sealed class Text(string value) : Node
    {
        public override void Render(StringBuilder into, SplitMix64 random, Action<string, StringBuilder>? slot) => into.Append(value);
    }

    private sealed class Slot(string name) : Node
    {
        public override void Render(StringBuilder into, SplitMix64 random, Action<string, StringBuilder>? slot)
        {
            if (slot is null)
                throw new InvalidOperationException($"slot {{{name}}} has no value");
            slot(name, into);
        }
    }

    private sealed class Sequence(Node[] parts) : Node
    {
        public override void Render(StringBuilder into, SplitMix64 random, Action<string, StringBuilder>? slot)
        {
            foreach (var part in parts)
                part.Render(into, random, slot);
        }
    }

    private sealed class Choice(Node[] options) : Node
    {
        public override void Render(StringBuilder into, SplitMix64 random, Action<string, StringBuilder>? slot) =>
            options[random.Below(options.Length)].Render(into, random, slot);
    }
}
