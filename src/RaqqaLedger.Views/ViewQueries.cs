using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using RaqqaLedger.Domain.Articles;
using RaqqaLedger.Domain.Claims;
using RaqqaLedger.Domain.Events;
using RaqqaLedger.Projections;
using RaqqaLedger.Projections.Views;

namespace RaqqaLedger.Views;

/// <summary>Which claim versions to read.</summary>
/// <param name="RecordedAsOf">The log position to read the ledger at; null for now.</param>
/// <param name="PublishedBy">Only versions whose article was published by this day, and those of unknown date.</param>
/// <param name="WithRetractions">Include retraction tombstones (the timeline shows them).</param>
public sealed record ClaimQuery(long? RecordedAsOf = null, DateOnly? PublishedBy = null, string? Topic = null, string? Speaker = null, bool WithRetractions = false);

/// <summary>One claim version as a paged view indexes it, with its topic and the log interval it was held in.</summary>
public sealed record IndexedVersion(string Topic, IndexedClaim Claim, long? RecordedTo)
{
    public bool HeldAt(long position) => Claim.RecordedFrom <= position && (RecordedTo is null || RecordedTo > position);
}

/// <summary>Reads the projection tables: every query is an index lookup on the bitemporal tables, never a replay.</summary>
public sealed class ViewQueries(ViewDatabase views)
{
    private const string ClaimColumns =
        "c.claim_id, c.article_id, c.topic, c.change, c.value, c.previous_value, c.speaker, c.speaker_as_written, c.quote, c.span_start, c.span_length, " +
        "c.event_from, c.event_to, c.event_text, c.rule_id, c.rule_set_version, c.published_day, c.date_basis, c.article_position, " +
        "c.recorded_from, c.recorded_from_at, c.recorded_to, a.source, a.outlet, a.cluster_id";

    /// <summary>The versions the ledger held at @position: begun by it and not yet ended.</summary>
    private const string HeldAt = "c.recorded_from <= @position AND (c.recorded_to IS NULL OR c.recorded_to > @position)";

    public async Task<IReadOnlyList<ClaimRecord>> ClaimsAsync(ClaimQuery query, CancellationToken cancellationToken = default)
    {
        var where = new List<string>();
        var parameters = new List<(string, object?)>();
        if (query.RecordedAsOf is { } position)
        {
            where.Add(HeldAt);
            parameters.Add(("@position", position));
        }
        else
            where.Add("c.recorded_to IS NULL");
        if (!query.WithRetractions)
            where.Add("c.change <> 'retracted'");
        if (query.Topic is not null)
        {
            where.Add("c.topic = @topic");
            parameters.Add(("@topic", query.Topic));
        }
        if (query.Speaker is not null)
        {
            where.Add("c.speaker = @speaker");
            parameters.Add(("@speaker", query.Speaker));
        }
        if (query.PublishedBy is { } day)
        {
            where.Add("(c.published_day IS NULL OR c.published_day <= @day)");
            parameters.Add(("@day", day.DayNumber));
        }
        return await ReadClaimsAsync($"WHERE {string.Join(" AND ", where)}", parameters, cancellationToken);
    }

    /// <summary>The topics of every claim version recorded by a position.</summary>
    public async Task<IReadOnlyList<string>> TopicsAsync(long position, CancellationToken cancellationToken = default)
    {
        await using var connection = await views.OpenAsync(cancellationToken);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT DISTINCT topic FROM {ClaimsTables.Claims} WHERE recorded_from <= @position ORDER BY topic";
        ViewTransaction.Add(cmd, "@position", position);
        var topics = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            topics.Add(reader.GetString(0));
        return topics;
    }

    /// <summary>
    /// One topic's claim versions held at a position, retraction tombstones included, narrowed to what
    /// placing, judging and weighing them needs: a paged view reads these once, then only its page in full.
    /// </summary>
    public async Task<IReadOnlyList<IndexedClaim>> IndexedClaimsAsync(string topic, long position, CancellationToken cancellationToken = default) =>
        [.. (await IndexedVersionsAsync(topic, position, cancellationToken)).Select(r => r.Claim)];

