using System.Text.Json;
using RaqqaLedger.Domain.Articles;
using RaqqaLedger.Domain.Events;
using RaqqaLedger.EventStore;
using RaqqaLedger.Extraction.Rules;
using RaqqaLedger.Projections;

namespace RaqqaLedger.Views;

/// <summary>
/// The claims view: bitemporal claim versions. Each row holds one version of one claim, its reported
/// time (the article's publication day) and its recorded interval [recorded_from, recorded_to) in log
/// positions, with the commit times beside them. "As the ledger held it at P" is
/// recorded_from ≤ P &lt; recorded_to; "as reported by D" is published_day ≤ D. Both are index lookups.
/// </summary>
public sealed class ClaimsTables : ProjectionTables
{
    public const string Claims = "view_claims", ClaimArticles = "view_claim_articles", RuleStatus = "view_rule_status";

    public override string Name => ClaimsProjection.Name;

    public override int Version => ClaimsProjection.Version;

    public override IReadOnlyList<string> Tables => [Claims, ClaimArticles, RuleStatus];

    private static readonly IReadOnlyList<string> ArticleTypes = EventJson.TypeNamesOf<ArticleIngested>();

    public override IReadOnlyCollection<string> EventTypes { get; } =
    [
        .. ArticleTypes, .. RuleSetEvents.TypeNames, EventJson.TypeNameOf<ClaimExtracted>(),
        EventJson.TypeNameOf<ClaimRevised>(), EventJson.TypeNameOf<ClaimRetracted>(),
    ];

    public override IReadOnlyList<string> CreateStatements(string suffix, int generation) =>
    [
        $"""
        CREATE TABLE {Claims}{suffix} (
            claim_id           TEXT    NOT NULL,
            article_id         TEXT    NOT NULL,
            topic              TEXT    NOT NULL,
            change             TEXT    NOT NULL,
            value              TEXT    NOT NULL,
            previous_value     TEXT    NULL,
            speaker            TEXT    NULL,
            speaker_as_written TEXT    NULL,
            quote              TEXT    NOT NULL,
            span_start         INTEGER NOT NULL,
            span_length        INTEGER NOT NULL,
            event_from         INTEGER NULL,
            event_to           INTEGER NULL,
            event_text         TEXT    NULL,
            rule_id            TEXT    NOT NULL,
            rule_set_version   INTEGER NOT NULL,
            published_day      INTEGER NULL,
            date_basis         TEXT    NOT NULL,
            article_position   BIGINT  NOT NULL,
            recorded_from      BIGINT  NOT NULL,
            recorded_from_at   BIGINT  NOT NULL,
            recorded_to        BIGINT  NULL,
            recorded_to_at     BIGINT  NULL
        )
        """,
        $"""
        CREATE TABLE {ClaimArticles}{suffix} (
            article_id    TEXT    NOT NULL,
            published_day INTEGER NULL,
            date_basis    TEXT    NOT NULL,
            position      BIGINT  NOT NULL
        )
        """,
        $"""
        CREATE TABLE {RuleStatus}{suffix} (
            position              BIGINT  NOT NULL,
            recorded_at           BIGINT  NOT NULL,
            rule_set_version      INTEGER NOT NULL,
            rule_set_name         TEXT    NOT NULL,
            confirmed_min_sources INTEGER NOT NULL,
            agree_within_percent  TEXT    NOT NULL
        )
        """,
        $"CREATE UNIQUE INDEX ix_{RuleStatus}_position_g{generation} ON {RuleStatus}{suffix} (position)",
    ];

    // The unique indexes come at the end too: a rebuild keeps what they would look up in memory (see
    // StartBuild), and their keys are hashes, so maintained row by row each batch rewrote most of their pages.
    public override IReadOnlyList<string> IndexStatements(string suffix, int generation) =>
    [
        $"CREATE UNIQUE INDEX ix_{Claims}_version_g{generation} ON {Claims}{suffix} (claim_id, recorded_from)",
        $"CREATE UNIQUE INDEX ix_{ClaimArticles}_id_g{generation} ON {ClaimArticles}{suffix} (article_id)",
        $"CREATE INDEX ix_{Claims}_topic_g{generation} ON {Claims}{suffix} (topic, published_day)",
        $"CREATE INDEX ix_{Claims}_recorded_g{generation} ON {Claims}{suffix} (recorded_from, recorded_to)",
        // Versions ended between two positions: what a kept index drops when it is brought forward.
        $"CREATE INDEX ix_{Claims}_ended_g{generation} ON {Claims}{suffix} (recorded_to)",
        $"CREATE INDEX ix_{Claims}_speaker_g{generation} ON {Claims}{suffix} (speaker, topic)",
    ];

