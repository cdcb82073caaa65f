using System.Net;
using System.Text;

namespace RaqqaLedger.Api.Tests;

public sealed class GeneratedKeyTests
{
    [Fact]
    public async Task WithoutAConfiguredKey_OneIsGeneratedBesideTheDatabase_OwnerOnly_AndKeptAcrossRestarts()
    {
        var store = LedgerApiFactory.TempSqlite();
        var keyFile = Path.Combine(Path.GetDirectoryName(store["sqlite:".Length..])!, "api-key");

        string key;
        await using (var first = new LedgerApiFactory(store, apiKey: null))
        {
            Assert.Equal(HttpStatusCode.OK, (await first.CreateClient().GetAsync("/health")).StatusCode);
            key = (await File.ReadAllTextAsync(keyFile)).Trim();
            Assert.Matches("^[0-9a-f]{64}$", key);
            if (!OperatingSystem.IsWindows())
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
        }

        await using var second = new LedgerApiFactory(store, apiKey: null);
        var client = second.CreateClient();
        var refused = await client.PostAsync("/articles", new StringContent("A short article about Raqqa.", Encoding.UTF8, "text/plain"));
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        var accepted = await client.PostAsync("/articles", new StringContent("A short article about Raqqa.", Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        Assert.Equal(key, (await File.ReadAllTextAsync(keyFile)).Trim());
    }
}
