using System.Net;
using System.Text;
using RaqqaLedger.Testing;

namespace RaqqaLedger.Api.Tests;

/// <summary>The write key: generated once and kept, never empty, and a start that cannot keep it fails plainly.</summary>
public sealed class ApiKeyTests
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

    [Theory]
    [InlineData("")]
    [InlineData("  \n")]
    public async Task AKeyFileThatIsEmptyOrBlank_FailsTheStart_WithOneLineNamingTheFile(string content)
    {
        var directory = LedgerApiFactory.TempFolder();
        Directory.CreateDirectory(directory);
        var keyFile = Path.Combine(directory, "api-key");
        await File.WriteAllTextAsync(keyFile, content, TestContext.Current.CancellationToken);
        try
        {
            var (exit, output, _) = await ApiProcess.RunToExitAsync(NoKeyNoSeeds, null, TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken, directory);

            Assert.Equal(1, exit);
            Assert.Contains($"raqqa-ledger-api: the API key file {keyFile} is empty", output, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
            Assert.Equal(content, await File.ReadAllTextAsync(keyFile, TestContext.Current.CancellationToken)); // left for the operator to see
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task AConfiguredKeyThatIsBlank_FailsTheStart()
    {
        var settings = new Dictionary<string, string>(NoKeyNoSeeds) { ["Raqqa__ApiKey"] = "   " };
        var (exit, output, directory) = await ApiProcess.RunToExitAsync(settings, null, TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        Directory.Delete(directory, recursive: true);

        Assert.Equal(1, exit);
        Assert.Contains("raqqa-ledger-api: Raqqa:ApiKey is blank", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public async Task AnEmptyOrBlankHeader_IsRefused(string presented)
    {
        await using var api = new LedgerApiFactory(LedgerApiFactory.TempSqlite());
        var client = api.CreateClient();
        client.DefaultRequestHeaders.TryAddWithoutValidation("X-Api-Key", presented);
        var answer = await client.PostAsync("/articles", new StringContent("A short article about Raqqa.", Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
    }

    /// <summary>
    /// A first start on a disk that takes no more bytes (a file-size limit of 0): with the limit's signal
    /// ignored the write fails as on a full disk, and the start says so in one line; with it, the process is
    /// killed mid-write. Either way it exits non-zero, leaves no key file to be trusted, and the next start makes a key.
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AFirstStartThatCannotWriteTheKey_LeavesNoKeyFile_AndTheNextStartMakesOne(bool writeFailsAsOnAFullDisk)
    {
        var ct = TestContext.Current.CancellationToken;
        var limit = writeFailsAsOnAFullDisk ? "trap '' XFSZ; ulimit -f 0" : "ulimit -f 0";
        var (exit, output, directory) = await ApiProcess.RunToExitAsync(NoKeyNoSeeds, limit, TimeSpan.FromSeconds(60), ct);
        try
        {
            Assert.NotNull(exit);
            Assert.NotEqual(0, exit);
            if (writeFailsAsOnAFullDisk)
            {
                var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                Assert.Single(lines, l => l.Contains("api-key", StringComparison.Ordinal));
                Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
                Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
            }
            Assert.False(File.Exists(Path.Combine(directory, "api-key")), "a key file was left behind:\n" + output);
            await AssertTheNextStartMakesAKey(directory);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static readonly Dictionary<string, string> NoKeyNoSeeds = new()
    {
        ["Raqqa__ApiKey"] = "",
        ["Raqqa__SeedsPath"] = "",
        // Under a file-size limit of 0 the runtime cannot make its double-mapped code pages (a sized memory file).
        ["DOTNET_EnableWriteXorExecute"] = "0",
    };

    private static async Task AssertTheNextStartMakesAKey(string directory)
    {
        await using var next = new LedgerApiFactory($"sqlite:{Path.Combine(directory, "ledger.db")}", apiKey: null);
        Assert.Equal(HttpStatusCode.OK, (await next.CreateClient().GetAsync("/health")).StatusCode);
        Assert.Matches("^[0-9a-f]{64}$", (await File.ReadAllTextAsync(Path.Combine(directory, "api-key"))).Trim());
    }
}
