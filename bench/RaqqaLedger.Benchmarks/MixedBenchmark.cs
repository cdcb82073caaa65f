using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using RaqqaLedger.Corpus;
using RaqqaLedger.Testing;
using RaqqaLedger.Views;

namespace RaqqaLedger.Benchmarks;

/// <summary>Read latency of one kind of request in one phase.</summary>
public sealed record MixedReadFigure(string Route, int Requests, double P50Ms, double P99Ms, double MaxMs);

/// <summary>One phase of the mixed load: readers alone, or readers with a writer.</summary>
/// <param name="Writes">Articles posted (0 without the writer); each one is a commit the readers' next answers include.</param>
public sealed record MixedPhase(
    bool Writer, IReadOnlyList<MixedReadFigure> Reads, int ReadRequests, double ReadP50Ms, double ReadP99Ms, double ReadMaxMs,
    int Writes, double WriteP50Ms, double WriteP99Ms);

/// <param name="P99Ratio">Read p99 with the writer over read p99 without it.</param>
/// <param name="KeptIndexes">What the API's kept indexes held at the end (GET /projections/indexes).</param>
public sealed record MixedFigure(long Events, int Clients, double Seconds, int WriteIntervalMs, int WarmUpWrites, MixedPhase Without, MixedPhase With, double P99Ratio, JsonElement KeptIndexes);

