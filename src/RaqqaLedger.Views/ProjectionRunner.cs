using RaqqaLedger.EventStore;

namespace RaqqaLedger.Views;

/// <summary>A projection as an operator sees it.</summary>
/// <param name="Lag">Events in the log it has not applied yet.</param>
/// <param name="State">live, stale (its version differs from the code's: it rebuilds at the next start), rebuilding, or new.</param>
public sealed record ProjectionInfo(string Name, int Version, int StoredVersion, long Checkpoint, long Lag, string State, int Generation, DateTimeOffset? RebuiltAt);

/// <param name="Events">How many events of its types the projection folded.</param>
/// <param name="Position">The log position the fresh tables reached.</param>
/// <summary>How far a replay has got: its fresh tables cover the log up to <paramref name="Position"/> of <paramref name="Head"/>.</summary>
public sealed record ReplayProgress(string Projection, long Position, long Head);

public sealed record ReplayResult(string Name, long Events, long Position, int Generation, TimeSpan Elapsed);

/// <exception>Another replay of the same projection took over the fresh tables.</exception>
public sealed class ReplayConflictException(string message) : Exception(message);

/// <summary>
/// Feeds the log to the projections and keeps their tables and checkpoints in the same store as the
/// log. Each batch of events and the checkpoint it moves to commit in one transaction, so a crash
/// loses nothing and applies nothing twice. A replay builds fresh tables beside the live ones and
/// swaps them in, in one transaction, only once they reach the head: readers never see a half-built view.
/// </summary>
/// <param name="batchSize">Events per transaction while following the log.</param>
/// <param name="buildBatchSize">Events per transaction while a replay builds fresh tables, which nobody reads yet.</param>
public sealed class ProjectionRunner(
    IEventStore store, ViewDatabase views, IReadOnlyList<ProjectionTables>? projections = null, int batchSize = 2000, int buildBatchSize = 20_000)
{
    public static IReadOnlyList<ProjectionTables> All { get; } = [new ArticlesTables(), new ClaimsTables()];

    private bool checkpointTableReady;

    public IReadOnlyList<ProjectionTables> Projections { get; } = projections ?? All;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<long, string> skipped = new();

    /// <summary>
    /// Events the folds could not read (a payload that is not JSON, or not the event its type names), by
    /// position: skipped, so the views still show the rest of the log. Only someone editing the database
    /// can store such a payload, and verify names the edit.
    /// </summary>
    public IReadOnlyDictionary<long, string> Skipped => skipped;

    private async Task<ViewTransaction> BeginWriteAsync(string projection, CancellationToken cancellationToken)
    {
        var tx = await views.BeginWriteAsync(projection, cancellationToken);
        tx.Skipped = (position, problem) => skipped[position] = problem;
        return tx;
    }

    /// <summary>Brings every projection to the head: those never built or built by another version are rebuilt, the rest catch up.</summary>
    /// <returns>The projections that were rebuilt.</returns>
    public async Task<IReadOnlyList<ReplayResult>> CatchUpAsync(CancellationToken cancellationToken = default)
    {
        await EnsureCheckpointTableAsync(cancellationToken);
        var stale = new List<ProjectionTables>();
        foreach (var projection in Projections)
        {
            var checkpoint = await views.ReadCheckpointAsync(projection.Name, cancellationToken);
            if (checkpoint is null || checkpoint.Version != projection.Version || !await views.TableExistsAsync(projection.Tables[0], cancellationToken))
                stale.Add(projection);
            else
                await ApplyNewEventsAsync(projection, cancellationToken);
        }
        return stale.Count == 0 ? [] : await RebuildAsync(stale, cancellationToken);
    }

    /// <summary>Catches up, then applies new events as they are committed, until cancelled.</summary>
    public async Task FollowAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            await CatchUpAsync(cancellationToken);
            var from = long.MaxValue;
            foreach (var projection in Projections)
                from = Math.Min(from, (await views.ReadCheckpointAsync(projection.Name, cancellationToken))?.Position ?? 0);
            // Wait for the next commit; the catch-up then takes everything that arrived, in batches.
            await using var next = store.SubscribeToAllAsync(from, cancellationToken).GetAsyncEnumerator(cancellationToken);
            await next.MoveNextAsync();
        }
    }

    /// <summary>Rebuilds one projection, or all, from position 1 into fresh tables, then swaps them in.</summary>
    /// <exception cref="ArgumentException">No projection has that name.</exception>
    public async Task<IReadOnlyList<ReplayResult>> ReplayAsync(string? name = null, CancellationToken cancellationToken = default, IProgress<ReplayProgress>? progress = null)
    {
        var chosen = name is null ? Projections : [.. Projections.Where(p => p.Name == name)];
        if (chosen.Count == 0)
            throw new ArgumentException($"no projection named '{name}'; there are: {string.Join(", ", Projections.Select(p => p.Name))}");
        await EnsureCheckpointTableAsync(cancellationToken);
        return await RebuildAsync(chosen, cancellationToken, progress);
    }

    public async Task<IReadOnlyList<ProjectionInfo>> DescribeAsync(CancellationToken cancellationToken = default)
    {
        await EnsureCheckpointTableAsync(cancellationToken);
        var head = (await store.ReadHeadAsync(cancellationToken)).Position;
        var list = new List<ProjectionInfo>();
        foreach (var projection in Projections)
        {
            var c = await views.ReadCheckpointAsync(projection.Name, cancellationToken);
            var state = c is null || c.Version == 0 ? "new"
                : c.BuildToken is not null ? "rebuilding"
                : c.Version != projection.Version ? "stale"
                : "live";
            list.Add(new ProjectionInfo(projection.Name, projection.Version, c?.Version ?? 0, c?.Position ?? 0, head - (c?.Position ?? 0), state, c?.Generation ?? 0, c?.RebuiltAt));
        }
        return list;
    }

    // Once per runner: following the log catches up after every commit, and need not re-issue the DDL each time.
    private async Task EnsureCheckpointTableAsync(CancellationToken cancellationToken)
    {
        if (checkpointTableReady)
            return;
        await views.EnsureCheckpointTableAsync(cancellationToken);
        checkpointTableReady = true;
    }

    private async Task ApplyNewEventsAsync(ProjectionTables projection, CancellationToken cancellationToken)
    {
        while (true)
        {
            await using var tx = await BeginWriteAsync(projection.Name, cancellationToken);
            if (tx.Checkpoint.Version != projection.Version)
                return; // another process rebuilt it under another version; the next start sorts that out
            var (events, reached) = await ReadPageAsync(projection.EventTypes, tx.Checkpoint.Position, batchSize, cancellationToken);
            if (reached == tx.Checkpoint.Position)
                return;
            await projection.ApplyAsync(tx, "", events, null, cancellationToken);
            await tx.SaveCheckpointAsync(tx.Checkpoint with { Position = reached }, cancellationToken);
            await tx.CommitAsync(cancellationToken);
            if (events.Count < batchSize)
                return;
        }
    }

    /// <summary>
    /// The next events of the given types after <paramref name="after"/>, and the position the page
    /// covers: the last event's when the page is full, else the head read before the page, since
    /// every event up to it was looked at.
    /// </summary>
    private async Task<(IReadOnlyList<EventPayload> Events, long Reached)> ReadPageAsync(IReadOnlyCollection<string> types, long after, int size, CancellationToken cancellationToken)
    {
        var head = (await store.ReadHeadAsync(cancellationToken)).Position;
        if (head <= after)
            return ([], after);
        var events = await store.ReadPayloadsOfTypesAsync(after + 1, head, types, size, cancellationToken);
        return (events, events.Count == size ? events[^1].Position : head);
    }

    /// <summary>One projection's part in a rebuild.</summary>
    private sealed class Build(ProjectionTables projection, string token)
    {
        public ProjectionTables Projection { get; } = projection;
        public string Token { get; } = token;
        public HashSet<string> Types { get; } = new(projection.EventTypes, StringComparer.Ordinal);
        public int Generation { get; set; }
        public object? Memory { get; set; } = projection.StartBuild();
        public long Applied { get; set; }
        public System.Diagnostics.Stopwatch Busy { get; } = new();
    }

    /// <summary>
    /// Rebuilds projections from position 1 into fresh tables and swaps each in once it reaches the
    /// head. They read the log together, one page for all, each taking the events of its types: the
    /// log is read once however many projections are rebuilt. Each still writes and commits under its
    /// own checkpoint's lock.
    /// </summary>
    /// <returns>Per projection; its elapsed time is its own writing plus the shared reading.</returns>
    private async Task<IReadOnlyList<ReplayResult>> RebuildAsync(IReadOnlyList<ProjectionTables> projections, CancellationToken cancellationToken, IProgress<ReplayProgress>? progress = null)
    {
        var builds = projections.Select(p => new Build(p, Guid.NewGuid().ToString("N"))).ToList();
        var types = builds.SelectMany(b => b.Types).Distinct(StringComparer.Ordinal).ToList();
        var reading = new System.Diagnostics.Stopwatch();
        foreach (var build in builds)
        {
            build.Busy.Start();
            await using var tx = await BeginWriteAsync(build.Projection.Name, cancellationToken);
            // Leftovers of a replay that died are dropped; a replay running elsewhere loses its claim and stops.
            build.Generation = tx.Checkpoint.Generation + 1;
            foreach (var table in build.Projection.Tables)
                await tx.ExecuteAsync($"DROP TABLE IF EXISTS {table}{ProjectionTables.BuildSuffix}", cancellationToken);
            foreach (var statement in build.Projection.CreateStatements(ProjectionTables.BuildSuffix, build.Generation))
                await tx.ExecuteAsync(statement, cancellationToken);
            await tx.SaveCheckpointAsync(tx.Checkpoint with { BuildToken = build.Token, BuildPosition = 0 }, cancellationToken);
            await tx.CommitAsync(cancellationToken);
            build.Busy.Stop();
        }

        var results = new List<ReplayResult>();
        var position = 0L;
        var indexed = false;
        while (true)
        {
            reading.Start();
            var (events, reached) = await ReadPageAsync(types, position, buildBatchSize, cancellationToken);
            reading.Stop();
            var full = events.Count == buildBatchSize;
            foreach (var build in builds)
            {
                build.Busy.Start();
                await using var tx = await BeginWriteAsync(build.Projection.Name, cancellationToken);
                EnsureOwner(tx.Checkpoint, build.Token);
                var mine = events.Where(e => build.Types.Contains(e.Type)).ToList();
                if (mine.Count > 0)
                {
                    await build.Projection.ApplyAsync(tx, ProjectionTables.BuildSuffix, mine, build.Memory, cancellationToken);
                    build.Applied += mine.Count;
                }
                tx.Checkpoint = tx.Checkpoint with { BuildPosition = reached };
                if (full || !indexed)
                {
                    // Near the head: the readers' indexes go in now, once, over the bulk of the rows,
                    // in a transaction of their own rather than the swap's.
                    if (!full)
                    {
                        foreach (var statement in build.Projection.IndexStatements(ProjectionTables.BuildSuffix, build.Generation))
                            await tx.ExecuteAsync(statement, cancellationToken);
                        await build.Projection.FinishBuildAsync(tx, ProjectionTables.BuildSuffix, build.Memory, cancellationToken);
                        build.Memory = null;
                    }
                    await tx.SaveCheckpointAsync(tx.Checkpoint, cancellationToken);
                    await tx.CommitAsync(cancellationToken);
                    build.Busy.Stop();
                    progress?.Report(new ReplayProgress(build.Projection.Name, reached, (await store.ReadHeadAsync(cancellationToken)).Position));
                    continue;
                }
                // At the head, under the lock: swap the fresh tables in, with the position they reached.
                foreach (var table in build.Projection.Tables)
                {
                    await tx.ExecuteAsync($"DROP TABLE IF EXISTS {table}", cancellationToken);
                    await tx.ExecuteAsync($"ALTER TABLE {table}{ProjectionTables.BuildSuffix} RENAME TO {table}", cancellationToken);
                }
                var done = tx.Checkpoint with
                {
                    Version = build.Projection.Version,
                    Position = tx.Checkpoint.BuildPosition,
                    Generation = build.Generation,
                    BuildToken = null,
                    BuildPosition = 0,
                    RebuiltAt = DateTimeOffset.UtcNow,
                };
                await tx.SaveCheckpointAsync(done, cancellationToken);
                await tx.CommitAsync(cancellationToken);
                build.Busy.Stop();
                progress?.Report(new ReplayProgress(build.Projection.Name, done.Position, done.Position));
                results.Add(new ReplayResult(build.Projection.Name, build.Applied, done.Position, build.Generation, build.Busy.Elapsed + reading.Elapsed));
            }
            if (results.Count == builds.Count)
                return results;
            if (!full)
                indexed = true;
            position = reached;
        }
    }

    private static void EnsureOwner(Checkpoint checkpoint, string token)
    {
        if (checkpoint.BuildToken != token)
            throw new ReplayConflictException($"another replay of {checkpoint.Name} started and took over its fresh tables; this one stopped");
    }
}
