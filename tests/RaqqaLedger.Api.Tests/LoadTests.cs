using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using RaqqaLedger.Corpus;
using RaqqaLedger.Domain.Articles;
using RaqqaLedger.Testing;

namespace RaqqaLedger.Api.Tests;

/// <summary>
/// A bounded load on loopback: the API as a real process on a fresh SQLite store with the seeds, a fixed
/// number of readers asking the board as of a random day for a random topic and of writers posting distinct
/// generated articles, each sending its next request when the last is answered, for RAQQA_LOAD_SECONDS
/// (60 by default). No 5xx, every 201 listed afterwards, nothing of a 429 written.
/// </summary>
public sealed class LoadTests
{
    private const int Readers = 4, Writers = 2;

    // Below what two writers reach here (about 14/s), so the limiter refuses some: each 429 is counted apart and checked to have written nothing.
    private const int WriteLimitPerSecond = 10;

    private static readonly DateOnly StoryStart = new(2017, 10, 14);

    private sealed class Tally
    {
        public readonly List<double> ReadMs = [], WriteMs = [];
        public readonly Dictionary<int, int> Statuses = [];
        public readonly List<string> Created = [], Refused = [], Problems = [];

        public void Count(HttpStatusCode status) => Statuses[(int)status] = Statuses.GetValueOrDefault((int)status) + 1;
    }

    [Fact]
    public async Task ReadsAndIngestsTogether_ForAFixedTime_NoServerError_NoLostWrite_P99Reported()
    {
        var seconds = double.TryParse(Environment.GetEnvironmentVariable("RAQQA_LOAD_SECONDS"), NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s > 0 ? s : 60;
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var api = await ApiProcess.StartAsync(cancellationToken, settings: new Dictionary<string, string>
        {
            ["Raqqa__WriteLimit"] = WriteLimitPerSecond.ToString(CultureInfo.InvariantCulture),
            ["Raqqa__WriteLimitWindowSeconds"] = "1",
        });
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Readers + Writers })
        {
            BaseAddress = api.BaseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };
        var topics = JsonDocument.Parse(await http.GetStringAsync("/claims", cancellationToken)).RootElement.GetProperty("topics")
            .EnumerateArray().Select(t => t.GetProperty("topic").GetString()!).ToArray();
        var seedArticles = await ArticleIdsAsync(http, cancellationToken);
        Assert.NotEmpty(topics);

        using var articles = CorpusGenerator.Generate(1_000_000, seed: 7).Select(a => a.Text).Where(t => !seedArticles.Contains(ArticleText.IdOf(t))).Distinct().GetEnumerator();
        var tally = new Tally();
        var until = Stopwatch.GetTimestamp() + (long)(seconds * Stopwatch.Frequency);
        var clock = Stopwatch.StartNew();

