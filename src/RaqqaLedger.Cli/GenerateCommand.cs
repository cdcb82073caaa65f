using System.CommandLine;
using System.Globalization;
using RaqqaLedger.Corpus;

namespace RaqqaLedger.Cli;

/// <summary>generate --articles N --seed S --out DIR: a deterministic corpus of articles and the gold file of the claims planted in them.</summary>
internal static class GenerateCommand
{
    private const int MaxArticles = 10_000_000;

    public static Command Create(CommandContext context)
    {
        var articles = new Option<int>("--articles") { Description = string.Create(CultureInfo.InvariantCulture, $"how many articles to write (1 to {MaxArticles:N0})"), Required = true };
        var seed = new Option<int>("--seed") { Description = "the seed: the same articles and seed always give the same bytes (default 1)", DefaultValueFactory = _ => 1 };
        var output = new Option<string>("--out") { Description = "the folder to write (DIR/articles/*.txt and DIR/gold.json); must be new or empty", Required = true };
        var command = new Command("generate", "Write a generated corpus in the seeds' style with the gold file of its planted claims") { articles, seed, output };
        command.SetAction((parsed, cancellationToken) =>
        {
            var count = parsed.GetValue(articles);
            var folder = parsed.GetValue(output)!;
            if (count is < 1 or > MaxArticles)
                throw new UsageException($"--articles must be between 1 and {MaxArticles.ToString("N0", CultureInfo.InvariantCulture)}, not {count}");
            if (File.Exists(folder))
                throw new UsageException($"{folder}: exists and is a file, not a folder");
            if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
                throw new UsageException($"{folder}: exists and is not empty; choose a new or empty folder (nothing is overwritten)");

            var console = context.Console;
            CorpusSummary summary;
            using (var progress = ProgressReport.Start(console, "generate", count, "articles"))
            {
                summary = CorpusWriter.Write(folder, count, parsed.GetValue(seed), written =>
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    progress.Report(written);
                });
            }
            console.Out.WriteLine(
                $"wrote {summary.Articles} article{(summary.Articles == 1 ? "" : "s")} ({summary.Copies} syndicated copies, {summary.Undated} undated) " +
                $"with {summary.Claims} planted claims: {Path.Combine(folder, CorpusWriter.ArticlesFolder)}, {Path.Combine(folder, CorpusWriter.GoldFileName)}");
            return Task.FromResult(CliApp.Ok);
        });
        return command;
    }
}
