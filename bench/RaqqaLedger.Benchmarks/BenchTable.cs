using System.Globalization;
using System.Text;

namespace RaqqaLedger.Benchmarks;

/// <summary>The run as tables for reading: one per part, each figure beside its baseline and their ratio.</summary>
public static class BenchTable
{
    public static string Render(BenchResult r)
    {
        var text = new StringBuilder();
        var e = r.Extraction;
        Section(text, "Extraction, articles/s on one core", ["extract", "read + extract", "read only (baseline)", "ratio"],
            [[N(e.ArticlesPerSecond), N(e.ReadAndExtractArticlesPerSecond), N(e.BaselineArticlesPerSecond), R(e.Ratio)]]);
        Section(text, "Append, events/s (hash chain on)", ["engine", "batch", "ledger", "plain INSERT / COPY (baseline)", "ratio"],
            [.. r.Append.Select(a => new[] { a.Engine, N(a.Batch), N(a.LedgerEventsPerSecond), N(a.BaselineEventsPerSecond), R(a.Ratio) })]);
        Section(text, "Ingest with extraction, into SQLite", ["articles", "events", "articles/s", "extract only (baseline)", "ratio"],
            [.. r.Ingest.Select(i => new[] { N(i.Articles), N(i.Events), N(i.ArticlesPerSecond), N(i.BaselineArticlesPerSecond), R(i.Ratio) })]);
        Section(text, "Full projection rebuild", ["events", "events/s", "read log only (baseline)", "ratio", "peak MB", "seconds"],
            [.. r.Rebuild.Select(b => new[] { N(b.Events), N(b.EventsPerSecond), N(b.BaselineEventsPerSecond), R(b.Ratio), N(b.PeakWorkingSetMb), R(b.Seconds) })]);
        Section(text, "REST latency, ms", ["events", "route", "p50", "p99", "first request (max)", "requests", "/health p50", "/health p99"],
            [.. r.Rest.Select(x => new[] { N(x.Events), x.Route, R(x.P50Ms), R(x.P99Ms), R(x.FirstRequestMaxMs), N(x.Requests), R(x.HealthP50Ms), R(x.HealthP99Ms) })]);
        text.AppendLine(CultureInfo.InvariantCulture, $"{(r.Quick ? "quick run" : "full run")} in {r.Seconds:0.#} s on {r.Machine}");
        return text.ToString();
    }

    private static void Section(StringBuilder text, string title, string[] header, IReadOnlyList<string[]> rows)
    {
        var widths = header.Select((h, i) => rows.Select(row => row[i].Length).Append(h.Length).Max()).ToArray();
        string Line(string[] cells) => string.Join("  ", cells.Select((c, i) => i == 0 ? c.PadRight(widths[i]) : c.PadLeft(widths[i]))).TrimEnd();
        text.AppendLine(title).AppendLine(Line(header)).AppendLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in rows)
            text.AppendLine(Line(row));
        text.AppendLine();
    }

    private static string N(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string R(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
