using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace RaqqaLedger.EventStore;

/// <summary>Tells an outage (the store unreachable, out of space, shut down) from a fault in the request or the code.</summary>
public static class StoreFaults
{
    // SQLITE_BUSY, SQLITE_IOERR, SQLITE_FULL, SQLITE_CANTOPEN.
    private static readonly HashSet<int> SqliteOutages = [5, 10, 13, 14];

    public static bool IsUnavailable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case StoreUnavailableException or SocketException or TimeoutException:
                case NpgsqlException { IsTransient: true }:
                // Class 08: connection; 53: insufficient resources (disk full); 57P: the server shutting down; 58: I/O.
                case PostgresException pg when pg.SqlState.StartsWith("08", StringComparison.Ordinal) || pg.SqlState.StartsWith("53", StringComparison.Ordinal)
                    || pg.SqlState.StartsWith("57P", StringComparison.Ordinal) || pg.SqlState.StartsWith("58", StringComparison.Ordinal):
                case SqliteException sqlite when SqliteOutages.Contains(sqlite.SqliteErrorCode):
                case IOException when e.HResult is 28 or 0x70 or unchecked((int)0x80070070): // ENOSPC, disk full
                    return true;
            }
        }
        return false;
    }

    /// <summary>What is down, in one line for an answer: the innermost message of an outage.</summary>
    public static string Describe(Exception exception)
    {
        var e = exception;
        while (e.InnerException is not null && e is not StoreUnavailableException)
            e = e.InnerException;
        return e.Message.ReplaceLineEndings(" ");
    }
}
