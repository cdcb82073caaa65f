using RaqqaLedger.Testing;

namespace RaqqaLedger.Views.Tests;

public sealed class MartenProjectionRunnerTests(PostgresCluster cluster) : ProjectionRunnerContract
{
    private readonly string schema = PostgresCluster.NewSchema();

    protected override Task<LedgerStorage> OpenAsync() => StorageOpener.Default.OpenAsync($"{cluster.ConnectionString};Schema={schema}");

    protected override Task TamperAsync(string sql) => cluster.ExecuteAsync($"SET search_path TO {schema}; {LogGuards.RemoveMarten} {sql}");

    protected override LogSql Sql => LogSql.Marten;
}
