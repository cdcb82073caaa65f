using System.Net;
using System.Text;

namespace RaqqaLedger.Api.Tests;

public abstract partial class LedgerApiContract
{
    private static readonly HashSet<string> WriteMethods = ["post", "put", "patch", "delete"];

    /// <summary>
    /// Taken from the OpenAPI document rather than listed here, so a write route added later without the
    /// key check fails this test.
    /// </summary>
    [Fact]
    public async Task EveryWriteRouteInTheOpenApiDocument_RefusesAMissingOrWrongKey_With401ProblemDetails_AndWritesNothing()
    {
        var document = await GetJsonAsync("/openapi/v1.json");
        var writes = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Where(m => WriteMethods.Contains(m.Name)).Select(m => (Method: m.Name, Path: path.Name)))
            .ToList();
        Assert.Superset(new HashSet<string> { "post /articles", "post /rulesets", "post /projections/{name}/rebuild" }, writes.Select(w => $"{w.Method} {w.Path}").ToHashSet());

        var wrong = Factory.CreateClient();
        wrong.DefaultRequestHeaders.Add("X-Api-Key", "not-the-key");
        foreach (var (method, path) in writes)
        {
            var url = System.Text.RegularExpressions.Regex.Replace(path, "{[^}]+}", "claims");
            foreach (var client in new[] { Reader, wrong })
            {
                var head = await HeadAsync();
                using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), url)
                {
                    Content = new StringContent("A short article about Raqqa.", Encoding.UTF8, "text/plain"),
                };
                await AssertProblemAsync(await client.SendAsync(request), HttpStatusCode.Unauthorized, head, "X-Api-Key");
            }
        }
    }
}
