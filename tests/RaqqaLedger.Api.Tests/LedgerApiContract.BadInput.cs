using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace RaqqaLedger.Api.Tests;

/// <summary>Which key a bad request carries.</summary>
public enum KeyGiven
{
    None,
    Wrong,
    Right,
}

/// <summary>
/// One malformed request and what the README promises for it: the status, a phrase of the problem's
/// detail (empty when any detail will do), and always problem details with the log head unchanged.
/// </summary>
public sealed record BadRequestCase(string Name, HttpMethod Method, string Url, KeyGiven Key, HttpStatusCode Status, string Detail,
    string? ContentType = null, byte[]? Body = null);

public abstract partial class LedgerApiContract
{
    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static BadRequestCase Article(string name, string contentType, byte[] body, HttpStatusCode status, string detail, KeyGiven key = KeyGiven.Right) =>
        new(name, HttpMethod.Post, "/articles", key, status, detail, contentType, body);

    private static BadRequestCase Envelope(string name, string json, string detail) =>
        Article(name, "application/json", Utf8(json), HttpStatusCode.BadRequest, detail);

    private static BadRequestCase Get(string name, string url, HttpStatusCode status, string detail = "") =>
        new(name, HttpMethod.Get, url, KeyGiven.None, status, detail);

    private const HttpStatusCode BadRequest = HttpStatusCode.BadRequest, NotFound = HttpStatusCode.NotFound;

