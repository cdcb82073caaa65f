using RaqqaLedger.Views;

namespace RaqqaLedger.Cli;

/// <summary>
/// One progress report per projection, in log events. Projections rebuilt together read the log once
/// and report in turn, so each keeps its own report until the replay ends.
/// </summary>
/// <param name="start">Starts the report of one projection: its label and the head it replays to.</param>
public sealed class ReplayBars(Func<string, long, ProgressReport> start) : IProgress<ReplayProgress>, IDisposable
{
    private readonly Dictionary<string, ProgressReport> reports = new(StringComparer.Ordinal);

    public void Report(ReplayProgress value)
    {
        lock (reports)
        {
            if (!reports.TryGetValue(value.Projection, out var report))
                reports[value.Projection] = report = start($"replay {value.Projection}", value.Head);
            report.Report(value.Position);
        }
    }

    public void Dispose()
    {
        lock (reports)
        {
            foreach (var report in reports.Values)
                report.Dispose();
        }
    }
}
