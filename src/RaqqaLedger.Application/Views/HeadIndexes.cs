using RaqqaLedger.Domain.Claims;
using RaqqaLedger.Projections.Views;
using RaqqaLedger.Views;

namespace RaqqaLedger.Application.Views;

/// <summary>How much the kept indexes hold, for an operator watching memory.</summary>
/// <param name="HeadReports">Claim versions held by the head's indexes (one per live claim and tombstone of each topic read).</param>
/// <param name="EarlierReports">Claim versions held by the indexes of earlier positions (at most a fixed number of indexes).</param>
/// <param name="BroughtForward">Commits' worth of changes applied to the head's indexes instead of reading their topics again.</param>
/// <param name="KeptRows">Full claim rows kept for the pages that show them again (see <see cref="ClaimRows"/>; at most <see cref="ClaimRows.Capacity"/>).</param>
public sealed record KeptIndexMemory(int HeadTopics, long HeadPosition, int HeadReports, int EarlierIndexes, int EarlierReports, long BroughtForward, int KeptRows = 0)
{
    /// <summary>A rough size: an indexed report with its share of the index's arrays is about 200 bytes, a kept row with its quote about 1,500.</summary>
    public long ApproximateBytes => (HeadReports + (long)EarlierReports) * 200 + KeptRows * 1_500L;
}

/// <summary>
/// The topic indexes of the views' head, brought forward instead of rebuilt: when a read asks for a later
/// head, only the claim versions begun or ended since are read (<see cref="ViewQueries.IndexedChangesAsync"/>),
/// applied to each topic's claims in memory and merged into the topic's index, by the write's own request
/// (<see cref="KeepUpAsync"/>) or else by the topic's next reader. A topic is read whole once, the first time
/// it is asked for. Positions before the head are not served here.
/// </summary>
internal sealed class HeadIndexes(ViewQueries queries)
{
    /// <summary>Log positions of changes worth applying rather than reading the topics again.</summary>
    private const long FarthestBroughtForward = 20_000;

    private readonly SemaphoreSlim turn = new(1, 1);

    /// <summary>The rows pages have shown, told by each move of the head which versions ended.</summary>
    public ClaimRows Rows { get; } = new(queries.ClaimVersionsAsync);

    private State? state;
    private long broughtForward;

    private sealed class State(PagedViews.Snapshot at, StatusRule rule)
    {
        public PagedViews.Snapshot At { get; set; } = at;
        public StatusRule Rule { get; set; } = rule;

        /// <summary>Every topic with a version recorded by the head; read once a request asks for all topics, then kept.</summary>
        public List<string>? Topics { get; set; }

        /// <summary>
        /// The claim versions held of each topic read so far, by claim id and where the version begins: a claim
        /// found again after its retraction holds its tombstone and its new version at once.
        /// </summary>
        public Dictionary<string, Dictionary<(string ClaimId, long From), IndexedClaim>> Claims { get; } = new(StringComparer.Ordinal);

        /// <summary>
        /// Each topic's index, and what commits changed since it was made; the write's request, or the topic's
        /// next reader, brings it forward (<see cref="TopicIndex.With"/>) outside the turn, so readers of other
        /// topics do not wait for it.
        /// </summary>
        public Dictionary<string, KeptIndex> Indexes { get; } = new(StringComparer.Ordinal);
    }

    /// <summary>A topic's index and the versions ended and begun since it was made.</summary>
    private sealed class KeptIndex(Lazy<TopicIndex> index)
    {
        private HashSet<IndexedClaim> ended = new(ReferenceEqualityComparer.Instance);
        private HashSet<IndexedClaim> begun = new(ReferenceEqualityComparer.Instance);

        public void Ended(IndexedClaim version)
        {
            if (!begun.Remove(version))
                ended.Add(version);
        }

        public void Begun(IndexedClaim version) => begun.Add(version);

        /// <summary>Whether commits changed the topic since its index was made.</summary>
        public bool Changed => ended.Count > 0 || begun.Count > 0;

        /// <summary>The index as the claims stand now, brought forward by the first reader that needs it.</summary>
        public Lazy<TopicIndex> Current(StatusRule rule)
        {
            if (Changed)
            {
                var (before, gone, come) = (index, ended, begun);
                index = new Lazy<TopicIndex>(() => before.Value.With(gone, come, rule));
                (ended, begun) = (new(ReferenceEqualityComparer.Instance), new(ReferenceEqualityComparer.Instance));
            }
            return index;
        }
    }

    /// <summary>Taken as each read leaves, so it can be read without waiting for one.</summary>
    public KeptIndexMemory Memory { get; private set; } = new(0, 0, 0, 0, 0, 0);

    /// <summary>
    /// The indexes of <paramref name="topic"/> (every topic when null) at the snapshot, with the snapshot and rule
    /// they stand at; null when the snapshot is not the head or after it.
    /// </summary>
    /// <param name="orLater">Whether a later head than the snapshot's will do, should the kept one have moved past it meanwhile.</param>
    public async Task<(PagedViews.Snapshot At, StatusRule Rule, IReadOnlyList<TopicIndex> Indexes)?> IndexesAsync(
        PagedViews.Snapshot snapshot, StatusRule rule, string? topic, bool orLater, CancellationToken cancellationToken)
    {
        if (!snapshot.AtHead)
            return null;
        var lazies = new List<Lazy<TopicIndex>>();
        PagedViews.Snapshot at;
        StatusRule atRule;
        await turn.WaitAsync(cancellationToken);
        try
        {
            var later = orLater && state is not null && state.At.Follows(snapshot);
            if (!later && !await MoveToAsync(snapshot, rule, startAfresh: true, cancellationToken))
                return null;
            var kept = state!;
            (at, atRule) = (kept.At, kept.Rule);
            if (topic is null)
                kept.Topics ??= [.. await queries.TopicsAsync(kept.At.Position, cancellationToken)];
            foreach (var name in topic is null ? kept.Topics! : [topic])
            {
                if (!kept.Claims.ContainsKey(name))
                    await ReadTopicAsync(kept, name, cancellationToken);
                if (!kept.Indexes.TryGetValue(name, out var index))
                    kept.Indexes[name] = index = new KeptIndex(Indexing(name, kept.Claims[name], kept.Rule));
                lazies.Add(index.Current(kept.Rule));
            }
            TakeMemory();
        }
        finally
        {
            turn.Release();
        }
        return (at, atRule, [.. lazies.Select(index => index.Value)]);
    }

