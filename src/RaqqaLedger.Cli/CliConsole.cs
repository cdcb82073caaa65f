namespace RaqqaLedger.Cli;

/// <summary>Everything the CLI touches outside itself, passed in so tests can run it in-process.</summary>
/// <param name="ErrorIsTerminal">stderr is a terminal: progress is drawn as a bar rather than printed as lines.</param>
public sealed record CliConsole(TextWriter Out, TextWriter Error, Stream Input, bool InputRedirected, Func<string, string?> Environment, bool ErrorIsTerminal = false);

/// <summary>Bad arguments or input: one line on stderr, exit 2, nothing written.</summary>
public sealed class UsageException(string message) : Exception(message);
