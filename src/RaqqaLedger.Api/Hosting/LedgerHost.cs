using Microsoft.Extensions.Options;
using RaqqaLedger.Application.Articles;
using RaqqaLedger.Application.Views;
using RaqqaLedger.Domain.Articles;
using RaqqaLedger.Domain.Events;
using RaqqaLedger.EventStore;
using RaqqaLedger.Views;

namespace RaqqaLedger.Api.Hosting;

/// <summary>
/// The ledger the API serves: opens the store at start, ingests the seeds into an empty log, brings
/// the projections to the head and then keeps them following the log until shutdown. A store that
/// cannot be reached at start does not stop the API: it listens, answers 503, and keeps trying to open
/// the store with growing pauses.
/// </summary>
public sealed class LedgerHost(IOptions<LedgerOptions> options, StorageOpener storageOpener, ILogger<LedgerHost> logger) : IHostedService, IAsyncDisposable
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1), LongestRetry = TimeSpan.FromSeconds(30);

    private volatile LedgerStorage? storage;
    private volatile LedgerViews? views;
    private volatile IncrementalVerifier? verifier;
    private volatile string? notOpen = "the ledger is not open yet";
    private readonly CancellationTokenSource stopping = new(); // not disposed: it holds no timer, and a late StopAsync may still cancel it
    private Task? opening;
    private Task? following;

    public IEventStore Store => storage?.Store ?? throw NotOpenYet();

    public LedgerViews Views => views ?? throw NotOpenYet();

    /// <summary>Verifies the log for /audit/verify, walking only what was appended since the last whole walk.</summary>
    public IncrementalVerifier Verifier => verifier ?? throw NotOpenYet();

    private StoreUnavailableException NotOpenYet() => new(notOpen ?? "the ledger is not open yet");

    /// <summary>Whether the views fell behind the log the last time they tried to follow it.</summary>
    public bool ViewsBehind { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await OpenAsync(cancellationToken);
        }
        catch (Exception e) when (StoreFaults.IsUnavailable(e))
        {
            NotOpen(e);
            // On a thread of its own: the start returns and the API listens, answering 503 until the store opens.
            opening = Task.Run(() => KeepOpeningAsync(stopping.Token), CancellationToken.None);
        }
    }

    private void NotOpen(Exception e)
    {
        notOpen = $"the store is unreachable ({StoreFaults.Describe(e)}); the API keeps trying to open it";
        logger.LogError(e, "could not open the store; retrying");
    }

    private async Task OpenAsync(CancellationToken cancellationToken)
    {
        var openedStorage = await storageOpener.OpenAsync(options.Value.Store, cancellationToken: cancellationToken);
        var opened = openedStorage.Store;
        try
        {
            var openedViews = new LedgerViews(opened, openedStorage.Views);
            logger.LogInformation("ledger open at {Store}", opened.Describe);
            if ((await opened.ReadHeadAsync(cancellationToken)).Position == 0 && Directory.Exists(options.Value.SeedsPath))
                await IngestSeedsAsync(opened, cancellationToken);
            // Views that cannot be brought up to date now (a full disk, say) do not keep the API from serving
            // the log: the follower keeps trying, and answers say the views are behind until it succeeds.
            if (!await CatchUpAsync(openedViews, cancellationToken))
                logger.LogWarning("starting with the views behind the log; they will follow once they can");
            (storage, views, verifier, notOpen) = (openedStorage, openedViews, new IncrementalVerifier(opened), null);
        }
        catch
        {
            await openedStorage.DisposeAsync();
            throw;
        }
        // On a thread of its own: the start returns (and the API listens) whatever the follower meets.
        following = Task.Run(() => FollowAsync(stopping.Token), CancellationToken.None);
    }

    private async Task KeepOpeningAsync(CancellationToken cancellationToken)
    {
        for (var pause = FirstRetry; ; pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, LongestRetry.Ticks)))
        {
            try
            {
                await Task.Delay(pause, cancellationToken);
                await OpenAsync(cancellationToken);
                logger.LogInformation("the store is reachable again");
                return;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (StoreFaults.IsUnavailable(e))
            {
                NotOpen(e);
            }
        }
    }

    /// <summary>
    /// Brings the projections to the head, at start and after a committed write (so its response already
    /// shows in every view). False when they could not follow (a full disk, a lost connection): what is in
    /// the log stays there, so that is logged and said in the answer, not answered as a failure; the
    /// follower catches up later.
    /// </summary>
    public async Task<bool> CatchUpAsync(CancellationToken cancellationToken)
    {
        if (!await CatchUpAsync(Views, cancellationToken))
            return false;
        // The write's own request pays for bringing the kept indexes forward, not the readers after it. Should
        // that fail, the write still stands and the next reader brings them forward.
        try
        {
            await Views.Paged.KeepUpAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "the kept indexes could not be brought forward after a write; the next read will");
        }
        return true;
    }

    private async Task<bool> CatchUpAsync(LedgerViews of, CancellationToken cancellationToken)
    {
        try
        {
            await of.Runner.CatchUpAsync(cancellationToken);
            ViewsBehind = false;
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "the views could not follow the log yet");
            ViewsBehind = true;
            return false;
        }
    }

    private async Task IngestSeedsAsync(IEventStore into, CancellationToken cancellationToken)
    {
        var files = Directory.GetFiles(options.Value.SeedsPath, "*.txt").Order(StringComparer.Ordinal).ToList();
        var submissions = new List<ArticleSubmission>();
        foreach (var file in files)
            submissions.Add(ArticleInput.FromText(Path.GetFileName(file), await File.ReadAllBytesAsync(file, cancellationToken)));
        var report = await new ArticleIngestion(into, ArticleReadingOptions.Default)
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
                ViewsBehind = true;
                logger.LogError(e, "projections stopped following the log; retrying in 2 s");
                try { await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken); }
                catch (OperationCanceledException) { return; }
            }
        }
    }

    // The host may stop and dispose more than once (a test host does): both are safe to repeat.
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await stopping.CancelAsync();
        if (opening is not null)
            await opening; // it may start the follower as it ends: awaited next
        if (following is not null)
            await following;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None);
        var open = storage;
        storage = null;
        if (open is not null)
            await open.DisposeAsync();
    }
}
