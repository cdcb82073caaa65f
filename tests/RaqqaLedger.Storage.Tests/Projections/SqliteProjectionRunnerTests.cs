using RaqqaLedger.EventStore.GroupCommit;
using RaqqaLedger.EventStore.Sqlite;
using RaqqaLedger.Testing;

namespace RaqqaLedger.Storage.Tests.Projections;

public sealed class SqliteProjectionRunnerTests : ProjectionRunnerContract
{
    private readonly string path = Path.Combine(Path.GetTempPath(), "raqqa-tests", $"{Guid.NewGuid():N}.db");

    protected override async Task<GroupCommitEventStore> OpenAsync() => await SqliteEventStore.OpenAsync(path);

    protected override Task TamperAsync(string sql) => LogGuards.ExecuteSqliteAsync(path, $"{LogGuards.RemoveSqlite} {sql}");

    protected override LogSql Sql => LogSql.Sqlite;
}
