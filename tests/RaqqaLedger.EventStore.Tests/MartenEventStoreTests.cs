using RaqqaLedger.EventStore;
using RaqqaLedger.EventStore.GroupCommit;
using RaqqaLedger.EventStore.Marten;
using RaqqaLedger.Testing;

[assembly: AssemblyFixture(typeof(PostgresCluster))]

namespace RaqqaLedger.EventStore.Tests;

public sealed class MartenEventStoreTests(PostgresCluster cluster) : EventStoreContract
{
    private readonly string schema = PostgresCluster.NewSchema();

    protected override async Task<GroupCommitEventStore> OpenAsync() =>
        await MartenEventStore.OpenAsync(cluster.ConnectionString, schema, Clock);

    protected override Task ExecuteSqlAsync(string sql) => cluster.ExecuteAsync($"SET search_path TO {schema}; {sql}");

    protected override LogSql Sql => LogSql.Marten;

    protected override bool KeepsJsonText => false;

    [Theory]
    [InlineData("TRUNCATE mt_events")]
    [InlineData("TRUNCATE ledger_chain")]
    public async Task TheDatabase_RefusesTruncateOnTheLog(string sql)
    {
        await Store.AppendAsync("a", ExpectedVersion.Any, Events(1));

        var error = await Assert.ThrowsAnyAsync<Exception>(() => ExecuteSqlAsync(sql));

        Assert.Contains("append-only", error.Message);
    }

    /// <summary>The damage verify names on SQLite (see SqliteEventStoreTests) cannot be stored here: the column types refuse it.</summary>
    [Theory]
    [InlineData("timestamp", "'the fifteenth'")]
    [InlineData("id", "'not-a-guid'")]
    public async Task AMalformedField_IsRefusedByTheColumnsType(string column, string value)
    {
        await Store.AppendAsync("a", ExpectedVersion.Any, Events(3));
        await ExecuteSqlAsync(Sql.RemoveGuards);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => ExecuteSqlAsync($"UPDATE mt_events SET {column} = {value} WHERE version = 2"));

        Assert.Contains("invalid input syntax", error.Message);
        Assert.True((await ChainVerifier.VerifyAsync(Store)).Ok);
    }

    /// <summary>A schema of the ledger's earlier PostgreSQL store is refused whole, not half-migrated into Marten's.</summary>
    [Fact]
    public async Task ASchemaInTheEarlierLayout_IsRefusedWithAClearError_AndLeftAsItWas()
    {
        var earlier = PostgresCluster.NewSchema();
        await cluster.ExecuteAsync($"CREATE SCHEMA {earlier}; CREATE TABLE {earlier}.events (position bigint PRIMARY KEY); "
            + $"CREATE TABLE {earlier}.schema_migrations (version int PRIMARY KEY, name text NOT NULL); INSERT INTO {earlier}.schema_migrations VALUES (1, '001_event_log.sql');");

        var error = await Assert.ThrowsAsync<ArgumentException>(() => MartenEventStore.OpenAsync(cluster.ConnectionString, earlier));

        Assert.Contains($"schema '{earlier}' holds a ledger in the PostgreSQL layout before Marten", error.Message);
        var error2 = await Assert.ThrowsAnyAsync<Exception>(() => cluster.ExecuteAsync($"SELECT 1 FROM {earlier}.mt_events"));
        Assert.Contains("does not exist", error2.Message);
    }
}
