using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using RaqqaLedger.Application.Claims;
using RaqqaLedger.Application.Evaluation;
using RaqqaLedger.Extraction.Rules;

namespace RaqqaLedger.Cli;

/// <summary>eval --gold FILE --articles DIR [--rules FILE] [--json]: score extraction against hand-annotated claims.</summary>
internal static class EvalCommand
{
    public static Command Create(CommandContext context)
    {
        var gold = new Option<string>("--gold") { Description = "the gold file (JSON): articles and the claims in them", Required = true };
        var articles = new Option<string>("--articles") { Description = "the folder holding the gold's article files", Required = true };
        var rules = new Option<string?>("--rules") { Description = "score this rule set file instead of the one in effect in the store" };
        var json = new Option<bool>("--json") { Description = "print {\"precision\", \"recall\", \"attribution\", \"topics\", \"articles\"} as JSON" };
        var misses = new Option<bool>("--misses") { Description = "list, per article, every gold claim missed, every claim extracted that the gold does not have, and every misattribution" };
        var command = new Command("eval", "Score claim extraction against a gold file, in a throwaway store") { gold, articles, rules, json, misses };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var goldPath = parsed.GetValue(gold)!;
            var folder = parsed.GetValue(articles)!;
            if (!File.Exists(goldPath))
                throw new UsageException($"{goldPath}: no such gold file");
            if (!Directory.Exists(folder))
                throw new UsageException($"{folder}: no such folder");
            GoldFile goldFile;
            try
            {
                goldFile = GoldFile.Parse(await File.ReadAllTextAsync(goldPath, cancellationToken), goldPath);
            }
            catch (InvalidDataException e)
            {
                throw new UsageException(e.Message);
            }
            var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
            foreach (var a in goldFile.Articles)
            {
                var path = Path.Combine(folder, a.File);
                if (!File.Exists(path))
                    throw new UsageException($"{path}: named by the gold file but not found");
                files[a.File] = await File.ReadAllBytesAsync(path, cancellationToken);
            }

            var (content, source) = await RulesToScoreAsync(context, parsed, parsed.GetValue(rules), cancellationToken);
            EvaluationScore score;
            try
            {
                score = await GoldEvaluation.RunAsync(goldFile, files, content, source, cancellationToken);
            }
            catch (InvalidDataException e)
            {
                throw new UsageException($"{goldPath}: {e.Message}");
            }
            var output = context.Console.Out;
            var listMisses = parsed.GetValue(misses);
            if (parsed.GetValue(json))
            {
                var result = new
                {
                    precision = score.Precision,
                    recall = score.Recall,
                    attribution = score.Attribution,
                    topics = score.Topics.ToDictionary(t => t.Key, t => new { precision = t.Value.Precision, recall = t.Value.Recall, gold = t.Value.Gold, extracted = t.Value.Extracted }),
                    articles = score.Articles.Select(a => new
                    {
                        file = a.File, gold = a.Gold, found = a.Found, extracted = a.Extracted, correct = a.Correct, attributed = a.Attributed,
                        missed = listMisses ? a.Missed : null,
                        spurious = listMisses ? a.Spurious : null,
                        misattributed = listMisses ? a.Misattributed : null,
                    }),
                };
                await output.WriteLineAsync(JsonSerializer.Serialize(result, JsonOutput));
                return CliApp.Ok;
            }
            await output.WriteLineAsync($"rules: {source}");
            await output.WriteLineAsync($"{"TOPIC",-30} {"GOLD",5} {"FOUND",6} {"EXTR.",6} {"PREC.",6} {"RECALL",7}");
            foreach (var (topic, t) in score.Topics)
                await output.WriteLineAsync($"{topic,-30} {t.Gold,5} {t.Found,6} {t.Extracted,6} {Pct(t.Precision),6} {Pct(t.Recall),7}");
            await output.WriteLineAsync();
            await output.WriteLineAsync($"{"ARTICLE",-44} {"GOLD",5} {"FOUND",6} {"EXTR.",6} {"SPUR.",6} {"MISATTR.",9}");
            foreach (var a in score.Articles)
            {
                await output.WriteLineAsync($"{a.File,-44} {a.Gold,5} {a.Found,6} {a.Extracted,6} {a.Spurious.Count,6} {a.Misattributed.Count,9}");
                if (!listMisses)
                    continue;
                foreach (var m in a.Missed)
                    await output.WriteLineAsync($"  missed        {m.Topic} {m.Value} [{m.Speaker ?? "outlet"}] \"{m.Quote}\"");
                foreach (var m in a.Spurious)
                    await output.WriteLineAsync($"  spurious      {m.Topic} {m.Value} [{m.Speaker ?? "outlet"}] \"{m.Quote}\"");
                foreach (var m in a.Misattributed)
                    await output.WriteLineAsync($"  misattributed {m.Topic} {m.Value} expected [{m.Speaker ?? "outlet"}] got [{m.Reported}] \"{m.Quote}\"");
            }
            await output.WriteLineAsync($"precision {Pct(score.Precision)}  recall {Pct(score.Recall)}  attribution {Pct(score.Attribution)}");
            return CliApp.Ok;
        });
        return command;
    }

    private static readonly JsonSerializerOptions JsonOutput = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    private static string Pct(double ratio) => ratio.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>--rules FILE, else the rule set in effect in the store, else the bundled rules.</summary>
    private static async Task<(string Content, string Source)> RulesToScoreAsync(CommandContext context, ParseResult parsed, string? file, CancellationToken cancellationToken)
    {
        if (file is not null)
            return (await RulesCommand.ReadRulesAsync(file, cancellationToken), Path.GetFileName(file));
        var spec = context.StoreSpec(parsed);
        var sqliteFile = spec.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase) ? spec["sqlite:".Length..] : null;
        if (sqliteFile is null || File.Exists(sqliteFile))
        {
            await using var storage = await context.OpenStorageAsync(parsed, cancellationToken);
            var store = storage.Store;
            if (await RuleSets.LoadCurrentAsync(store, cancellationToken) is { } current)
                return (current.Rules.Content, $"v{current.Rules.Version} in effect in {store.Describe}");
        }
        return (DefaultRules.Content, $"bundled {DefaultRules.Source}");
    }
}
