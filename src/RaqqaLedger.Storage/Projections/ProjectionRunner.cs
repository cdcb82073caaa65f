namespace RaqqaLedger.Storage.Projections;

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

    /// <summary>Brings every projection to the head: those never built or built by another version are rebuilt, the rest catch up.</summary>
    /// <returns>The projections that were rebuilt.</returns>
    public async Task<IReadOnlyList<ReplayResult>> CatchUpAsync(CancellationToken cancellationToken = default)
    {
        await EnsureCheckpointTableAsync(cancellationToken);
        var rebuilt = new List<ReplayResult>();
        foreach (var projection in Projections)
        {
            var checkpoint = await views.ReadCheckpointAsync(projection.Name, cancellationToken);
            if (checkpoint is null || checkpoint.Version != projection.Version || !await views.TableExistsAsync(projection.Tables[0], cancellationToken))
                rebuilt.Add(await RebuildAsync(projection, cancellationToken));
            else
                await ApplyNewEventsAsync(projection, cancellationToken);
        }
        return rebuilt;
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
        var results = new List<ReplayResult>();
        foreach (var projection in chosen)
            results.Add(await RebuildAsync(projection, cancellationToken, progress));
        return results;
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
            await using var tx = await views.BeginWriteAsync(projection.Name, cancellationToken);
            if (tx.Checkpoint.Version != projection.Version)
                return; // another process rebuilt it under another version; the next start sorts that out
            var (events, reached) = await ReadPageAsync(projection, tx.Checkpoint.Position, batchSize, cancellationToken);
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
    /// The next events a projection folds after <paramref name="after"/>, and the position the page
    /// covers: the last event's when the page is full, else the head read before the page, since
    /// every event up to it was looked at.
    /// </summary>
    private async Task<(IReadOnlyList<RecordedEvent> Events, long Reached)> ReadPageAsync(ProjectionTables projection, long after, int size, CancellationToken cancellationToken)
    {
        var head = (await store.ReadHeadAsync(cancellationToken)).Position;
        if (head <= after)
            return ([], after);
        var events = await store.ReadAllOfTypesAsync(after + 1, head, projection.EventTypes, size, cancellationToken);
        return (events, events.Count == size ? events[^1].Position : head);
    }

    private async Task<ReplayResult> RebuildAsync(ProjectionTables projection, CancellationToken cancellationToken, IProgress<ReplayProgress>? progress = null)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var token = Guid.NewGuid().ToString("N");
        int generation;
        await using (var tx = await views.BeginWriteAsync(projection.Name, cancellationToken))
        {
            // Leftovers of a replay that died are dropped; a replay running elsewhere loses its claim and stops.
            generation = tx.Checkpoint.Generation + 1;
            foreach (var table in projection.Tables)
                await tx.ExecuteAsync($"DROP TABLE IF EXISTS {table}{ProjectionTables.BuildSuffix}", cancellationToken);
            foreach (var statement in projection.CreateStatements(ProjectionTables.BuildSuffix, generation))
                await tx.ExecuteAsync(statement, cancellationToken);
            await tx.SaveCheckpointAsync(tx.Checkpoint with { BuildToken = token, BuildPosition = 0 }, cancellationToken);
            await tx.CommitAsync(cancellationToken);
        }

        long applied = 0;
        var indexed = false;
        var memory = projection.StartBuild();
        while (true)
        {
            await using var tx = await views.BeginWriteAsync(projection.Name, cancellationToken);
            EnsureOwner(tx.Checkpoint, token);
            var (events, reached) = await ReadPageAsync(projection, tx.Checkpoint.BuildPosition, buildBatchSize, cancellationToken);
            if (events.Count > 0)
            {
                await projection.ApplyAsync(tx, ProjectionTables.BuildSuffix, events, memory, cancellationToken);
                applied += events.Count;
            }
            tx.Checkpoint = tx.Checkpoint with { BuildPosition = reached };
            if (events.Count == buildBatchSize || !indexed)
            {
                // Near the head: the readers' indexes go in now, once, over the bulk of the rows,
                // in a transaction of their own rather than the swap's.
                if (events.Count < buildBatchSize)
                {
                    foreach (var statement in projection.IndexStatements(ProjectionTables.BuildSuffix, generation))
                        await tx.ExecuteAsync(statement, cancellationToken);
                    indexed = true;
                }
                await tx.SaveCheckpointAsync(tx.Checkpoint, cancellationToken);
                await tx.CommitAsync(cancellationToken);
                progress?.Report(new ReplayProgress(projection.Name, reached, (await store.ReadHeadAsync(cancellationToken)).Position));
                continue;
            }
            // At the head, under the lock: swap the fresh tables in, with the position they reached.
            foreach (var table in projection.Tables)
            {
                await tx.ExecuteAsync($"DROP TABLE IF EXISTS {table}", cancellationToken);
                await tx.ExecuteAsync($"ALTER TABLE {table}{ProjectionTables.BuildSuffix} RENAME TO {table}", cancellationToken);
            }
            var done = tx.Checkpoint with
            {
                Version = projection.Version,
                Position = tx.Checkpoint.BuildPosition,
                Generation = generation,
                BuildToken = null,
                BuildPosition = 0,
                RebuiltAt = DateTimeOffset.UtcNow,
            };
            await tx.SaveCheckpointAsync(done, cancellationToken);
            await tx.CommitAsync(cancellationToken);
            progress?.Report(new ReplayProgress(projection.Name, done.Position, done.Position));
            return new ReplayResult(projection.Name, applied, done.Position, generation, started.Elapsed);
        }
    }

    private static void EnsureOwner(Checkpoint checkpoint, string token)
    {
        if (checkpoint.BuildToken != token)
            throw new ReplayConflictException($"another replay of {checkpoint.Name} started and took over its fresh tables; this one stopped");
    }
}
