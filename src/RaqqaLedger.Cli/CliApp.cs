using System.CommandLine;
using Npgsql;
using RaqqaLedger.Application.Views;
using RaqqaLedger.Domain.Articles;
using RaqqaLedger.Extraction.Rules;
using RaqqaLedger.EventStore;
using RaqqaLedger.Views;

namespace RaqqaLedger.Cli;

/// <summary>The raqqa-ledger command line: parses arguments, opens the store, runs one command.</summary>
/// <param name="storage">Opens the store a command names; the engines it knows are the databases the CLI can use.</param>
public sealed class CliApp(CliConsole console, StorageOpener? storage = null)
{
    public const int Ok = 0, Failed = 1, BadInput = 2;

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken = default)
    {
        var store = new Option<string?>("--store")
        {
            Description = "sqlite:PATH (default sqlite:data/raqqa-ledger.db) or a PostgreSQL connection string; also RAQQA_STORE",
            Recursive = true,
        };
        var context = new CommandContext(console, store, storage ?? StorageOpener.Default);
        var root = new RootCommand("RaqqaLedger: an event-sourced ledger of claims in news reporting on the October 2017 Raqqa evacuation deal");
        root.Options.Add(store);
        root.Subcommands.Add(IngestCommand.Create(context));
        root.Subcommands.Add(EventsCommand.Create(context));
        root.Subcommands.Add(VerifyCommand.Create(context));
        root.Subcommands.Add(ArticlesCommand.Create(context));
        root.Subcommands.Add(RulesCommand.Create(context));
        root.Subcommands.Add(ClaimsCommand.Create(context));
        root.Subcommands.Add(EvalCommand.Create(context));
        root.Subcommands.Add(GenerateCommand.Create(context));
        root.Subcommands.Add(BoardCommand.Create(context));
        root.Subcommands.Add(TimelineCommand.Create(context));
        root.Subcommands.Add(SpeakersCommand.Create(context));
        root.Subcommands.Add(ReportCommand.Create(context));
        root.Subcommands.Add(ReplayCommand.Create(context));
        root.Subcommands.Add(ReplayCommand.Status(context));

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            await console.Error.WriteLineAsync($"error: {OneLine(parsed.Errors[0].Message)} (see raqqa-ledger --help)");
            return BadInput;
        }
        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration { Output = console.Out, Error = console.Error, EnableDefaultExceptionHandler = false }, cancellationToken);
        }
        catch (Exception e) when (e is UsageException or InvalidArticleException or ArgumentException or InvalidAppendException or InvalidRuleSetException or InvalidQueryException)
        {
            await console.Error.WriteLineAsync($"error: {OneLine(e.Message)}");
            return BadInput;
        }
        catch (Exception e) when (e is NpgsqlException or Microsoft.Data.Sqlite.SqliteException or IOException or UnauthorizedAccessException or TimeoutException or ReplayConflictException)
        {
            await console.Error.WriteLineAsync($"error: {OneLine(e.Message)}");
            return Failed;
        }
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();
}

/// <summary>What every command needs: the console and how to open the chosen store.</summary>
public sealed class CommandContext(CliConsole console, Option<string?> storeOption, StorageOpener storage)
{
    public CliConsole Console { get; } = console;

    public string StoreSpec(ParseResult parsed) =>
        parsed.GetValue(storeOption) ?? Console.Environment("RAQQA_STORE") ?? EventStoreFactory.DefaultSpec;

    /// <exception cref="ArgumentException">A malformed spec: bad input, reported before anything opens.</exception>
    public Task<LedgerStorage> OpenStorageAsync(ParseResult parsed, CancellationToken cancellationToken) =>
        storage.OpenAsync(StoreSpec(parsed), cancellationToken: cancellationToken);
}