/// <summary>
/// Reads while articles keep arriving: the API as a real process on a generated store, a few readers in a
/// closed loop (the board as of a random day for a random topic, a topic's timeline, with --speakers what a random speaker said
/// on a topic they spoke on, or with --speakers-all-topics on every topic at once),
/// first alone and then beside a writer that posts a new generated article every interval, each phase
/// for a bounded time. Without the writer every read after the first meets kept indexes; with it, every
/// commit moves the head, so the figures show what a read after a write costs.
/// </summary>
public static class MixedBenchmark
{
    /// <param name="speakers">Whether readers ask for who said what too, and how much of it.</param>
    /// <param name="warmUpWrites">Articles posted before the phases, so that the first use of the write path (compiling the rule set's
    /// patterns as each is first met, and the runtime's later recompiling of what runs hot) is not measured as the writer's cost.</param>
    /// <param name="variedPages">The timeline read from a random day rather than from the story's start, so its pages show rows from all
    /// over the story (more than the API keeps) instead of the same few hundred: what reading rows from the database costs.</param>
    public static async Task<MixedFigure> RunAsync(
        CorpusStore corpus, double seconds, int clients, int intervalMs, int warmUpWrites, SpeakerReads speakers, bool variedPages, Action<string> progress)
    {
        await using (var storage = await StorageOpener.Default.OpenAsync($"sqlite:{corpus.Path}"))
        {
            progress("mixed: building the projections");
            await new ProjectionRunner(storage.Store, storage.Views).CatchUpAsync();
        }
        progress($"mixed: starting the API on {corpus.Events:N0} events");
        // The writer posts up to ten articles a second, past the default limit of one a second per client.
        await using var api = await ApiProcess.StartAsync(CancellationToken.None, $"sqlite:{corpus.Path}", new Dictionary<string, string> { ["Raqqa__WriteLimit"] = "0" });
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients + 1 }) { BaseAddress = api.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

        var random = new Random(1);
        string Day() => random.Next(32) is var d && d < 18 ? $"10-{14 + d}" : $"11-{d - 17:D2}";
        string Topic() => RestBenchmark.Topics[random.Next(RestBenchmark.Topics.Length)];
        var spoke = new List<(string Speaker, string Topic)>();
        string SpeakerUrl()
        {
            var (speaker, topic) = spoke[random.Next(spoke.Count)];
            return speakers == SpeakerReads.AllTopics
                ? $"/speakers?speaker={Uri.EscapeDataString(speaker)}"
                : $"/speakers?speaker={Uri.EscapeDataString(speaker)}&topic={topic}";
        }
        (string Kind, string Url) Next() => random.Next(speakers == SpeakerReads.None ? 2 : 3) switch
        {
            0 => ("board", $"/claims?asOf=2017-{Day()}&topic={Topic()}"),
            1 => ("timeline", variedPages ? $"/timeline?topic={Topic()}&from=2017-{Day()}" : $"/timeline?topic={Topic()}"),
            _ => ("speakers", SpeakerUrl()),
        };

        // Warm-up: connections, JIT, and every topic's index read once at the head.
        foreach (var topic in RestBenchmark.Topics)
        {
            await RestBenchmark.TimeAsync(http, $"/claims?asOf=2017-10-30&topic={topic}");
            await RestBenchmark.TimeAsync(http, $"/timeline?topic={topic}");
        }
        if (speakers != SpeakerReads.None)
        {
            // Every speaker and each topic they spoke on, so a reader's question always has an answer.
            using var all = await http.GetAsync(new Uri("/speakers?limit=1", UriKind.Relative));
            spoke.AddRange((await all.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().SelectMany(s => s.GetProperty("topics").EnumerateArray()
                .Select(t => (s.GetProperty("speaker").GetString()!, t.GetProperty("topic").GetString()!))));
        }
        await ReadAsync(http, Next, Math.Min(2, seconds / 2), clients);

        // New articles, in no earlier run on this store either: another seed of the same generator, taken from the
        // store's head (each run moves it). The first ones are posted now: the first extraction in a process compiles
        // the rule set's patterns (seconds), and each pattern first met later is compiled then.
        var warmUp = Math.Max(1, warmUpWrites);
        var articles = CorpusGenerator.Generate(warmUp + Math.Max(100, (int)(seconds * 1000 / intervalMs) + 50), seed: unchecked((int)corpus.Events * 31 + 4242)).ToList();
        progress($"mixed: warming up the writer with {warmUp} articles");
        foreach (var article in articles.Take(warmUp))
            await PostAsync(http, article.Text);
        articles.RemoveRange(0, warmUp);
        progress($"mixed: {clients} readers for {seconds} s alone");
        var without = await PhaseAsync(http, Next, seconds, clients, null, intervalMs);
        progress($"mixed: {clients} readers for {seconds} s with an article posted every {intervalMs} ms");
        var with = await PhaseAsync(http, Next, seconds, clients, articles, intervalMs);

        using var kept = await http.GetAsync(new Uri("/projections/indexes", UriKind.Relative));
        var memory = await kept.Content.ReadFromJsonAsync<JsonElement>();
        return new MixedFigure(corpus.Events, clients, seconds, intervalMs, warmUp, without, with,
            without.ReadP99Ms == 0 ? 0 : Math.Round(with.ReadP99Ms / without.ReadP99Ms, 2), memory);
    }

    private static async Task<MixedPhase> PhaseAsync(
        HttpClient http, Func<(string Kind, string Url)> next, double seconds, int clients, List<GeneratedArticle>? articles, int intervalMs)
    {
        using var stop = new CancellationTokenSource();
        var writes = new List<double>();
        var writer = articles is null ? Task.CompletedTask : Task.Run(async () =>
        {
            using var ticks = new PeriodicTimer(TimeSpan.FromMilliseconds(intervalMs));
            var i = 0;
            while (i < articles.Count && await WaitAsync(ticks, stop.Token))
            {
                writes.Add(await PostAsync(http, articles[i++].Text));
            }
        });
        var reads = await ReadAsync(http, next, seconds, clients);
        await stop.CancelAsync();
        await writer;

        writes.Sort();
        var all = reads.SelectMany(r => r.Value).Order().ToList();
        var kinds = reads.Select(r =>
        {
            var sorted = r.Value.Order().ToList();
            return new MixedReadFigure(r.Key, sorted.Count, RestBenchmark.Percentile(sorted, 0.50), RestBenchmark.Percentile(sorted, 0.99), Math.Round(sorted[^1], 2));
        }).OrderBy(f => f.Route, StringComparer.Ordinal).ToList();
        return new MixedPhase(articles is not null, kinds, all.Count, RestBenchmark.Percentile(all, 0.50), RestBenchmark.Percentile(all, 0.99), Math.Round(all[^1], 2),
            writes.Count, RestBenchmark.Percentile(writes, 0.50), RestBenchmark.Percentile(writes, 0.99));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken cancellationToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Closed loop: each reader sends its next request when the last is answered, until time is up. Milliseconds by kind.</summary>
    private static async Task<Dictionary<string, List<double>>> ReadAsync(HttpClient http, Func<(string Kind, string Url)> next, double seconds, int clients)
    {
        var until = Stopwatch.GetTimestamp() + (long)(seconds * Stopwatch.Frequency);
        var all = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        var gate = new Lock();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            var mine = new List<(string, double)>();
            while (Stopwatch.GetTimestamp() < until)
            {
                (string Kind, string Url) request;
                lock (gate)
                    request = next();
                mine.Add((request.Kind, await RestBenchmark.TimeAsync(http, request.Url)));
            }
            lock (gate)
            {
                foreach (var (kind, ms) in mine)
                    (all.TryGetValue(kind, out var list) ? list : all[kind] = []).Add(ms);
            }
        }));
        return all;
    }

    /// <exception cref="InvalidOperationException">The article was refused, or was already in the ledger (then it measured no write).</exception>
    private static async Task<double> PostAsync(HttpClient http, string article)
    {
        using var content = new StringContent(article, Encoding.UTF8, "text/plain");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/articles") { Content = content };
        request.Headers.Add("X-Api-Key", ApiProcess.Key);
        var started = Stopwatch.GetTimestamp();
        using var response = await http.SendAsync(request);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (response.StatusCode != System.Net.HttpStatusCode.Created)
            throw new InvalidOperationException($"POST /articles: {(int)response.StatusCode}, not 201: the article was refused or already there");
        return elapsed;
    }
}

/// <summary>What the benchmark's readers ask of who said what.</summary>
public enum SpeakerReads
{
    /// <summary>Nothing: the board and the timeline only.</summary>
    None,

    /// <summary>What a random speaker said on one topic they spoke on: one listing, as the board's and the timeline's readers read one topic.</summary>
    OneTopic,

    /// <summary>What a random speaker said on every topic at once: a page of each, up to fourteen listings in one answer.</summary>
    AllTopics,
}
