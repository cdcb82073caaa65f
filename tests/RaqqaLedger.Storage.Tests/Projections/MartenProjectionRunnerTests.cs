using RaqqaLedger.EventStore.GroupCommit;
using RaqqaLedger.EventStore.Marten;
using RaqqaLedger.Testing;

namespace RaqqaLedger.Storage.Tests.Projections;

public sealed class MartenProjectionRunnerTests(PostgresCluster cluster) : ProjectionRunnerContract
{
    private readonly string schema = PostgresCluster.NewSchema();

    protected override async Task<GroupCommitEventStore> OpenAsync() => await MartenEventStore.OpenAsync(cluster.ConnectionString, schema);

    protected override Task TamperAsync(string sql) => cluster.ExecuteAsync($"SET search_path TO {schema}; {LogGuards.RemoveMarten} {sql}");

    protected override LogSql Sql => LogSql.Marten;
}
