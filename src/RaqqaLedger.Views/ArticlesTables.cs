using System.Text.Json;
using RaqqaLedger.Domain.Events;
using RaqqaLedger.EventStore;
using RaqqaLedger.Projections;

namespace RaqqaLedger.Views;

/// <summary>
/// The articles view: one row per article with its syndication cluster, and the LSH band keys of each
/// article's signature, indexed, so a new article finds its likely copies by lookup.
/// </summary>
public sealed class ArticlesTables : ProjectionTables
{
    public const string Articles = "view_articles", Bands = "view_article_bands";

    public override string Name => ArticlesProjection.Name;

    public override int Version => ArticlesProjection.Version;

    public override IReadOnlyList<string> Tables => [Articles, Bands];

    public override IReadOnlyCollection<string> EventTypes { get; } = EventJson.TypeNamesOf<ArticleIngested>();

    public override IReadOnlyList<string> CreateStatements(string suffix, int generation) =>
    [
        $"""
        CREATE TABLE {Articles}{suffix} (
            article_id    TEXT    NOT NULL,
            position      BIGINT  NOT NULL,
            recorded_at   BIGINT  NOT NULL,
            source        TEXT    NOT NULL,
            title         TEXT    NULL,
            published_day INTEGER NULL,
            date_basis    TEXT    NOT NULL,
            date_evidence TEXT    NULL,
            dateline      TEXT    NULL,
            agencies      TEXT    NOT NULL,
            outlet        TEXT    NULL,
            url           TEXT    NULL,
            cluster_id    TEXT    NOT NULL,
            signature     TEXT    NOT NULL
        )
        """,
        $"CREATE TABLE {Bands}{suffix} (band_key BIGINT NOT NULL, article_id TEXT NOT NULL)",
    ];

    // A rebuild finds candidates and earlier copies of an id in memory (see StartBuild), so these
    // indexes are built once, at the end; article ids are hashes, and an index on them maintained row
    // by row had each batch rewrite most of its pages.
    public override IReadOnlyList<string> IndexStatements(string suffix, int generation) =>
    [
        $"CREATE UNIQUE INDEX ix_{Articles}_id_g{generation} ON {Articles}{suffix} (article_id)",
        $"CREATE INDEX ix_{Bands}_key_g{generation} ON {Bands}{suffix} (band_key)",
        $"CREATE UNIQUE INDEX ix_{Articles}_position_g{generation} ON {Articles}{suffix} (position)",
        $"CREATE INDEX ix_{Articles}_published_g{generation} ON {Articles}{suffix} (published_day)",
    ];

    /// <summary>A rebuild's memory: the articles placed so far, by band (candidates without a query), and their ids.</summary>
    private sealed class Build
    {
        public SyndicationIndex Index { get; } = new();
        public HashSet<string> Ids { get; } = new(StringComparer.Ordinal);
    }

    public override object? StartBuild() => new Build();

