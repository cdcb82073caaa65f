using Microsoft.Extensions.Options;
using RaqqaLedger.Application.Articles;
using RaqqaLedger.Application.Views;
using RaqqaLedger.Domain.Articles;
using RaqqaLedger.Domain.Events;
using RaqqaLedger.Storage;

namespace RaqqaLedger.Api.Hosting;

/// <summary>
/// The ledger the API serves: opens the store at start, ingests the seeds into an empty log, brings
/// the projections to the head and then keeps them following the log until shutdown.
/// </summary>
public sealed class LedgerHost(IOptions<LedgerOptions> options, ILogger<LedgerHost> logger) : IHostedService, IAsyncDisposable
{
    private IEventStore? store;
    private LedgerViews? views;
    private CancellationTokenSource? stopping; // not disposed: it holds no timer, and a late StopAsync may still cancel it
    private Task? following;

    public IEventStore Store => store ?? throw new InvalidOperationException("the ledger is not open yet");

    public LedgerViews Views => views ?? throw new InvalidOperationException("the ledger is not open yet");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        store = await EventStoreFactory.OpenAsync(options.Value.Store, cancellationToken: cancellationToken);
        views = new LedgerViews(store);
        logger.LogInformation("ledger open at {Store}", store.Describe);
        if ((await store.ReadHeadAsync(cancellationToken)).Position == 0 && Directory.Exists(options.Value.SeedsPath))
            await IngestSeedsAsync(cancellationToken);
        // Views that cannot be brought up to date now (a full disk, say) do not keep the API from serving
        // the log: the follower keeps trying, and answers say the views are behind until it succeeds.
        if (!await CatchUpAsync(cancellationToken))
            logger.LogWarning("starting with the views behind the log; they will follow once they can");
        stopping = new CancellationTokenSource();
        // On a thread of its own: the start returns (and the API listens) whatever the follower meets.
        following = Task.Run(() => FollowAsync(stopping.Token), CancellationToken.None);
    }

    /// <summary>
    /// Brings the projections to the head, at start and after a committed write (so its response already
    /// shows in every view). False when they could not follow (a full disk, a lost connection): what is in
    /// the log stays there, so that is logged and said in the answer, not answered as a failure; the
    /// follower catches up later.
    /// </summary>
    public async Task<bool> CatchUpAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Views.Runner.CatchUpAsync(cancellationToken);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "the views could not follow the log yet");
            return false;
        }
    }

    private async Task IngestSeedsAsync(CancellationToken cancellationToken)
    {
        var files = Directory.GetFiles(options.Value.SeedsPath, "*.txt").Order(StringComparer.Ordinal).ToList();
        var submissions = new List<ArticleSubmission>();
        foreach (var file in files)
            submissions.Add(ArticleInput.FromText(Path.GetFileName(file), await File.ReadAllBytesAsync(file, cancellationToken)));
        var report = await new ArticleIngestion(Store, ArticleReadingOptions.Default)
            .IngestAsync(submissions, new EventMetadata(Guid.NewGuid().ToString("N"), null, "api:first-start"), cancellationToken);
        logger.LogInformation("first start: ingested {Count} seed articles ({Events} events)", files.Count, report.EventsAppended);
    }

    private async Task FollowAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Views.Runner.FollowAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // A lost connection must not stop the views for good: log, wait, follow again.
                logger.LogError(e, "projections stopped following the log; retrying in 2 s");
                try { await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken); }
                catch (OperationCanceledException) { return; }
            }
        }
    }

    // The host may stop and dispose more than once (a test host does): both are safe to repeat.
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (stopping is not null)
            await stopping.CancelAsync();
        if (following is not null)
            await following;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None);
        if (Interlocked.Exchange(ref store, null) is { } open)
            await open.DisposeAsync();
    }
}