    private static readonly BadRequestCase[] BadRequests =
    [
        // Article bodies: truncated or mistyped JSON, wrong encodings, binary, empty, oversized.
        Envelope("truncated JSON", """{"text": "abc""", "malformed JSON"),
        Envelope("JSON cut after a key", """{"text":""", "malformed JSON"),
        Envelope("JSON array, not an object", "[1,2]", "JSON object"),
        Envelope("JSON text as a number", """{"text": 42}""", "must be a string"),
        Envelope("JSON title as an object", """{"text": "x", "title": {"a": 1}}""", "must be a string"),
        Envelope("JSON without text", """{"title": "x"}""", "no \"text\""),
        Envelope("JSON unknown field", """{"text": "x", "publishedOn": "2017-10-15"}""", "publishedOn"),
        Envelope("impossible date 2017-02-30", """{"text": "x", "publishedAt": "2017-02-30"}""", "not a real date"),
        Envelope("year 10000", """{"text": "x", "publishedAt": "10000-01-01"}""", "not a real date"),
        Envelope("date as words", """{"text": "x", "publishedAt": "yesterday"}""", "not a real date"),
        Envelope("javascript: url", """{"text": "x", "url": "javascript:alert(1)"}""", "http(s)"),
        Envelope("file path as url", """{"text": "x", "url": "../../etc/passwd"}""", "http(s)"),
        Envelope("title on two lines", """{"text": "x", "title": "a\nb"}""", "one line"),
        Envelope("JSON empty text", """{"text": ""}""", "empty"),
        Article("JSON not UTF-8", "application/json", [.. Utf8("""{"text": "Raqqa """), 0xE9, .. Utf8("\"}")], BadRequest, "UTF-8"),
        Article("text not UTF-8 (Latin-1)", "text/plain", [0x52, 0x61, 0x71, 0x71, 0x61, 0xE9, 0xFF, 0x0A], BadRequest, "UTF-8"),
        Article("text in UTF-16", "text/plain", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("Raqqa")).ToArray(), BadRequest, "UTF-8"),
        Article("binary bytes (PNG)", "text/plain", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00], BadRequest, "UTF-8"),
        Article("text with NUL bytes", "text/plain", [.. Utf8("Raqqa"), 0x00, 0x01, .. Utf8("fighters")], BadRequest, "NUL"),
        Article("empty article", "text/plain", [], BadRequest, "empty"),
        Article("blank article", "text/plain", Utf8(" \n\t "), BadRequest, "empty"),
        Article("invisible article", "text/plain", Utf8("\u200B\u200D\u2060\uFEFF \u202E\u2066\u2069\u200E"), BadRequest, "empty"),
        Article("text over the article length limit", "text/plain", Utf8(new string('x', 1_000_001)), BadRequest, "the limit is 1,000,000"),
        Article("body one byte over 1 MiB", "text/plain", Utf8(new string('x', 1024 * 1024 + 1)), HttpStatusCode.RequestEntityTooLarge, "limit"),
        Article("a 10 MB article", "text/plain", Utf8(new string('x', 10_000_000)), HttpStatusCode.RequestEntityTooLarge, "limit"),
        Article("binary as application/octet-stream", "application/octet-stream", [0x00, 0x01, 0x02, 0xFF], HttpStatusCode.UnsupportedMediaType, "text/plain"),
        Article("a form post", "application/x-www-form-urlencoded", Utf8("text=Raqqa"), HttpStatusCode.UnsupportedMediaType, "text/plain"),
        Article("text declared Latin-1", "text/plain; charset=iso-8859-1", [0x52, 0x61, 0xE9], HttpStatusCode.UnsupportedMediaType, "UTF-8"),

        // The key: every write needs it, checked before anything about the body.
        Article("article without a key", "text/plain", Utf8("A short article about Raqqa."), HttpStatusCode.Unauthorized, "X-Api-Key", KeyGiven.None),
        Article("article with a wrong key", "text/plain", Utf8("A short article about Raqqa."), HttpStatusCode.Unauthorized, "X-Api-Key", KeyGiven.Wrong),
        Article("bad body without a key is 401, not 400", "application/json", Utf8("""{"text":"""), HttpStatusCode.Unauthorized, "X-Api-Key", KeyGiven.None),
        Article("10 MB without a key", "application/octet-stream", Utf8(new string('x', 10_000_000)), HttpStatusCode.Unauthorized, "X-Api-Key", KeyGiven.None),
        new("key in the query string, not the header", HttpMethod.Post, $"/articles?X-Api-Key={LedgerApiFactory.Key}", KeyGiven.None, HttpStatusCode.Unauthorized, "X-Api-Key", "text/plain", Utf8("A short article about Raqqa.")),
        new("rule set without a key", HttpMethod.Post, "/rulesets", KeyGiven.None, HttpStatusCode.Unauthorized, "X-Api-Key", "application/yaml", Utf8("version: 9\n")),
        new("rebuild with a wrong key", HttpMethod.Post, "/projections/claims/rebuild", KeyGiven.Wrong, HttpStatusCode.Unauthorized, "X-Api-Key"),

        // Rule sets.
        new("rule set not YAML", HttpMethod.Post, "/rulesets", KeyGiven.Right, BadRequest, "not valid rule-set YAML", "application/yaml", Utf8("not: [valid")),
        new("rule set empty", HttpMethod.Post, "/rulesets", KeyGiven.Right, BadRequest, "empty", "application/yaml", []),
        new("rule set not UTF-8", HttpMethod.Post, "/rulesets", KeyGiven.Right, BadRequest, "UTF-8", "application/yaml", [0x76, 0x3A, 0xFF]),
        new("rule set source name too long", HttpMethod.Post, $"/rulesets?source={new string('a', 201)}", KeyGiven.Right, BadRequest, "200 characters", "application/yaml", Utf8("version: 9\n")),
        new("rule set over 1 MiB", HttpMethod.Post, "/rulesets", KeyGiven.Right, HttpStatusCode.RequestEntityTooLarge, "limit", "application/yaml", Utf8(new string('#', 1024 * 1024 + 1))),
        new("rule set as JSON", HttpMethod.Post, "/rulesets", KeyGiven.Right, HttpStatusCode.UnsupportedMediaType, "application/yaml", "application/json", Utf8("{}")),
        new("rule set with a pattern that cannot run in linear time", HttpMethod.Post, "/rulesets", KeyGiven.Right, BadRequest, "rule 'runaway': the pattern cannot run in linear time",
            "application/yaml", Utf8("version: 9\nname: t\nattribution:\n  verbs: [say]\ntopics:\n  - id: a.b\n    kind: yesno\n    rules:\n      - id: runaway\n        pattern: '(?<=a)(x+x+)+y'\n        value: true\n")),

        // Dates.
        Get("asOf 2017-02-30", "/claims?asOf=2017-02-30", BadRequest, "not a date"),
        Get("asOf 10000-01-01", "/claims?asOf=10000-01-01", BadRequest, "not a date"),
        Get("asOf day-first", "/claims?asOf=15.10.2017", BadRequest, "not a date"),
        Get("timeline to 10000-01-01", "/timeline?to=10000-01-01", BadRequest, "not a date"),
        Get("report from 2017-02-30", "/report?from=2017-02-30", BadRequest, "not a date"),
        Get("timeline ending before it starts", "/timeline?from=2017-11-14&to=2017-10-14", BadRequest, "after it ends"),
        Get("recordedAsOf not a time", "/claims?recordedAsOf=whenever", BadRequest, "neither a log position"),

        // Positions and limits.
        Get("recordedAsOf negative", "/claims?recordedAsOf=-5", BadRequest, "0 to the head"),
        Get("recordedAsOf past the head", "/claims?recordedAsOf=99999999", BadRequest, "beyond the log's head"),
        Get("recordedAsOf past a long", "/claims?recordedAsOf=99999999999999999999", BadRequest, "0 to the head"),
        Get("events from negative", "/events?from=-1", BadRequest, "0 or more"),
        Get("events from past a long", "/events?from=99999999999999999999", BadRequest, "0 or more"),
        Get("stream from negative", "/streams/ruleset?from=-1", BadRequest, "0 or more"),
        Get("events limit 0", "/events?limit=0", BadRequest, "1 to 1000"),
        Get("events limit a million", "/events?limit=1000000", BadRequest, "1 to 1000"),
        Get("board limit 0", "/claims?limit=0", BadRequest, "1 to 1000"),
        Get("board limit in words", "/claims?limit=ten", BadRequest, "1 to 1000"),
        Get("timeline limit 1001", "/timeline?limit=1001", BadRequest, "1 to 1000"),
        Get("cursor not a cursor", "/claims?after=not-a-cursor", BadRequest, "not a cursor"),
        Get("cursor past the head", "/timeline?after=MQo5OTk5OTk5CmZpZ2h0ZXJzLmRlcGFydGVkLmNvdW50CjIwMTctMTAtMTUKMQowCng", BadRequest, "beyond the log's head"),

        // Topics, formats and ids, with SQL and path injection among them.
        Get("unknown topic on the board", "/claims?topic=weather.today", BadRequest, "unknown topic"),
        Get("unknown topic on the timeline", "/timeline?topic=nope", BadRequest, "unknown topic"),
        Get("empty topic", "/claims?topic=", BadRequest, "unknown topic"),
        Get("SQL in a topic", "/claims?topic=" + Uri.EscapeDataString("x' OR '1'='1"), BadRequest, "unknown topic"),
        Get("SQL in a topic, with a comment", "/timeline?topic=" + Uri.EscapeDataString("a'); DROP TABLE events; --"), BadRequest, "unknown topic"),
        Get("report as PDF", "/report?format=pdf", BadRequest, "not one of md, csv"),
        Get("article id too short", "/articles/zz", BadRequest, "not an article id"),
        Get("article id in capitals", "/articles/ABCDEF012345", BadRequest, "not an article id"),
        Get("SQL as an article id", "/articles/" + Uri.EscapeDataString("' OR 1=1 --"), BadRequest, "not an article id"),
        Get("path as an article id", "/articles/..%2F..%2Fetc%2Fpasswd", BadRequest, "not an article id"),
        Get("unknown article", "/articles/0123456789abcdef", NotFound, "no article"),
        Get("unknown claim", "/claims/no-such-claim/history", NotFound, "no claim"),
        Get("SQL as a claim id", "/claims/" + Uri.EscapeDataString("1' OR '1'='1") + "/history", NotFound, "no claim"),
        Get("claim id over 200 characters", $"/claims/{new string('c', 201)}/history", BadRequest, "1 to 200"),
        Get("unknown stream", "/streams/no-such-stream", NotFound, "no stream"),
        Get("SQL as a stream", "/streams/" + Uri.EscapeDataString("x'; DELETE FROM events; --"), NotFound, "no stream"),
        Get("path as a stream", "/streams/..%2F..%2F..%2Fetc%2Fpasswd", NotFound, "no stream"),
        new("unknown projection", HttpMethod.Post, "/projections/nonsense/rebuild", KeyGiven.Right, NotFound, "no projection"),
        new("path as a projection", HttpMethod.Post, "/projections/..%2F..%2Fclaims/rebuild", KeyGiven.Right, NotFound, "no projection"),
        new("SQL as a projection", HttpMethod.Post, "/projections/" + Uri.EscapeDataString("claims; DROP TABLE events") + "/rebuild", KeyGiven.Right, NotFound, "no projection"),
    ];

    public static TheoryData<string> BadRequestNames => new(BadRequests.Select(c => c.Name));

    [Fact]
    public void TheBadRequestTable_HasAtLeastFortyDistinctCases() =>
        Assert.True(BadRequests.DistinctBy(c => c.Name).Count() is var n && n >= 40 && n == BadRequests.Length, $"{BadRequests.Length} cases");

    [Theory]
    [MemberData(nameof(BadRequestNames))]
    public async Task ABadRequest_GetsItsDocumentedStatus_AsProblemDetails_AndWritesNothing(string name)
    {
        var bad = BadRequests.Single(c => c.Name == name);
        var head = await HeadAsync();
        using var request = new HttpRequestMessage(bad.Method, bad.Url);
        if (bad.Body is not null || bad.ContentType is not null)
        {
            request.Content = new ByteArrayContent(bad.Body ?? []);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(bad.ContentType ?? "text/plain");
        }
        if (bad.Key != KeyGiven.None)
            request.Headers.Add("X-Api-Key", bad.Key == KeyGiven.Right ? LedgerApiFactory.Key : LedgerApiFactory.Key + "x");

        await AssertProblemAsync(await Reader.SendAsync(request), bad.Status, head, bad.Detail);
    }
}
