using RaqqaLedger.Testing;

[assembly: AssemblyFixture(typeof(PostgresCluster))]

namespace RaqqaLedger.Cli.Tests;

public sealed class PostgresCliTests(PostgresCluster cluster) : LedgerCliContract
{
    protected override CliRunner Cli { get; } = new($"{cluster.ConnectionString};Schema={PostgresCluster.NewSchema()}");

    private string Schema => Cli.StoreSpec[(Cli.StoreSpec.LastIndexOf('=') + 1)..];

    protected override Task ExecuteSqlAsync(string sql) => cluster.ExecuteAsync($"SET search_path TO {Schema}; {sql}");

    protected override string RemoveGuardsSql => LogGuards.RemovePostgres;

    protected override string BytesSql(string hex) => $"decode('{hex}', 'hex')";

    [Fact]
    public async Task Verify_AfterAPayloadIsEditedInTheDatabase_FailsAndNamesThatPosition()
    {
        await Cli.RunAsync("ingest", CliRunner.Seeds);
        var schema = Cli.StoreSpec[(Cli.StoreSpec.LastIndexOf('=') + 1)..];
        await cluster.ExecuteAsync(
            $"SET search_path TO {schema}; DROP TRIGGER events_refuse_change ON events; UPDATE events SET data = '{{\"edited\":true}}' WHERE position = 2;");

        var result = await Cli.RunAsync("verify");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("first bad position 2", result.Error);
    }
}
