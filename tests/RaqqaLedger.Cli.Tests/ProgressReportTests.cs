namespace RaqqaLedger.Cli.Tests;

public class ProgressReportTests
{
    [Fact]
    public void NotOnATerminal_ALongRun_PrintsOneLineAtEachTenth()
    {
        var error = new StringWriter();
        using (var progress = new ProgressReport(error, terminal: false, "ingest", 20_000, "articles"))
        {
            for (var i = 1; i <= 20_000; i++)
                progress.Step();
        }

        var lines = error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(10, lines.Length);
        Assert.Equal("ingest: 2,000 of 20,000 articles (10%)", lines[0]);
        Assert.Equal("ingest: 20,000 of 20,000 articles (100%)", lines[^1]);
    }

    [Fact]
    public void ProjectionsReplayedTogether_ReportInTurn_AndEachTenthOfEachIsPrintedOnce()
    {
        var error = new StringWriter();
        using (var bars = new ReplayBars((label, head) => new ProgressReport(error, terminal: false, label, head, "events")))
        {
            for (var position = 2_000; position <= 20_000; position += 2_000)
            {
                bars.Report(new RaqqaLedger.Views.ReplayProgress("articles", position, 20_000));
                bars.Report(new RaqqaLedger.Views.ReplayProgress("claims", position, 20_000));
            }
            bars.Report(new RaqqaLedger.Views.ReplayProgress("articles", 20_000, 20_000)); // after the swap
        }

        var lines = error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(20, lines.Length);
        Assert.Equal(10, lines.Count(l => l.StartsWith("replay claims: ", StringComparison.Ordinal)));
        Assert.Equal("replay articles: 20,000 of 20,000 events (100%)", lines[^2]);
    }

    [Fact]
    public void NotOnATerminal_AShortRun_PrintsNothing()
    {
        var error = new StringWriter();
        using (var progress = new ProgressReport(error, terminal: false, "ingest", 5, "articles"))
        {
            for (var i = 1; i <= 5; i++)
                progress.Report(i);
        }

        Assert.Equal("", error.ToString());
    }

    [Fact]
    public void OnATerminal_ABarIsRedrawnInPlace_AndItsLineEndedWhenDone()
    {
        var error = new StringWriter();
        using (var progress = new ProgressReport(error, terminal: true, "replay claims", 200, "events"))
            progress.Report(100);

        var text = error.ToString();
        Assert.StartsWith("\rreplay claims [###############...............]  50% 100/200 events", text);
        Assert.EndsWith("\n", text);
        Assert.Single(text.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void ReportsFromManyThreads_NeverGoBackwards_OrPastTheTotal()
    {
        var error = new StringWriter();
        using var progress = new ProgressReport(error, terminal: false, "generate", 100_000, "articles");

        Parallel.For(0, 100_000, i => progress.Step());
        progress.Report(5); // a late, smaller report changes nothing
        progress.Report(1_000_000);

        var lines = error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(10, lines.Length);
        Assert.Equal("generate: 100,000 of 100,000 articles (100%)", lines[^1]);
    }
}
