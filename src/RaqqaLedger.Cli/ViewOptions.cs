using System.CommandLine;
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
    public static string Line(ClaimRecord c, string prefix = "  ") =>
        $"{prefix}{ViewJson.Day(c.Published) ?? "undated",-10}  {c.Version.Facts.Value,-12} {c.Speaker ?? "(outlet)",-22} {Clip(c.Source, 28),-28} \"{Clip(c.Version.Facts.Quote, 70)}\"";

    public static string Clip(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "…";
}
