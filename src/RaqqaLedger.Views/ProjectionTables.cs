using RaqqaLedger.EventStore;

namespace RaqqaLedger.Views;

/// <summary>
/// How one projection's view is kept in tables: their definitions, and how a batch of events changes
/// them. The decisions are the pure folds of the projections project; this side only writes rows.
/// </summary>
public abstract class ProjectionTables
{
    /// <summary>Appended to table names while a replay builds fresh ones.</summary>
    public const string BuildSuffix = "__build";

    public abstract string Name { get; }

    /// <summary>The fold's version: a store at another version rebuilds this projection at start.</summary>
    public abstract int Version { get; }

    /// <summary>The tables, without suffix; the first is the one whose absence means "never built".</summary>
    public abstract IReadOnlyList<string> Tables { get; }

    /// <summary>The event types the fold reads; the runner reads only these from the log.</summary>
    public abstract IReadOnlyCollection<string> EventTypes { get; }

    /// <summary>
    /// CREATE statements for the tables named with <paramref name="suffix"/>, with the indexes the fold
    /// itself looks rows up by; index names carry <paramref name="generation"/>.
    /// </summary>
    public abstract IReadOnlyList<string> CreateStatements(string suffix, int generation);

    /// <summary>The indexes only readers need: a rebuild creates them once, after the bulk of the rows is in.</summary>
    public abstract IReadOnlyList<string> IndexStatements(string suffix, int generation);

    /// <summary>
    /// What a rebuild may keep in memory from one batch to the next, so it need not look its own
    /// fresh rows up again, nor have the indexes to do it by; null when the projection needs nothing.
    /// It must lead to the same rows.
    /// </summary>
    public virtual object? StartBuild() => null;

    /// <summary>
    /// Runs once in a rebuild, right after <see cref="IndexStatements"/>: whatever the build held back
    /// until the indexes were in. The rest of the log is then applied as to live tables, without the
    /// build's memory.
    /// </summary>
    public virtual Task FinishBuildAsync(ViewTransaction tx, string suffix, object? buildMemory, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Applies events, in log order, to the tables named with <paramref name="suffix"/>.</summary>
    /// <param name="buildMemory">During a rebuild, until its indexes are in, what <see cref="StartBuild"/> gave; otherwise null.</param>
    public abstract Task ApplyAsync(ViewTransaction tx, string suffix, IReadOnlyList<EventPayload> events, object? buildMemory, CancellationToken cancellationToken);
}
