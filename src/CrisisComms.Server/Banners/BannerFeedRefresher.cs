namespace CrisisComms.Server.Banners;

/// <summary>
/// Builds the snapshots at start and looks at the store's revision every few seconds, so a node
/// that missed a change signal (Redis away, a restart) catches up and sends the current snapshot.
/// </summary>
internal sealed class BannerFeedRefresher(BannerFeed feed, ILogger<BannerFeedRefresher> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            do
            {
                try
                {
                    await feed.RefreshAsync(broadcast: true, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning("Could not refresh the banner snapshots: {Error}", e.Message);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }
}
