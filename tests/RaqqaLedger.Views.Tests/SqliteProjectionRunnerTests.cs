using RaqqaLedger.Testing;

namespace RaqqaLedger.Views.Tests;

public sealed class SqliteProjectionRunnerTests : ProjectionRunnerContract
{
    private readonly string path = Path.Combine(Path.GetTempPath(), "raqqa-tests", $"{Guid.NewGuid():N}.db");

    protected override Task<LedgerStorage> OpenAsync() => StorageOpener.Default.OpenAsync($"sqlite:{path}");

    protected override Task TamperAsync(string sql) => LogGuards.ExecuteSqliteAsync(path, $"{LogGuards.RemoveSqlite} {sql}");

    protected override LogSql Sql => LogSql.Sqlite;
}
