using RaqqaLedger.Testing;

[assembly: AssemblyFixture(typeof(PostgresCluster))]

namespace RaqqaLedger.Cli.Tests;

public sealed class MartenCliTests(PostgresCluster cluster) : LedgerCliContract
{
    protected override CliRunner Cli { get; } = new($"{cluster.ConnectionString};Schema={PostgresCluster.NewSchema()}");

    private string Schema => Cli.StoreSpec[(Cli.StoreSpec.LastIndexOf('=') + 1)..];

    protected override Task ExecuteSqlAsync(string sql) => cluster.ExecuteAsync($"SET search_path TO {Schema}; {sql}");

    protected override LogSql Sql => LogSql.Marten;

    [Fact]
    public async Task Verify_AfterAPayloadIsEditedInTheDatabase_FailsAndNamesThatPosition()
    {
        await Cli.RunAsync("ingest", CliRunner.Seeds);
        await ExecuteSqlAsync("DROP TRIGGER mt_events_refuse_change ON mt_events;" + Sql.SetData(2, """{"edited":true}"""));

        var result = await Cli.RunAsync("verify");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("first bad position 2", result.Error);
    }
}
