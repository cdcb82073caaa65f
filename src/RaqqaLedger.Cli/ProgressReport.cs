using System.Diagnostics;
using System.Globalization;

namespace RaqqaLedger.Cli;

/// <summary>
/// Progress of a long operation, on stderr so stdout stays clean for results: a bar redrawn in place
/// on a terminal; otherwise a plain line at every tenth, and nothing at all for short runs.
/// Safe to report from several threads.
/// </summary>
public sealed class ProgressReport : IProgress<long>, IDisposable
{
    /// <summary>Below this many units, a run that is not on a terminal prints no progress lines.</summary>
    public const long LinesFrom = 10_000;

    private const int BarWidth = 30;
    private static readonly TimeSpan RedrawEvery = TimeSpan.FromMilliseconds(100);

    private readonly TextWriter error;
    private readonly bool terminal;
    private readonly string label, unit;
    private readonly long total;
    private readonly Stopwatch watch = Stopwatch.StartNew();
    private readonly Lock gate = new();
    private long done;
    private int tenthsShown;
    private TimeSpan? lastDrawn;

    public ProgressReport(TextWriter error, bool terminal, string label, long total, string unit)
    {
        this.error = error;
        this.terminal = terminal;
        this.label = label;
        this.total = Math.Max(0, total);
        this.unit = unit;
    }

    public static ProgressReport Start(CliConsole console, string label, long total, string unit) =>
        new(console.Error, console.ErrorIsTerminal, label, total, unit);

    /// <summary>How many units are done so far (not an increment).</summary>
    public void Report(long value)
    {
        lock (gate)
        {
            done = Math.Clamp(value, done, total);
            Show(final: false);
        }
    }

    /// <summary>One more unit done.</summary>
    public void Step()
    {
        lock (gate)
        {
            done = Math.Min(total, done + 1);
            Show(final: false);
        }
    }

    private void Show(bool final)
    {
        if (total == 0)
            return;
        if (terminal)
        {
            var now = watch.Elapsed;
            if (!final && lastDrawn is { } last && now - last < RedrawEvery && done < total)
                return;
            lastDrawn = now;
            error.Write($"\r{Bar()}");
            return;
        }
        if (total < LinesFrom)
            return;
        var tenths = (int)(10 * done / total);
        if (tenths <= tenthsShown)
            return;
        tenthsShown = tenths;
        error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label}: {done:N0} of {total:N0} {unit} ({tenths * 10}%)"));
    }

    public string Bar()
    {
        var share = total == 0 ? 1.0 : (double)done / total;
        var filled = (int)Math.Round(share * BarWidth);
        var seconds = watch.Elapsed.TotalSeconds;
        var rate = seconds > 0 ? done / seconds : 0;
        var eta = rate > 0 && done < total ? $", {Math.Ceiling((total - done) / rate):N0} s left" : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"{label} [{new string('#', filled)}{new string('.', BarWidth - filled)}] {share * 100,3:N0}% {done:N0}/{total:N0} {unit}, {rate:N0}/s{eta}");
    }

    /// <summary>Ends the bar's line, so what follows starts on a fresh one.</summary>
    public void Dispose()
    {
        lock (gate)
        {
            if (terminal && lastDrawn is not null)
            {
                Show(final: true);
                error.WriteLine();
            }
        }
    }
}