    /// <summary>
    /// A rebuild's memory: each article's date, instead of looking it up by an index the fresh table
    /// does not have yet, and the closes of claim versions, applied once that index is in.
    /// </summary>
    private sealed class Build
    {
        public Dictionary<string, ArticleDated> Articles { get; } = new(StringComparer.Ordinal);
        public List<VersionClosed> Closes { get; } = [];
    }

    public override object? StartBuild() => new Build();

    /// <summary>
    /// The closes a rebuild held back, in log order. Each ends what was open just before it, as it
    /// would have when applied in turn: versions opened earlier and not closed by an earlier close.
    /// </summary>
    public override async Task FinishBuildAsync(ViewTransaction tx, string suffix, object? buildMemory, CancellationToken cancellationToken)
    {
        if (buildMemory is not Build { Closes.Count: > 0 } build)
            return;
        await using var close = RowStatement.Prepare(tx,
            $"UPDATE {Claims}{suffix} SET recorded_to = @position, recorded_to_at = @at WHERE claim_id = @claim AND recorded_to IS NULL AND recorded_from < @position",
            "@position", "@at", "@claim");
        foreach (var c in build.Closes)
            await close.Set("@position", c.Position).Set("@at", Rows.Micros(c.RecordedAt)).Set("@claim", c.ClaimId).ExecuteAsync(cancellationToken);
        build.Closes.Clear();
    }

