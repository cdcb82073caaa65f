using System.Text.RegularExpressions;
using RaqqaLedger.Testing;

namespace RaqqaLedger.Cli.Tests;

/// <summary>verify against a kept digest: the log up to it unchanged, only grown since.</summary>
public abstract partial class LedgerCliContract
{
    /// <summary>Runs raw SQL on this test's log, as a saboteur with database access would.</summary>
    protected abstract Task ExecuteSqlAsync(string sql);

    /// <summary>The tampering SQL of this engine.</summary>
    protected abstract LogSql Sql { get; }

    private async Task<string> DigestAsync()
    {
        var result = await Cli.RunAsync("verify");
        Assert.Equal(0, result.ExitCode);
        return Regex.Match(result.Out, @"; digest (\d+:[0-9a-f]{64})$", RegexOptions.Multiline).Groups[1].Value;
    }

    private static void AssertFailedInOneLine(CliResult result, string expected)
    {
        Assert.Equal(1, result.ExitCode);
        Assert.Single(result.Error.TrimEnd().Split('\n'));
        Assert.StartsWith("FAILED: ", result.Error);
        Assert.Contains(expected, result.Error);
        Assert.Equal("", result.Out);
    }

    [Fact]
    public async Task Verify_PrintsTheHeadsDigest_AsPositionColonHash()
    {
        await Cli.RunAsync("ingest", CliRunner.Seeds);

        var digest = await DigestAsync();

        var last = (await EventsAsync()).Last();
        Assert.Equal($"{last.GetProperty("position").GetInt64()}:{last.GetProperty("hash").GetString()}", digest);
    }

    [Fact]
    public async Task VerifyWithADigest_TakenBeforeMoreWasIngested_StillPasses()
    {
        await Cli.RunAsync("ingest", Path.Combine(CliRunner.Seeds, "000_3751c23f4bc9054b.txt"), Path.Combine(CliRunner.Seeds, "001_caf3c2726321cc26.txt"));
        var digest = await DigestAsync();
        var ingested = await Cli.RunAsync("ingest", CliRunner.Seeds);
        Assert.Contains("3 new", ingested.Out);

        var result = await Cli.RunAsync("verify", "--digest", digest);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains($"digest {digest} holds: the log up to position {digest.Split(':')[0]} is unchanged", result.Out);
        Assert.Contains($"head position {await HeadPositionAsync()} ", result.Out);
    }

    [Fact]
    public async Task VerifyWithADigest_AfterAnEventBeforeItIsEditedWithTheGuardsDropped_FailsNamingThatPosition()
    {
        await Cli.RunAsync("ingest", CliRunner.Seeds);
        var digest = await DigestAsync();
        await ExecuteSqlAsync(Sql.RemoveGuards + Sql.SetData(2, """{"edited":true}"""));

        var result = await Cli.RunAsync("verify", "--digest", digest);

        AssertFailedInOneLine(result, "first bad position 2:");
    }

    [Fact]
    public async Task VerifyWithADigest_AfterTheTailIsCutAndTheHeadRewound_Fails_ThoughThePlainVerifyPasses()
    {
        await Cli.RunAsync("ingest", CliRunner.Seeds);
        var digest = await DigestAsync();
        var kept = (await EventsAsync())[9];
        await ExecuteSqlAsync(Sql.RemoveGuards + Sql.DeleteAfter(10) + Sql.SetHead(10, Convert.FromHexString(kept.GetProperty("hash").GetString()!)));

        var plain = await Cli.RunAsync("verify");
        var result = await Cli.RunAsync("verify", "--digest", digest);

        Assert.True(plain.ExitCode == 0, plain.Error);
        AssertFailedInOneLine(result, $"digest {digest} is past the head (position 10)");
    }

    [Fact]
    public async Task VerifyWithADigest_OfAnotherHashAtItsPosition_Fails()
    {
        await Cli.RunAsync("ingest", CliRunner.Seeds);
        var events = await EventsAsync();
        var wrong = $"5:{events[5].GetProperty("hash").GetString()}";

        AssertFailedInOneLine(await Cli.RunAsync("verify", "--digest", wrong), $"digest {wrong} does not match");
    }

    [Theory]
    [InlineData("12")]
    [InlineData("abc:0123")]
    [InlineData("-3:f66d6db265b1e1205e1ccbc454fd2e78b3cc7fcc0f6e842d2d6fb9f9ef7bda66")]
    [InlineData("3:f66d6db265b1e1205e1ccbc454fd2e78b3cc7fcc0f6e842d2d6fb9f9ef7bda6")]
    [InlineData("3:z66d6db265b1e1205e1ccbc454fd2e78b3cc7fcc0f6e842d2d6fb9f9ef7bda66")]
    public async Task VerifyWithAMalformedDigest_FailsWithOneLineAndANonZeroExit(string digest)
    {
        await Cli.RunAsync("ingest", CliRunner.Seeds);

        var result = await Cli.RunAsync("verify", "--digest", digest);

        result.AssertRefused($"error: malformed --digest '{digest}': ");
    }
}
