using RaqqaLedger.Storage.GroupCommit;
using RaqqaLedger.Storage.Postgres;
using RaqqaLedger.Testing;

namespace RaqqaLedger.Storage.Tests.Projections;

public sealed class PostgresProjectionRunnerTests(PostgresCluster cluster) : ProjectionRunnerContract
{
    private readonly string schema = PostgresCluster.NewSchema();

    protected override async Task<GroupCommitEventStore> OpenAsync() => await PostgresEventStore.OpenAsync(cluster.ConnectionString, schema);

    protected override Task TamperAsync(string sql) => cluster.ExecuteAsync($"SET search_path TO {schema}; {LogGuards.RemovePostgres} {sql}");
}