    /// <summary>An index of the claims as they are now, built by the first reader that needs it.</summary>
    private static Lazy<TopicIndex> Indexing(string topic, Dictionary<(string ClaimId, long From), IndexedClaim> claims, StatusRule rule)
    {
        var now = claims.Values.ToArray();
        return new Lazy<TopicIndex>(() => TopicIndex.Build(topic, now, rule));
    }

    /// <summary>
    /// Applies a write's changes to the kept claims and merges them into the kept indexes now, in the write's own
    /// request, so the readers that follow find them done; starts nothing new.
    /// </summary>
    public async Task KeepUpAsync(PagedViews.Snapshot snapshot, StatusRule rule, CancellationToken cancellationToken)
    {
        if (!snapshot.AtHead)
            return;
        var merging = new List<Lazy<TopicIndex>>();
        await turn.WaitAsync(cancellationToken);
        try
        {
            if (await MoveToAsync(snapshot, rule, startAfresh: false, cancellationToken))
            {
                merging.AddRange(state!.Indexes.Values.Where(index => index.Changed).Select(index => index.Current(state.Rule)));
                TakeMemory();
            }
        }
        finally
        {
            turn.Release();
        }
        // Outside the turn: a reader of a topic being merged waits for that merge only.
        foreach (var index in merging)
            _ = index.Value;
    }

    /// <summary>Moves the kept state to the snapshot; false when it cannot serve it (an earlier head, one whose articles lag its claims).</summary>
    /// <param name="startAfresh">With no state that the snapshot follows (none yet, tables rebuilt, far behind), start one there.</param>
    private async Task<bool> MoveToAsync(PagedViews.Snapshot snapshot, StatusRule rule, bool startAfresh, CancellationToken cancellationToken)
    {
        // Far behind (a head kept while nobody read for a long time), reading the topics again costs less.
        if (state is not null && snapshot.Follows(state.At) && snapshot.ClaimsUpTo - state.At.ClaimsUpTo <= FarthestBroughtForward)
        {
            if (snapshot == state.At)
                return true;
            if (!snapshot.Settled)
                return false;
            await BringForwardAsync(state, snapshot, rule, cancellationToken);
            return true;
        }
        // An earlier head than the one kept (a reader that started before the last write) is served the slow way.
        if ((state is not null && state.At.Follows(snapshot) && snapshot != state.At) || !snapshot.Settled || !startAfresh)
            return false;
        state = new State(snapshot, rule);
        Rows.StartedAt(snapshot);
        return true;
    }

    private void TakeMemory() =>
        Memory = new KeptIndexMemory(state!.Claims.Count, state.At.Position, state.Claims.Values.Sum(c => c.Count), 0, 0, broughtForward);

    private async Task ReadTopicAsync(State kept, string topic, CancellationToken cancellationToken) =>
        kept.Claims[topic] = (await queries.IndexedVersionsAsync(topic, kept.At.Position, cancellationToken))
            .ToDictionary(v => v.Claim.Version, v => v.Claim);

    /// <summary>Applies what was written between the kept head and the snapshot to the kept claims, and notes it for the topics' indexes.</summary>
    private async Task BringForwardAsync(State kept, PagedViews.Snapshot to, StatusRule rule, CancellationToken cancellationToken)
    {
        var changes = to.ClaimsUpTo == kept.At.ClaimsUpTo ? [] : await queries.IndexedChangesAsync(kept.At.ClaimsUpTo, to.ClaimsUpTo, cancellationToken);
        // Ended versions first, then those begun: a version can be both (begun and ended between), and is then neither.
        foreach (var change in changes.Where(c => c.RecordedTo is { } end && end <= to.ClaimsUpTo))
        {
            if (kept.Claims.TryGetValue(change.Topic, out var claims) && claims.Remove(change.Claim.Version, out var ended))
                kept.Indexes.GetValueOrDefault(change.Topic)?.Ended(ended);
        }
        foreach (var change in changes.Where(c => c.HeldAt(to.ClaimsUpTo)))
        {
            if (kept.Topics is not null && !kept.Topics.Contains(change.Topic))
            {
                // A topic new since: it held nothing before, so what was written since is all of it.
                kept.Topics.Add(change.Topic);
                kept.Topics.Sort(StringComparer.Ordinal);
                kept.Claims[change.Topic] = [];
            }
            if (kept.Claims.TryGetValue(change.Topic, out var claims) && claims.TryAdd(change.Claim.Version, change.Claim))
                kept.Indexes.GetValueOrDefault(change.Topic)?.Begun(change.Claim);
        }
        Rows.Ended(kept.At, to, changes);
        // Under a new status rule every topic is judged again, from its claims, when next asked for.
        if (rule != kept.Rule)
            kept.Indexes.Clear();
        (kept.At, kept.Rule) = (to, rule);
        broughtForward++;
    }
}
