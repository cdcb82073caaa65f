using System.Diagnostics;
using RaqqaLedger.Views;
using RaqqaLedger.Testing;

namespace RaqqaLedger.Benchmarks;

/// <summary>Latency of one route at one log size, beside the framework's floor (/health) measured in the same run.</summary>
/// <param name="FirstRequestMaxMs">The slowest of the first request on each topic after the API started: it reads the topic's index, as the first request after every write does.</param>
public sealed record RestFigure(long Events, string Route, double P50Ms, double P99Ms, double FirstRequestMaxMs, int Requests, double HealthP50Ms, double HealthP99Ms);

/// <summary>
/// REST latency: a generated corpus ingested into a fresh SQLite store, the projections built, the
/// API started as a real process on loopback, then a bounded closed-loop load: a fixed number of
/// clients, each sending its next request when the last one is answered, for a fixed time. The
/// board is asked as of a random day of the story for one topic, the timeline for one topic.
/// </summary>
public static class RestBenchmark
{
    internal static readonly string[] Topics =
    [
        "foreign_fighters.departed", "fighters.departed.count", "fighters.remaining.count", "fighters.surrendered.count", "civilians.trapped.count",
        "civilians.evacuated.count", "deal.allows_foreign_fighters", "deal.brokered_by", "city.sdf_control.percent",
    ];

    public static async Task<IReadOnlyList<RestFigure>> RunAsync(int articles, double seconds, int clients, Action<string> progress)
    {
        var corpus = await LedgerBenchmark.BuildAsync(articles, progress);
        try
        {
            return await RunAsync(corpus, seconds, clients, progress);
        }
        finally
        {
            corpus.Delete();
        }
    }

    public static async Task<IReadOnlyList<RestFigure>> RunAsync(CorpusStore corpus, double seconds, int clients, Action<string> progress)
    {
        var (path, events) = (corpus.Path, corpus.Events);
        await using (var storage = await StorageOpener.Default.OpenAsync($"sqlite:{path}"))
        {
            progress("rest: building the projections");
            await new ProjectionRunner(storage.Store, storage.Views).CatchUpAsync();
        }

        progress($"rest: starting the API on {events:N0} events");
        await using var api = await ApiProcess.StartAsync(CancellationToken.None, $"sqlite:{path}");
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients }) { BaseAddress = api.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var random = new Random(1);
        string Board() => $"/claims?asOf=2017-{(random.Next(32) is var d && d < 18 ? $"10-{14 + d}" : $"11-{d - 17:D2}")}&topic={Topics[random.Next(Topics.Length)]}";
        string Timeline() => $"/timeline?topic={Topics[random.Next(Topics.Length)]}";

        var warmUp = Math.Min(1, seconds / 2); // connections, JIT
        await LoadAsync(http, () => "/health", warmUp, clients);
        // The first request on each topic reads the topic's index; every later one at the same position reuses it.
        // The code runs once first at another position (1: nearly empty), so JIT is not counted.
        await TimeAsync(http, $"/claims?asOf=2017-10-30&recordedAsOf=1&topic={Topics[0]}");
        await TimeAsync(http, $"/timeline?recordedAsOf=1&topic={Topics[0]}");
        var first = new Dictionary<string, double>();
        foreach (var (route, url) in new[] { ("/claims?asOf=&topic=", "/claims?asOf=2017-10-30&topic="), ("/timeline?topic=", "/timeline?topic=") })
        {
            var slowest = 0.0;
            foreach (var topic in Topics)
                slowest = Math.Max(slowest, await TimeAsync(http, url + topic));
            first[route] = Math.Round(slowest, 2);
        }
        await LoadAsync(http, Board, warmUp, clients);
        await LoadAsync(http, Timeline, warmUp, clients);
        progress($"rest: {clients} clients, {seconds} s per route");
        var health = await LoadAsync(http, () => "/health", seconds, clients);
        var figures = new List<RestFigure>();
        foreach (var (route, next) in new (string, Func<string>)[] { ("/claims?asOf=&topic=", Board), ("/timeline?topic=", Timeline) })
        {
            var latencies = await LoadAsync(http, next, seconds, clients);
            figures.Add(new RestFigure(events, route, Percentile(latencies, 0.50), Percentile(latencies, 0.99), first[route], latencies.Count,
                Percentile(health, 0.50), Percentile(health, 0.99)));
        }
        return figures;
    }

    /// <summary>One GET, its answer read to the end; milliseconds. A failed answer stops the benchmark.</summary>
    internal static async Task<double> TimeAsync(HttpClient http, string url)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await http.GetAsync(new Uri(url, UriKind.Relative));
        await response.Content.ReadAsByteArrayAsync();
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{url}: {(int)response.StatusCode}");
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    /// <summary>Closed loop: each client sends its next request when the last is answered, until time is up. Milliseconds, sorted.</summary>
    internal static async Task<List<double>> LoadAsync(HttpClient http, Func<string> next, double seconds, int clients)
    {
        var until = Stopwatch.GetTimestamp() + (long)(seconds * Stopwatch.Frequency);
        var all = new List<double>();
        var gate = new Lock();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            var mine = new List<double>();
            while (Stopwatch.GetTimestamp() < until)
            {
                string url;
                lock (gate)
                    url = next();
                var started = Stopwatch.GetTimestamp();
                using var response = await http.GetAsync(new Uri(url, UriKind.Relative));
                await response.Content.ReadAsByteArrayAsync();
                if (!response.IsSuccessStatusCode)
                    throw new InvalidOperationException($"{url}: {(int)response.StatusCode}");
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            lock (gate)
                all.AddRange(mine);
        }));
        all.Sort();
        return all;
    }

    internal static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : Math.Round(sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)], 2);
}
