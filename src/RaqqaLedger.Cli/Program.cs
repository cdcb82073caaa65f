namespace RaqqaLedger.Cli;

public static class Program
{
    public static Task<int> Main(string[] args) =>
        new CliApp(new CliConsole(Console.Out, Console.Error, Console.OpenStandardInput(), Console.IsInputRedirected, Environment.GetEnvironmentVariable,
            ErrorIsTerminal: !Console.IsErrorRedirected))
            .RunAsync(args);
}
