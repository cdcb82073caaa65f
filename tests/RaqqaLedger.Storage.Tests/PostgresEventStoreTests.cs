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
}
