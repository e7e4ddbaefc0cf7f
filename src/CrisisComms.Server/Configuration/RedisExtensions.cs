using CrisisComms.Domain.Accounts;
using CrisisComms.Domain.Storage;
using CrisisComms.Server.Banners;
using CrisisComms.Storage.Redis;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

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
        services.AddSingleton<RedisBannerSignal>();
        services.AddSingleton<IBannerChangeSignal>(sp => sp.GetRequiredService<RedisBannerSignal>());
        services.AddHostedService(sp => sp.GetRequiredService<RedisBannerSignal>());
        if (!string.IsNullOrWhiteSpace(redis.Configuration))
            services.AddSignalR().AddStackExchangeRedis(redis.Configuration, o =>
            {
                o.Configuration.ChannelPrefix = RedisChannel.Literal(redis.KeyPrefix + "signalr:");
                o.Configuration.AbortOnConnectFail = false;
            });
        return services;
    }

    private static string Prefix(IServiceProvider sp) => sp.GetRequiredService<IOptions<RedisOptions>>().Value.KeyPrefix;
}
