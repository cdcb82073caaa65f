using Microsoft.Data.Sqlite;
using RaqqaLedger.Testing;

namespace RaqqaLedger.Cli.Tests;

public sealed class SqliteCliTests : LedgerCliContract
{
    protected override CliRunner Cli { get; } = CliRunner.ForTempSqlite();

    private string DatabasePath => Cli.StoreSpec["sqlite:".Length..];

    protected override Task ExecuteSqlAsync(string sql) => LogGuards.ExecuteSqliteAsync(DatabasePath, sql);

    protected override LogSql Sql => LogSql.Sqlite;

    [Fact]
    public async Task Verify_AfterAPayloadIsEditedInTheFile_FailsAndNamesThatPosition()
    {
        await Cli.RunAsync("ingest", CliRunner.Seeds);
        await using (var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=false"))
        {
            await connection.OpenAsync();
            await using var cmd = new SqliteCommand(
                "DROP TRIGGER events_refuse_update; UPDATE events SET data = json_set(data, '$.title', 'Edited') WHERE position = 3;", connection);
            await cmd.ExecuteNonQueryAsync();
        }

        var result = await Cli.RunAsync("verify");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("first bad position 3", result.Error);
    }

    /// <summary>Damage only a SQLite file can hold (its columns are text): PostgreSQL's uuid and timestamptz refuse it.</summary>
    [Theory]
    [InlineData("recorded_at", "'yesterday'")]
    [InlineData("recorded_at", "'2017-10-15T02:27:00.1234567Z'")]
    [InlineData("recorded_at", "'2017-10-15T02:27:00Z'")]
    [InlineData("event_id", "'not-a-guid'")]
    [InlineData("hash", "'0123456789abcdef0123456789abcdef'")]
    public async Task Verify_OnAMalformedField_ExitsOne_NamingItsPositionAndField(string column, string value)
    {
        await Cli.RunAsync("ingest", CliRunner.Seeds);
        await ExecuteSqlAsync($"{Sql.RemoveGuards} UPDATE events SET {column} = {value} WHERE position = 3;");

        var result = await Cli.RunAsync("verify");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("first bad position 3", result.Error);
        Assert.Contains(column, result.Error);
        Assert.DoesNotContain("   at ", result.Error);
    }

    [Fact]
    public async Task Ingest_WithABadArgument_CreatesNoDatabase()
    {
        await Cli.RunAsync("ingest", "/no/such/file.txt");

        Assert.False(File.Exists(DatabasePath));
    }
}