    /// <summary>The same, with where each version begins and ends.</summary>
    public Task<IReadOnlyList<IndexedVersion>> IndexedVersionsAsync(string topic, long position, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref topicReads);
        return ReadIndexedAsync($"WHERE c.topic = @topic AND {HeldAt}", cancellationToken, ("@topic", topic), ("@position", position));
    }

    /// <summary>How many times a topic's claims were read whole (<see cref="IndexedVersionsAsync"/>): what keeping indexes saves.</summary>
    public long TopicReads => Interlocked.Read(ref topicReads);

    private long topicReads;

    /// <summary>How many claim versions were read in full by <see cref="ClaimVersionsAsync"/>: what keeping rows saves.</summary>
    public long VersionReads => Interlocked.Read(ref versionReads);

    private long versionReads;

    /// <summary>
    /// How the claim versions held changed from one position to a later one, over every topic: the versions
    /// begun after <paramref name="from"/> and by <paramref name="to"/>, and the versions held at
    /// <paramref name="from"/> that ended by <paramref name="to"/>. Both are range lookups on the recorded
    /// interval, so the cost follows what was written between, not the size of the story.
    /// </summary>
    public Task<IReadOnlyList<IndexedVersion>> IndexedChangesAsync(long from, long to, CancellationToken cancellationToken = default) =>
        ReadIndexedAsync(
            "WHERE c.recorded_from > @from AND c.recorded_from <= @to " +
            $"UNION ALL {IndexedSelect} WHERE c.recorded_to > @from AND c.recorded_to <= @to AND c.recorded_from <= @from",
            cancellationToken, ("@from", from), ("@to", to));

    private const string IndexedSelect =
        "SELECT c.claim_id, c.published_day, c.article_position, c.span_start, c.change, c.value, c.speaker, a.cluster_id, c.article_id, c.topic, c.recorded_from, c.recorded_to " +
        $"FROM {ClaimsTables.Claims} c LEFT JOIN {ArticlesTables.Articles} a ON a.article_id = c.article_id";

    private async Task<IReadOnlyList<IndexedVersion>> ReadIndexedAsync(string where, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await views.OpenAsync(cancellationToken);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = $"{IndexedSelect} {where}";
        foreach (var (name, value) in parameters)
            ViewTransaction.Add(cmd, name, value);
        // Speakers, clusters and values repeat across thousands of rows: one copy each.
        var strings = new Dictionary<string, string>(StringComparer.Ordinal);
        var values = new Dictionary<string, ClaimValue>(StringComparer.Ordinal);
        string Shared(string s) => strings.TryGetValue(s, out var kept) ? kept : strings[s] = s;
        var list = new List<IndexedVersion>();
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken))
        {
            var json = r.GetString(5);
            if (!values.TryGetValue(json, out var value))
                values[json] = value = Value(json);
            var speaker = Rows.Text(r, 6);
            var claim = new IndexedClaim(new ReportKey(Rows.Day(r, 1), Rows.Long(r, 2), Rows.Int(r, 3), r.GetString(0)),
                EventJson.ParseEnum<ClaimChange>(r.GetString(4)), value, speaker is null ? null : Shared(speaker), Shared(Rows.Text(r, 7) ?? r.GetString(8)), r.GetInt64(10));
            list.Add(new IndexedVersion(Shared(r.GetString(9)), claim, r.IsDBNull(11) ? null : r.GetInt64(11)));
        }
        return list;
    }

    /// <summary>These claim versions, held at a position, in full, by claim id and where each began.</summary>
    public async Task<IReadOnlyDictionary<(string ClaimId, long RecordedFrom), ClaimRecord>> ClaimVersionsAsync(
        IReadOnlyCollection<(string ClaimId, long RecordedFrom)> versions, long position, CancellationToken cancellationToken = default)
    {
        Interlocked.Add(ref versionReads, versions.Count);
        var found = new Dictionary<(string ClaimId, long RecordedFrom), ClaimRecord>();
        foreach (var chunk in versions.Select(v => v.ClaimId).Distinct(StringComparer.Ordinal).Chunk(500))
        {
            var names = chunk.Select((_, i) => $"@id{i}").ToList();
            var parameters = chunk.Select((id, i) => (names[i], (object?)id)).Append(("@position", position)).ToList();
            foreach (var claim in await ReadClaimsAsync($"WHERE c.claim_id IN ({string.Join(", ", names)}) AND {HeldAt}", parameters, cancellationToken))
                found[(claim.ClaimId, claim.Version.RecordedFrom)] = claim;
        }
        return found;
    }

    /// <summary>Whether any claim on the topic was ever recorded.</summary>
    public async Task<bool> TopicSeenAsync(string topic, CancellationToken cancellationToken = default)
    {
        await using var connection = await views.OpenAsync(cancellationToken);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT 1 FROM {ClaimsTables.Claims} WHERE topic = @topic LIMIT 1";
        ViewTransaction.Add(cmd, "@topic", topic);
        return await cmd.ExecuteScalarAsync(cancellationToken) is not null;
    }

    /// <summary>Every version of one claim, oldest first.</summary>
    public Task<IReadOnlyList<ClaimRecord>> ClaimHistoryAsync(string claimId, CancellationToken cancellationToken = default) =>
        ReadClaimsAsync("WHERE c.claim_id = @claim ORDER BY c.recorded_from", [("@claim", claimId)], cancellationToken);

    /// <summary>The board's status rule as it stood at a position (or now): that of the last rule set published by then.</summary>
    public async Task<StatusRule> StatusRuleAsync(long? recordedAsOf, CancellationToken cancellationToken = default)
    {
        await using var connection = await views.OpenAsync(cancellationToken);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT confirmed_min_sources, agree_within_percent FROM {ClaimsTables.RuleStatus} " +
            $"{(recordedAsOf is null ? "" : "WHERE position <= @position ")}ORDER BY position DESC LIMIT 1";
        if (recordedAsOf is { } position)
            ViewTransaction.Add(cmd, "@position", position);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
            return StatusRule.Default;
        return new StatusRule(Rows.Int(reader, 0), decimal.Parse(reader.GetString(1), CultureInfo.InvariantCulture));
    }

    /// <summary>Every article in log order, or those recorded by a position.</summary>
    public async Task<IReadOnlyList<ArticleEntry>> ArticlesAsync(long? recordedAsOf = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await views.OpenAsync(cancellationToken);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT article_id, source, title, published_day, date_basis, date_evidence, dateline, agencies, outlet, url, cluster_id, position, recorded_at " +
            $"FROM {ArticlesTables.Articles} {(recordedAsOf is null ? "" : "WHERE position <= @position ")}ORDER BY position";
        if (recordedAsOf is { } position)
            ViewTransaction.Add(cmd, "@position", position);
        var list = new List<ArticleEntry>();
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken))
        {
            list.Add(new ArticleEntry(r.GetString(0), r.GetString(1), Rows.Text(r, 2), Rows.Day(r, 3), EventJson.ParseEnum<DateBasis>(r.GetString(4)),
                Rows.Text(r, 5), Rows.Text(r, 6), JsonSerializer.Deserialize<List<string>>(r.GetString(7)) ?? [], Rows.Text(r, 8), Rows.Text(r, 9),
                r.GetString(10), Rows.Long(r, 11), Rows.Time(Rows.Long(r, 12))));
        }
        return list;
    }

    private async Task<IReadOnlyList<ClaimRecord>> ReadClaimsAsync(string condition, IReadOnlyList<(string Name, object? Value)> parameters, CancellationToken cancellationToken)
    {
        await using var connection = await views.OpenAsync(cancellationToken);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT {ClaimColumns} FROM {ClaimsTables.Claims} c LEFT JOIN {ArticlesTables.Articles} a ON a.article_id = c.article_id {condition}";
        foreach (var (name, value) in parameters)
            ViewTransaction.Add(cmd, name, value);
        var list = new List<ClaimRecord>();
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            list.Add(ReadClaim(reader));
        return list;
    }

    private static ClaimRecord ReadClaim(DbDataReader r)
    {
        var eventDate = r.IsDBNull(13) ? null : new EventDate(Rows.Day(r, 11), Rows.Day(r, 12), r.GetString(13));
        var facts = new ClaimFacts(Value(r.GetString(4)), Rows.Text(r, 6), Rows.Text(r, 7), r.GetString(8),
            new TextSpan(Rows.Int(r, 9), Rows.Int(r, 10)), eventDate, r.GetString(14));
        var version = new ClaimVersion(r.GetString(0), r.GetString(1), r.GetString(2), EventJson.ParseEnum<ClaimChange>(r.GetString(3)), facts,
            r.IsDBNull(5) ? null : Value(r.GetString(5)), Rows.Int(r, 15), Rows.Long(r, 19), Rows.Time(Rows.Long(r, 20)));
        var articleId = version.ArticleId;
        return new ClaimRecord(version, Rows.NullableLong(r, 21), Rows.Day(r, 16), EventJson.ParseEnum<DateBasis>(r.GetString(17)), Rows.Long(r, 18),
            Rows.Text(r, 22) ?? "", Rows.Text(r, 23), Rows.Text(r, 24) ?? articleId);
    }

    private static ClaimValue Value(string json) => JsonSerializer.Deserialize<ClaimValue>(json)
        ?? throw new JsonException($"not a claim value: {json}");
}
