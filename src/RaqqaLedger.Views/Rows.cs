using System.Data.Common;
using System.Globalization;

namespace RaqqaLedger.Views;

/// <summary>How view rows hold dates and times, the same on both engines: days and microseconds as integers.</summary>
internal static class Rows
{
    public static object? Day(DateOnly? day) => day?.DayNumber;

    public static DateOnly? Day(DbDataReader reader, int column) =>
        reader.IsDBNull(column) ? null : DateOnly.FromDayNumber(Int(reader, column));

    public static long Micros(DateTimeOffset at) => (at.UtcTicks - DateTimeOffset.UnixEpoch.Ticks) / 10;

    public static DateTimeOffset Time(long micros) => new(DateTimeOffset.UnixEpoch.Ticks + micros * 10, TimeSpan.Zero);

    public static int Int(DbDataReader reader, int column) => Convert.ToInt32(reader.GetValue(column), CultureInfo.InvariantCulture);

    public static long Long(DbDataReader reader, int column) => Convert.ToInt64(reader.GetValue(column), CultureInfo.InvariantCulture);

    public static long? NullableLong(DbDataReader reader, int column) => reader.IsDBNull(column) ? null : Long(reader, column);

    public static string? Text(DbDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetString(column);
}

/// <summary>A statement prepared once and run for many rows of a batch.</summary>
internal sealed class Statement : IAsyncDisposable
{
    private readonly DbCommand command;
    private readonly Dictionary<string, DbParameter> parameters = new(StringComparer.Ordinal);

    public Statement(ViewTransaction tx, string sql, params string[] names)
    {
        command = tx.Command(sql);
        foreach (var name in names)
            parameters[name] = ViewTransaction.Add(command, name, null);
    }

    public Statement Set(string name, object? value)
    {
        parameters[name].Value = value ?? DBNull.Value;
        return this;
    }

    public Task<int> ExecuteAsync(CancellationToken cancellationToken) => command.ExecuteNonQueryAsync(cancellationToken);

    public Task<DbDataReader> ReadAsync(CancellationToken cancellationToken) => command.ExecuteReaderAsync(cancellationToken);

    public ValueTask DisposeAsync() => command.DisposeAsync();
}
