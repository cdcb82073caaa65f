using System.CommandLine;
using System.Text;
using RaqqaLedger.Application.Claims;
using RaqqaLedger.Domain.Events;

namespace RaqqaLedger.Cli;

/// <summary>rules publish FILE | rules list</summary>
internal static class RulesCommand
{
    public static Command Create(CommandContext context)
    {
        var file = new Argument<string>("FILE") { Description = "a rule set file (YAML), e.g. rules/raqqa-claims.yaml" };
        var publish = new Command("publish", "Make a rule set the one in effect and re-extract every article, appending only the difference") { file };
        publish.SetAction(async (parsed, cancellationToken) =>
        {
            var path = parsed.GetValue(file)!;
            var content = await ReadRulesAsync(path, cancellationToken);
            await using var storage = await context.OpenStorageAsync(parsed, cancellationToken);
            var store = storage.Store;
            var metadata = new EventMetadata(Guid.NewGuid().ToString("N"), null, $"cli:{Environment.UserName}");
            var outcome = await RuleSetPublishing.PublishAsync(store, content, Path.GetFileName(path), metadata, cancellationToken);
            var output = context.Console.Out;
            if (outcome.Status == PublishStatus.Unchanged)
            {
                await output.WriteLineAsync($"rule set v{outcome.Version} ({outcome.Sha256[..12]}) is already in effect; nothing appended");
                return CliApp.Ok;
            }
            var count = outcome.LastPosition - outcome.FirstPosition + 1;
            await output.WriteLineAsync(
                $"published rule set v{outcome.Version} ({outcome.Sha256[..12]}); re-extracted {outcome.Articles} articles: " +
                $"{outcome.Extracted} new, {outcome.Revised} revised, {outcome.Retracted} retracted claims; " +
                $"{count} events appended (positions {outcome.FirstPosition}-{outcome.LastPosition})");
            return CliApp.Ok;
        });

        var list = new Command("list", "Show every published rule set version");
        list.SetAction(async (parsed, cancellationToken) =>
        {
            await using var storage = await context.OpenStorageAsync(parsed, cancellationToken);
            var store = storage.Store;
            var output = context.Console.Out;
            var sets = await RuleSets.ListAsync(store, cancellationToken);
            if (sets.Count == 0)
            {
                await output.WriteLineAsync("no rule set published yet (the first ingest publishes the bundled rules)");
                return CliApp.Ok;
            }
            await output.WriteLineAsync($"{"VERSION",-8} {"POSITION",-9} {"SHA-256",-12}  {"RECORDED (UTC)",-20} {"SOURCE",-24} NAME");
            foreach (var s in sets)
            {
                await output.WriteLineAsync(
                    $"{"v" + s.Version,-8} {s.Position,-9} {s.Sha256[..12]}  {s.RecordedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss}  {s.Source,-24} {s.Name}{(s.InEffect ? "  (in effect)" : "")}");
            }
            return CliApp.Ok;
        });

        return new Command("rules", "Publish and list claim-extraction rule sets") { publish, list };
    }

    public static async Task<string> ReadRulesAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
            throw new UsageException($"{path}: no such file");
        try
        {
            var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
            return Application.Articles.ArticleInput.DecodeUtf8(bytes, path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{path}: cannot read: {e.Message}");
        }
    }
}
