using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace RaqqaLedger.Api.Tests;

/// <summary>A logger provider that keeps every entry as text: the message, its structured values, its scopes and its exception.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<string> entries = new();

    public IReadOnlyCollection<string> Entries => entries;

    public string All => string.Join('\n', entries);

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private static string Describe(object? state) => state is IEnumerable<KeyValuePair<string, object?>> values
        ? string.Join(' ', values.Select(v => $"{v.Key}={v.Value}"))
        : state?.ToString() ?? "";

    private sealed class Logger(CapturedLogs logs, string category) : ILogger
    {
        public IDisposable BeginScope<TState>(TState state) where TState : notnull
        {
            logs.entries.Enqueue($"scope {category}: {Describe(state)}");
            return Scope.Instance;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            logs.entries.Enqueue($"{logLevel} {category}: {formatter(state, exception)} [{Describe(state)}] {exception}");
    }

    private sealed class Scope : IDisposable
    {
        public static readonly Scope Instance = new();

        public void Dispose()
        {
        }
    }
}
