using System.Globalization;
using System.Text.RegularExpressions;

namespace RaqqaLedger.Testing;

/// <summary>Edits of a rule set file's text that tests publish as a new version.</summary>
public static partial class RuleSetText
{
    /// <summary>The same rules under the next version number, so they can be published over these.</summary>
    public static string NextVersion(string content) =>
        VersionLine().Replace(content, m => $"version: {int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) + 1}", 1);

    /// <summary>The rules without the rule or frame <paramref name="id"/> (its whole entry, up to the next one).</summary>
    public static string Without(string content, string id)
    {
        var entry = new Regex(@"\n      - id: " + Regex.Escape(id) + @"\n(?:        .*\n)+").Match(content);
        return entry.Success ? content.Remove(entry.Index, entry.Length - 1) : throw new ArgumentException($"no rule or frame '{id}' in the rules", nameof(id));
    }

    [GeneratedRegex(@"^version: (\d+)$", RegexOptions.Multiline)]
    private static partial Regex VersionLine();
}
