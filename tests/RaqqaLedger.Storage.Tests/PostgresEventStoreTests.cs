using RaqqaLedger.Storage.GroupCommit;
using RaqqaLedger.Storage.Postgres;
using RaqqaLedger.Testing;

[assembly: AssemblyFixture(typeof(PostgresCluster))]

namespace RaqqaLedger.Storage.Tests;

public sealed class PostgresEventStoreTests(PostgresCluster cluster) : EventStoreContract
{
    private readonly string schema = PostgresCluster.NewSchema();

    protected override async Task<GroupCommitEventStore> OpenAsync() =>
        await PostgresEventStore.OpenAsync(cluster.ConnectionString, schema, Clock);

    protected override Task ExecuteSqlAsync(string sql) => cluster.ExecuteAsync($"SET search_path TO {schema}; {sql}");

    protected override string RemoveGuardsSql => LogGuards.RemovePostgres;

    protected override string BytesSql(byte[] bytes) => $"decode('{Convert.ToHexString(bytes)}', 'hex')";

    [Fact]
    public async Task TheDatabase_RefusesTruncateOnTheLog()
    {
        await Store.AppendAsync("a", ExpectedVersion.Any, Events(1));

        var error = await Assert.ThrowsAnyAsync<Exception>(() => ExecuteSqlAsync("TRUNCATE events"));

        Assert.Contains("append-only", error.Message);
    }

    /// <summary>The damage verify names on SQLite (see SqliteEventStoreTests) cannot be stored here: the column types refuse it.</summary>
    [Theory]
    [InlineData("recorded_at", "'the fifteenth'")]
    [InlineData("event_id", "'not-a-guid'")]
    public async Task AMalformedField_IsRefusedByTheColumnsType(string column, string value)
    {
        await Store.AppendAsync("a", ExpectedVersion.Any, Events(3));
        await ExecuteSqlAsync(RemoveGuardsSql);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => ExecuteSqlAsync($"UPDATE events SET {column} = {value} WHERE position = 2"));

        Assert.Contains("invalid input syntax", error.Message);
        Assert.True((await ChainVerifier.VerifyAsync(Store)).Ok);
    }
}
