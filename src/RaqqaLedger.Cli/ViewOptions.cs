using System.CommandLine;
using System.Text.Json.Nodes;
using RaqqaLedger.Application.Views;
using RaqqaLedger.Projections.Views;

namespace RaqqaLedger.Cli;

/// <summary>The options the view commands share, and how they print claims.</summary>
internal static class ViewOptions
{
    public static Option<string?> Topic() => new("--topic") { Description = "only this topic, e.g. foreign_fighters.departed" };

    public static Option<bool> Json() => new("--json") { Description = "print JSON" };

    public static Option<string?> From() => new("--from") { Description = $"first day, yyyy-MM-dd (default {ReportingTimeline.StoryStart:yyyy-MM-dd})" };

    public static Option<string?> To() => new("--to") { Description = $"last day, yyyy-MM-dd (default {ReportingTimeline.StoryEnd:yyyy-MM-dd})" };

    public static (DateOnly From, DateOnly To) Range(ParseResult parsed, Option<string?> from, Option<string?> to) =>
        (parsed.GetValue(from) is { } f ? ViewArguments.Day(f, "--from") : ReportingTimeline.StoryStart,
         parsed.GetValue(to) is { } t ? ViewArguments.Day(t, "--to") : ReportingTimeline.StoryEnd);

    public static Task WriteJsonAsync<T>(CommandContext context, T document) =>
        context.Console.Out.WriteLineAsync(System.Text.Json.JsonSerializer.Serialize(document, ViewJson.Printing));

    /// <summary>One claim on one line: day, value, who said it, where, and the start of the quote.</summary>
    public static string Line(ClaimDocument c, string prefix = "  ") => Line(c.Published, c.Value, c.Speaker, c.Source, c.Quote, prefix);

    /// <summary>A speaker's statement on one line, as <see cref="Line(ClaimDocument, string)"/> but for the speaker, who is known.</summary>
    public static string Line(StatementDocument s, string speaker, string prefix) => Line(s.Published, s.Value, speaker, s.Source, s.Quote, prefix);

    private static string Line(DateOnly? published, JsonNode? value, string? speaker, string source, string quote, string prefix) =>
        $"{prefix}{ViewJson.Day(published) ?? "undated",-10}  {ViewJson.ValueText(value),-12} {speaker ?? "(outlet)",-22} {Clip(source, 28),-28} \"{Clip(quote, 70)}\"";

    public static string Clip(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "…";
}
