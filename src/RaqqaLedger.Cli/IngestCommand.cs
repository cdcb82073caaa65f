using System.CommandLine;
using RaqqaLedger.Application.Articles;
using RaqqaLedger.Domain.Articles;
using RaqqaLedger.Domain.Events;

namespace RaqqaLedger.Cli;

/// <summary>ingest PATH... : files, folders (their .txt and .json files) or "-" for standard input.</summary>
internal static class IngestCommand
{
    public static Command Create(CommandContext context)
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "article files (.txt raw, .json envelope), folders of them, or - for standard input",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var format = new Option<string>("--stdin-format")
        {
            Description = "how to read standard input: auto (JSON envelope if it starts with '{'), text or json",
            DefaultValueFactory = _ => "auto",
        };
        format.AcceptOnlyFromAmong("auto", "text", "json");
        var command = new Command("ingest", "Append articles to the ledger; the same text twice appends nothing") { paths, format };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var console = context.Console;
            // Read and check every input before opening the store: a bad file stops the run with nothing written.
            var submissions = await ReadSubmissionsAsync(parsed.GetValue(paths) ?? [], parsed.GetValue(format)!, console, cancellationToken);
            await using var storage = await context.OpenStorageAsync(parsed, cancellationToken);
            var store = storage.Store;
            var metadata = new EventMetadata(Guid.NewGuid().ToString("N"), null, $"cli:{Environment.UserName}");
            IngestReport report;
            using (var progress = ProgressReport.Start(console, "ingest", submissions.Count, "articles"))
                report = await new ArticleIngestion(store, ArticleReadingOptions.Default).IngestAsync(submissions, metadata, cancellationToken, progress);
            var outcomes = report.Articles;
            if (report.RulesPublished is { } rules)
                await console.Out.WriteLineAsync($"the log had no rule set: published the bundled rules v{rules.Version} ({rules.Sha256[..12]})");

            foreach (var o in outcomes)
            {
                var a = o.Article;
                var date = a.Published.Date?.ToString("yyyy-MM-dd") ?? "unknown   ";
                await console.Out.WriteLineAsync(
                    $"{(o.Status == IngestStatus.New ? "new    " : "present")}  {a.ArticleId[..12]}  {date}  {a.Published.Basis.ToString().ToLowerInvariant(),-8}  {(o.Status == IngestStatus.New ? $"{o.Claims} claims" : ""),-10}  {a.Source}"
                    + (o.ExtractionSkipped is { } skipped ? $"  ({skipped})" : ""));
            }
            var fresh = outcomes.Where(o => o.Status == IngestStatus.New).ToList();
            var appended = report.EventsAppended;
            var positions = report.Positions is { } p ? $" (positions {p.First}-{p.Last})" : "";
            await console.Out.WriteLineAsync(
                $"{outcomes.Count} article{(outcomes.Count == 1 ? "" : "s")}: {fresh.Count} new, {outcomes.Count - fresh.Count} already present; " +
                $"{fresh.Sum(o => o.Claims)} claims; {appended} event{(appended == 1 ? "" : "s")} appended{positions} to {store.Describe}"
                + (fresh.Count(o => o.ExtractionSkipped is not null) is > 0 and var notRead ? $"; {notRead} not extracted (not in English)" : ""));
            return CliApp.Ok;
        });
        return command;
    }

    private static async Task<List<ArticleSubmission>> ReadSubmissionsAsync(string[] paths, string stdinFormat, CliConsole console, CancellationToken cancellationToken)
    {
        if (paths.Length == 0)
        {
            if (!console.InputRedirected)
                throw new UsageException("ingest needs at least one PATH (a file, a folder, or - for standard input)");
            paths = ["-"];
        }
        var submissions = new List<ArticleSubmission>();
        foreach (var path in paths)
        {
            if (path == "-")
            {
                using var buffer = new MemoryStream();
                await console.Input.CopyToAsync(buffer, cancellationToken);
                var bytes = buffer.ToArray();
                var asJson = stdinFormat == "json" || (stdinFormat == "auto" && LooksLikeJson(bytes));
                submissions.Add(asJson ? ArticleInput.FromEnvelope("stdin", bytes) : ArticleInput.FromText("stdin", bytes));
            }
            else if (Directory.Exists(path))
            {
                var files = Directory.EnumerateFiles(path)
                    .Where(IsArticleFile)
                    .Where(f => !Path.GetFileName(f).StartsWith('.'))
                    .Order(StringComparer.Ordinal)
                    .ToList();
                if (files.Count == 0)
                    throw new UsageException($"{path}: the folder holds no .txt or .json files");
                foreach (var file in files)
                    submissions.Add(await ReadFileAsync(file, cancellationToken));
            }
            else if (File.Exists(path))
            {
                if (!IsArticleFile(path))
                    throw new UsageException($"{path}: not an article file (expected .txt for raw text or .json for an envelope)");
                submissions.Add(await ReadFileAsync(path, cancellationToken));
            }
            else
            {
                throw new UsageException($"{path}: no such file or folder");
            }
        }
        return submissions;
    }

    private static async Task<ArticleSubmission> ReadFileAsync(string path, CancellationToken cancellationToken)
    {
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{path}: cannot read: {e.Message}");
        }
        var source = Path.GetFileName(path);
        return Path.GetExtension(path).Equals(".json", StringComparison.OrdinalIgnoreCase)
            ? ArticleInput.FromEnvelope(source, bytes)
            : ArticleInput.FromText(source, bytes);
    }

    private static bool IsArticleFile(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".txt" or ".json";

    private static bool LooksLikeJson(byte[] bytes)
    {
        foreach (var b in bytes)
        {
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or 0xEF or 0xBB or 0xBF)
                continue;
            return b == (byte)'{';
        }
        return false;
    }
}