        async Task ReadAsync(int client)
        {
            var random = new Random(client);
            while (Stopwatch.GetTimestamp() < until)
            {
                var day = StoryStart.AddDays(random.Next(32)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                var url = $"/claims?asOf={day}&topic={topics[random.Next(topics.Length)]}";
                var (status, ms, _, _) = await SendAsync(http, () => new HttpRequestMessage(HttpMethod.Get, url), tally, url);
                lock (tally)
                {
                    tally.ReadMs.Add(ms);
                    if (status != HttpStatusCode.OK)
                        tally.Problems.Add($"GET {url}: {(int?)status}");
                }
            }
        }

        async Task WriteAsync()
        {
            while (Stopwatch.GetTimestamp() < until)
            {
                string text;
                lock (articles)
                    text = articles.MoveNext() ? articles.Current : throw new InvalidOperationException("the corpus ran out");
                var id = ArticleText.IdOf(text);
                var (status, ms, response, retryAfter) = await SendAsync(http, () =>
                {
                    var request = new HttpRequestMessage(HttpMethod.Post, "/articles") { Content = new StringContent(text, Encoding.UTF8, "text/plain") };
                    request.Headers.Add("X-Api-Key", ApiProcess.Key);
                    return request;
                }, tally, "POST /articles");
                var refused = false;
                lock (tally)
                {
                    if (status == HttpStatusCode.Created && response?.GetProperty("articleId").GetString() == id)
                    {
                        tally.WriteMs.Add(ms);
                        tally.Created.Add(id);
                    }
                    else if (status == HttpStatusCode.TooManyRequests)
                    {
                        tally.Refused.Add(id);
                        refused = true;
                    }
                    else
                    {
                        tally.Problems.Add($"POST /articles {id[..12]}: {(int?)status} {response}");
                    }
                }
                if (refused)
                    await Task.Delay(retryAfter ?? TimeSpan.FromSeconds(1), CancellationToken.None); // as the 429 asks
            }
        }

        await Task.WhenAll([.. Enumerable.Range(0, Readers).Select(ReadAsync), .. Enumerable.Range(0, Writers).Select(_ => WriteAsync())]);
        var elapsed = clock.Elapsed.TotalSeconds;

        var listed = await ArticleIdsAsync(http, cancellationToken);
        var verify = JsonDocument.Parse(await http.GetStringAsync("/audit/verify", cancellationToken)).RootElement;
        tally.ReadMs.Sort();
        tally.WriteMs.Sort();
        var output = TestContext.Current.TestOutputHelper!;
        output.WriteLine($"{elapsed:F1} s, {Readers} readers, {Writers} writers, write limit {WriteLimitPerSecond}/s per client, {Environment.ProcessorCount} CPUs");
        output.WriteLine($"statuses: {string.Join(", ", tally.Statuses.OrderBy(p => p.Key).Select(p => $"{p.Key}×{p.Value}"))}");
        output.WriteLine($"reads  (GET /claims?asOf=&topic=): {tally.ReadMs.Count} ({tally.ReadMs.Count / elapsed:F0}/s), p50 {Percentile(tally.ReadMs, 0.50):F1} ms, p99 {Percentile(tally.ReadMs, 0.99):F1} ms");
        output.WriteLine($"writes (POST /articles, 201):      {tally.WriteMs.Count} ({tally.WriteMs.Count / elapsed:F1}/s), p50 {Percentile(tally.WriteMs, 0.50):F1} ms, p99 {Percentile(tally.WriteMs, 0.99):F1} ms; 429: {tally.Refused.Count}");

        Assert.Empty(tally.Problems);
        Assert.DoesNotContain(tally.Statuses.Keys, status => status >= 500);
        Assert.True(tally.ReadMs.Count > 0 && tally.Created.Count > 0, $"{tally.ReadMs.Count} reads, {tally.Created.Count} writes: the load did not run");
        var lost = tally.Created.Where(id => !listed.Contains(id)).ToList();
        Assert.True(lost.Count == 0, $"{lost.Count} of {tally.Created.Count} articles answered 201 are not listed: {string.Join(", ", lost.Take(5))}");
        var writtenThough429 = tally.Refused.Where(listed.Contains).ToList();
        Assert.True(writtenThough429.Count == 0, $"{writtenThough429.Count} articles refused with 429 were written: {string.Join(", ", writtenThough429.Take(5))}");
        Assert.Equal(seedArticles.Count + tally.Created.Count, listed.Count);
        Assert.True(verify.GetProperty("ok").GetBoolean(), verify.ToString());
        Assert.DoesNotContain(ApiProcess.Key, api.Output, StringComparison.Ordinal);
    }

    /// <summary>One request; a timeout or a broken connection is a problem of its own, not a status.</summary>
    private static async Task<(HttpStatusCode? Status, double Ms, JsonElement? Body, TimeSpan? RetryAfter)> SendAsync(HttpClient http, Func<HttpRequestMessage> make, Tally tally, string what)
    {
        using var request = make();
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await http.SendAsync(request, CancellationToken.None);
            var body = await response.Content.ReadAsStringAsync(CancellationToken.None);
            var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            lock (tally)
                tally.Count(response.StatusCode);
            var json = response.Content.Headers.ContentType?.MediaType?.EndsWith("json", StringComparison.Ordinal) == true ? JsonDocument.Parse(body).RootElement : (JsonElement?)null;
            return (response.StatusCode, ms, json, response.Headers.RetryAfter?.Delta);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            lock (tally)
                tally.Problems.Add($"{what}: {e.GetType().Name} {e.Message}");
            return (null, Stopwatch.GetElapsedTime(started).TotalMilliseconds, null, null);
        }
    }

    private static async Task<HashSet<string>> ArticleIdsAsync(HttpClient http, CancellationToken cancellationToken) =>
        [.. JsonDocument.Parse(await http.GetStringAsync("/articles", cancellationToken)).RootElement.EnumerateArray().Select(a => a.GetProperty("id").GetString()!)];

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
