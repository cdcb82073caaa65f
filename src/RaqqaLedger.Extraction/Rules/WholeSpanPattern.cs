using System.Buffers;
using System.Text.RegularExpressions;

namespace RaqqaLedger.Extraction.Rules;

/// <summary>
/// A pattern a whole span must match (anchored ^…$), turned away without running where the span holds an ASCII
/// character the pattern never takes: most stretches between a frame's verb and a candidate argument hold a
/// comma or a full stop that the gap between them cannot cross.
/// </summary>
public sealed class WholeSpanPattern
{
    private readonly Regex regex;

    /// <summary>The ASCII characters no part of the pattern takes; null when the pattern could not be read.</summary>
    private readonly SearchValues<char>? untaken;

    public WholeSpanPattern(Regex regex)
    {
        this.regex = regex;
        if (PatternSyntax.Alphabet(regex.ToString()) is { } alphabet)
            untaken = SearchValues.Create([.. Enumerable.Range(0, 128).Select(c => (char)c).Where(c => !alphabet.Has(c))]);
    }

    public bool IsMatch(ReadOnlySpan<char> span)
    {
        // "$" also matches before a final line feed, which the pattern need not take.
        var taken = span.EndsWith('\n') ? span[..^1] : span;
        return (untaken is null || taken.IndexOfAny(untaken) < 0) && regex.IsMatch(span);
    }
}