    public override async Task ApplyAsync(ViewTransaction tx, string suffix, IReadOnlyList<EventPayload> events, object? buildMemory, CancellationToken cancellationToken)
    {
        var build = buildMemory as Build;
        var index = build?.Index;
        RowStatement? insert = null, band = null;
        Statement? candidates = null;

        async Task<List<SyndicationCandidate>> CandidatesAsync(ulong[] keys)
        {
            candidates ??= new Statement(tx,
                $"SELECT DISTINCT a.article_id, a.position, a.cluster_id, a.signature FROM {Bands}{suffix} b JOIN {Articles}{suffix} a ON a.article_id = b.article_id " +
                $"WHERE b.band_key IN ({string.Join(", ", keys.Select((_, i) => $"@k{i}"))})",
                [.. keys.Select((_, i) => $"@k{i}")]);
            for (var i = 0; i < keys.Length; i++)
                candidates.Set($"@k{i}", unchecked((long)keys[i]));
            var found = new List<SyndicationCandidate>();
            await using var reader = await candidates.ReadAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                found.Add(new SyndicationCandidate(reader.GetString(0), Rows.Long(reader, 1), reader.GetString(2), FromText(reader.GetString(3))));
            return found;
        }

        try
        {
            foreach (var e in events)
            {
                if (!EventTypes.Contains(e.Type))
                    continue;
                // Every version of an article event carries what the view needs, under the same names.
                ArticleIngested article;
                try
                {
                    article = EventJson.Deserialize<ArticleIngested>(e.Data);
                }
                catch (JsonException problem)
                {
                    tx.Skip(e.Position, problem.Message);
                    continue;
                }
                var signature = Syndication.Signature(article.Text, Syndication.FurnitureLines(article));
                var keys = Syndication.BandKeys(signature);

                var found = index?.Candidates(keys) ?? await CandidatesAsync(keys);
                var entry = ArticlesProjection.Entry(article, e.Position, e.RecordedAt, Syndication.ChooseCluster(article.ArticleId, signature, found));

                // While building, the fresh tables' rows go in together at the end of the batch (one COPY each on PostgreSQL).
                insert ??= await RowStatement.PrepareInsertAsync(tx,
                    $"INSERT INTO {Articles}{suffix} (article_id, position, recorded_at, source, title, published_day, date_basis, date_evidence, dateline, agencies, outlet, url, cluster_id, signature) " +
                    "VALUES (@id, @position, @recorded, @source, @title, @published, @basis, @evidence, @dateline, @agencies, @outlet, @url, @cluster, @signature)" +
                    // While building there is no unique index yet: the ids in memory keep the first of each.
                    (build is null ? " ON CONFLICT (article_id) DO NOTHING" : ""),
                    ["@id", "@position", "@recorded", "@source", "@title", "@published", "@basis", "@evidence", "@dateline", "@agencies", "@outlet", "@url", "@cluster", "@signature"], intoFreshTable: build is not null, cancellationToken);
                if (build is not null && !build.Ids.Add(entry.Id))
                    continue;
                var added = await insert
                    .Set("@id", entry.Id).Set("@position", entry.Position).Set("@recorded", Rows.Micros(entry.RecordedAt))
                    .Set("@source", entry.Source).Set("@title", entry.Title).Set("@published", Rows.Day(entry.Published))
                    .Set("@basis", EventJson.EnumName(entry.DateBasis)).Set("@evidence", entry.DateEvidence).Set("@dateline", entry.Dateline)
                    .Set("@agencies", JsonSerializer.Serialize(entry.Agencies)).Set("@outlet", entry.Outlet).Set("@url", entry.Url)
                    .Set("@cluster", entry.Cluster).Set("@signature", ToText(signature))
                    .ExecuteAsync(cancellationToken);
                if (added == 0)
                    continue;
                index?.Add(new SyndicationCandidate(entry.Id, entry.Position, entry.Cluster, signature), keys);
                band ??= await RowStatement.PrepareInsertAsync(tx, $"INSERT INTO {Bands}{suffix} (band_key, article_id) VALUES (@key, @id)", ["@key", "@id"],
                    intoFreshTable: build is not null, cancellationToken);
                foreach (var key in keys.Distinct())
                    await band.Set("@key", unchecked((long)key)).Set("@id", entry.Id).ExecuteAsync(cancellationToken);
            }
            foreach (var statement in new[] { insert, band })
            {
                if (statement is not null)
                    await statement.FlushAsync(cancellationToken);
            }
        }
        finally
        {
            foreach (var statement in new IAsyncDisposable?[] { insert, band, candidates })
            {
                if (statement is not null)
                    await statement.DisposeAsync();
            }
        }
    }

    private static string ToText(ulong[] signature)
    {
        var bytes = new byte[signature.Length * sizeof(ulong)];
        Buffer.BlockCopy(signature, 0, bytes, 0, bytes.Length);
        return Convert.ToBase64String(bytes);
    }

    internal static ulong[] FromText(string text)
    {
        var bytes = Convert.FromBase64String(text);
        var signature = new ulong[bytes.Length / sizeof(ulong)];
        Buffer.BlockCopy(bytes, 0, signature, 0, bytes.Length);
        return signature;
    }
}
