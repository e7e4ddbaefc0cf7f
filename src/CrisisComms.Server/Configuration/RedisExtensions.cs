using CrisisComms.Domain.Accounts;
using CrisisComms.Domain.Storage;
using CrisisComms.Server.Banners;
using CrisisComms.Storage.Redis;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using BackplaneOptions = Microsoft.AspNetCore.SignalR.StackExchangeRedis.RedisOptions;

namespace CrisisComms.Server.Configuration;

internal static class RedisExtensions
{
    /// <summary>
    /// Several nodes on one Redis: the store, the SignalR backplane (so a banner sent by one node
    /// reaches clients on every node) and the change signal that keeps every node's cached
    /// snapshots current. Exactly-once needs no lock of its own: every write is conditional.
    /// </summary>
    public static IServiceCollection AddRedisStorage(this IServiceCollection services, IConfiguration configuration)
    {
        var redis = configuration.GetSection(RedisOptions.Section).Get<RedisOptions>() ?? new RedisOptions();
        services.AddSingleton<IConnectionMultiplexer>(sp =>
        {
            var options = ConfigurationOptions.Parse(sp.GetRequiredService<IOptions<RedisOptions>>().Value.Configuration!);
            // Start even while Redis is away: readiness says 503 and writes answer 503 until it is back.
            options.AbortOnConnectFail = false;
            return ConnectionMultiplexer.Connect(options);
        });
        services.AddSingleton<INoticeStore>(sp => new RedisNoticeStore(sp.GetRequiredService<IConnectionMultiplexer>(), Prefix(sp)));
        services.AddSingleton<IAccountStore>(sp => new RedisAccountStore(sp.GetRequiredService<IConnectionMultiplexer>(), Prefix(sp)));
        services.AddSingleton<IDocumentStore>(sp => new RedisDocumentStore(sp.GetRequiredService<IConnectionMultiplexer>(), Prefix(sp)));
        services.AddSingleton<RedisBannerSignal>();
        services.AddSingleton<IBannerChangeSignal>(sp => sp.GetRequiredService<RedisBannerSignal>());
        services.AddHostedService(sp => sp.GetRequiredService<RedisBannerSignal>());
        if (!string.IsNullOrWhiteSpace(redis.Configuration))
        {
            services.AddSignalR().AddStackExchangeRedis(redis.Configuration, o =>
            {
                o.Configuration.ChannelPrefix = RedisChannel.Literal(redis.KeyPrefix + "signalr:");
                o.Configuration.AbortOnConnectFail = false;
            });
            services.AddOptions<BackplaneOptions>().Configure<IServiceProvider>((o, sp) => o.ConnectionFactory = async log =>
            {
                var backplane = await ConnectionMultiplexer.ConnectAsync(o.Configuration, log);
                backplane.ConnectionRestored += (_, _) => _ = ResendSnapshotsAsync(sp);
                return backplane;
            });
        }
        return services;
    }

    // The backplane has connections of its own, which may come back after the store's: a snapshot
    // re-sent (RedisBannerSignal) before this node's backplane subscriptions are back never reaches
    // this node's clients. So the backplane's return re-sends too: whichever comes back last heals.
    private static async Task ResendSnapshotsAsync(IServiceProvider services)
    {
        try
        {
            await services.GetRequiredService<BannerFeed>().RefreshAsync(broadcast: true, CancellationToken.None, force: true);
        }
        catch (Exception e)
        {
            services.GetRequiredService<ILogger<RedisBannerSignal>>()
                .LogWarning("Could not re-send the banner snapshots after the backplane returned: {Error}", e.Message);
        }
    }

    private static string Prefix(IServiceProvider sp) => sp.GetRequiredService<IOptions<RedisOptions>>().Value.KeyPrefix;
}
