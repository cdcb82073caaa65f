using Microsoft.Data.Sqlite;
using Npgsql;
using RaqqaLedger.EventStore;

namespace RaqqaLedger.EventStore.Tests;

/// <summary>Which failures the API answers 503 (try again later) rather than 500 (issue 13.7): outages, not faults.</summary>
public sealed class StoreFaultsTests
{
    [Theory]
    [InlineData(5)]  // SQLITE_BUSY: another writer held the file past the timeout
    [InlineData(10)] // SQLITE_IOERR
    [InlineData(13)] // SQLITE_FULL: the disk is full
    [InlineData(14)] // SQLITE_CANTOPEN
    public void ASqliteOutage_IsUnavailable_EvenWrapped(int code)
    {
        var outage = new SqliteException("database or disk is full", code);

        Assert.True(StoreFaults.IsUnavailable(outage));
        Assert.True(StoreFaults.IsUnavailable(new InvalidOperationException("while appending", outage)));
    }

    [Theory]
    [InlineData("08006")] // connection failure
    [InlineData("53100")] // disk full
    [InlineData("57P01")] // the server shutting down
    [InlineData("58030")] // I/O error
    public void APostgresOutage_IsUnavailable(string sqlState)
    {
        Assert.True(StoreFaults.IsUnavailable(new PostgresException("down", "FATAL", "FATAL", sqlState)));
    }

    [Fact]
    public void FaultsInTheRequestOrTheCode_AreNot()
    {
        Assert.False(StoreFaults.IsUnavailable(new SqliteException("UNIQUE constraint failed", 19)));
        Assert.False(StoreFaults.IsUnavailable(new PostgresException("duplicate key", "ERROR", "ERROR", "23505")));
        Assert.False(StoreFaults.IsUnavailable(new InvalidOperationException("a bug")));
        Assert.False(StoreFaults.IsUnavailable(new WrongExpectedVersionException("s", ExpectedVersion.NoStream, 3)));
    }

    [Fact]
    public void AConnectionRefused_IsUnavailable()
    {
        var refused = new NpgsqlException("Failed to connect", new System.Net.Sockets.SocketException(111));

        Assert.True(StoreFaults.IsUnavailable(refused));
    }
}
