using CrisisComms.Server.Configuration;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CrisisComms.Server.Banners;

/// <summary>
/// Tells the other nodes that banners changed, so their cached snapshots (what GET /api/v1/banners
/// serves) follow at once. The node that made the change has already sent the snapshot to every
/// client through the backplane. When Redis comes back after an outage, whatever the backplane
/// dropped meanwhile is healed by sending every group the current snapshot again.
/// </summary>
internal sealed class RedisBannerSignal(
    IConnectionMultiplexer redis,
    IOptions<RedisOptions> options,
    IServiceProvider services,
    ILogger<RedisBannerSignal> logger) : IBannerChangeSignal, IHostedService
{
    private readonly RedisChannel _channel = RedisChannel.Literal(options.Value.KeyPrefix + "banners:changed");
    private readonly string _node = Guid.NewGuid().ToString("N");

    // Resolved late: the feed depends on the signals, the signal on the feed.
    private BannerFeed Feed => services.GetRequiredService<BannerFeed>();

    public async Task PublishAsync(CancellationToken ct)
    {
        try
        {
            await redis.GetSubscriber().PublishAsync(_channel, _node);
        }
        catch (RedisException e)
        {
            logger.LogWarning("Could not tell the other nodes about a banner change: {Error}; their refresh catches up", e.Message);
        }
    }

    public async Task StartAsync(CancellationToken ct)
    {
        redis.ConnectionRestored += OnRestored;
        try
        {
            await redis.GetSubscriber().SubscribeAsync(_channel, (channel, from) =>
            {
                if (from != _node) _ = RefreshAsync(broadcast: false, force: false);
            });
        }
        catch (RedisException e)
        {
            // Redis is away at start: StackExchange.Redis subscribes again once it connects.
            logger.LogWarning("Redis is not reachable at start: {Error}", e.Message);
        }
    }

    public Task StopAsync(CancellationToken ct)
    {
        redis.ConnectionRestored -= OnRestored;
        return Task.CompletedTask;
    }

    private void OnRestored(object? sender, ConnectionFailedEventArgs e)
    {
        logger.LogInformation("Redis is back ({ConnectionType}); sending every client the current snapshot", e.ConnectionType);
        _ = RefreshAsync(broadcast: true, force: true);
    }

    private async Task RefreshAsync(bool broadcast, bool force)
    {
        try
        {
            await Feed.RefreshAsync(broadcast, CancellationToken.None, force);
        }
        catch (Exception e)
        {
            logger.LogWarning("Could not refresh the banner snapshots: {Error}", e.Message);
        }
    }
}