    public override async Task ApplyAsync(ViewTransaction tx, string suffix, IReadOnlyList<EventPayload> events, object? buildMemory, CancellationToken cancellationToken)
    {
        var build = buildMemory as Build;
        // While building, the fresh tables have no unique indexes: no ON CONFLICT, and no lookups by article.
        var conflict = build is null;
        // While building, the fresh tables' rows go in together at the end of the batch (one COPY each on PostgreSQL).
        await using var article = await RowStatement.PrepareInsertAsync(tx,
            $"INSERT INTO {ClaimArticles}{suffix} (article_id, published_day, date_basis, position) VALUES (@id, @published, @basis, @position)" +
            (conflict ? " ON CONFLICT (article_id) DO NOTHING" : ""),
            ["@id", "@published", "@basis", "@position"], intoFreshTable: build is not null, cancellationToken);
        await using var close = RowStatement.Prepare(tx,
            $"UPDATE {Claims}{suffix} SET recorded_to = @position, recorded_to_at = @at WHERE claim_id = @claim AND recorded_to IS NULL",
            "@position", "@at", "@claim");
        // The article's reported time and place in the log are copied onto each version, so reported-time queries need no join.
        await using var open = await RowStatement.PrepareInsertAsync(tx,
            $"INSERT INTO {Claims}{suffix} (claim_id, article_id, topic, change, value, previous_value, speaker, speaker_as_written, quote, span_start, span_length, " +
            "event_from, event_to, event_text, rule_id, rule_set_version, published_day, date_basis, article_position, recorded_from, recorded_from_at) " +
            "VALUES (@claim, @article, @topic, @change, @value, @previous, @speaker, @written, @quote, @start, @length, @from, @to, @text, @rule, @ruleset, " +
            (conflict
                ? $"(SELECT published_day FROM {ClaimArticles}{suffix} WHERE article_id = @article), " +
                  $"COALESCE((SELECT date_basis FROM {ClaimArticles}{suffix} WHERE article_id = @article), 'unknown'), " +
                  $"COALESCE((SELECT position FROM {ClaimArticles}{suffix} WHERE article_id = @article), 0), @position, @at) " +
                  "ON CONFLICT (claim_id, recorded_from) DO NOTHING"
                : "@published, @basis, @article_position, @position, @at)"),
            [
                "@claim", "@article", "@topic", "@change", "@value", "@previous", "@speaker", "@written", "@quote", "@start", "@length",
                "@from", "@to", "@text", "@rule", "@ruleset", "@position", "@at", .. conflict ? Array.Empty<string>() : ["@published", "@basis", "@article_position"],
            ], intoFreshTable: build is not null, cancellationToken);
        await using var status = RowStatement.Prepare(tx,
            $"INSERT INTO {RuleStatus}{suffix} (position, recorded_at, rule_set_version, rule_set_name, confirmed_min_sources, agree_within_percent) " +
            "VALUES (@position, @at, @version, @name, @sources, @percent) ON CONFLICT (position) DO NOTHING",
            "@position", "@at", "@version", "@name", "@sources", "@percent");

        foreach (var e in events)
        {
            // Of an article, only its id and date: reading it as ArticleDating skips the text.
            object? @event;
            try
            {
                // Of an older rule-set publication, its status rule as its content states it: the fold reads no rule sets.
                @event = ArticleTypes.Contains(e.Type) ? EventJson.Deserialize<ArticleDating>(e.Data)
                    : RuleSetEvents.TypeNames.Contains(e.Type) ? RuleSetEvents.Read(e.Type, e.Data)
                    : EventJson.Deserialize(e.Type, e.Data);
            }
            catch (JsonException problem)
            {
                tx.Skip(e.Position, problem.Message);
                continue;
            }
            if (@event is null)
                continue;
            foreach (var change in ClaimsProjection.Changes(e.Position, e.RecordedAt, @event))
            {
                switch (change)
                {
                    case ArticleDated a:
                        // The first event of an article wins, as ON CONFLICT DO NOTHING has it.
                        if (build is not null && !build.Articles.TryAdd(a.ArticleId, a))
                            break;
                        await article.Set("@id", a.ArticleId).Set("@published", Rows.Day(a.Published))
                            .Set("@basis", EventJson.EnumName(a.Basis)).Set("@position", a.Position).ExecuteAsync(cancellationToken);
                        break;
                    case VersionClosed c when build is not null:
                        build.Closes.Add(c);
                        break;
                    case VersionClosed c:
                        await close.Set("@position", c.Position).Set("@at", Rows.Micros(c.RecordedAt)).Set("@claim", c.ClaimId).ExecuteAsync(cancellationToken);
                        break;
                    case VersionOpened { Version: var v }:
                        if (build is not null)
                        {
                            var dated = build.Articles.GetValueOrDefault(v.ArticleId);
                            open.Set("@published", Rows.Day(dated?.Published)).Set("@basis", EventJson.EnumName(dated?.Basis ?? DateBasis.Unknown))
                                .Set("@article_position", dated?.Position ?? 0);
                        }
                        await open.Set("@claim", v.ClaimId).Set("@article", v.ArticleId).Set("@topic", v.Topic)
                            .Set("@change", EventJson.EnumName(v.Change)).Set("@value", v.Facts.Value.ToJson()).Set("@previous", v.PreviousValue?.ToJson())
                            .Set("@speaker", v.Facts.Speaker).Set("@written", v.Facts.SpeakerAsWritten).Set("@quote", v.Facts.Quote)
                            .Set("@start", v.Facts.Span.Start).Set("@length", v.Facts.Span.Length)
                            .Set("@from", Rows.Day(v.Facts.EventDate?.From)).Set("@to", Rows.Day(v.Facts.EventDate?.To)).Set("@text", v.Facts.EventDate?.Text)
                            .Set("@rule", v.Facts.RuleId).Set("@ruleset", v.RuleSetVersion).Set("@position", v.RecordedFrom).Set("@at", Rows.Micros(v.RecordedAt))
                            .ExecuteAsync(cancellationToken);
                        break;
                    case StatusRuleChanged s:
                        await status.Set("@position", s.Position).Set("@at", Rows.Micros(s.RecordedAt)).Set("@version", s.RuleSetVersion)
                            .Set("@name", s.RuleSetName).Set("@sources", s.Rule.ConfirmedMinSources)
                            .Set("@percent", s.Rule.NumbersAgreeWithinPercent.ToString(System.Globalization.CultureInfo.InvariantCulture))
                            .ExecuteAsync(cancellationToken);
                        break;
                    default:
                        throw new InvalidOperationException($"unknown change {change.GetType().Name}");
                }
            }
        }
        await article.FlushAsync(cancellationToken);
        await open.FlushAsync(cancellationToken);
    }
}
