using CrisisComms.Domain.Accounts;
using CrisisComms.Domain.Storage;
using CrisisComms.Storage.Redis;
using CrisisComms.Testing.Redis;
using StackExchange.Redis;

namespace CrisisComms.Storage.Tests;

/// <summary>
/// The contract on one real redis-server per class, each test under a key prefix of its own.
/// Reopening kills the server, starts it again from its AOF and connects anew.
/// </summary>
public sealed class RedisNoticeStoreContract(RedisServerFixture redis) : NoticeStoreContract, IClassFixture<RedisServerFixture>
{
    private readonly string _prefix = $"test-{Guid.NewGuid():N}:";
    private readonly List<IConnectionMultiplexer> _connections = [];

    protected override async Task<(INoticeStore, IAccountStore)> CreateStoresAsync()
    {
        var connection = await redis.Server.ConnectAsync();
        _connections.Add(connection);
        return (new RedisNoticeStore(connection, _prefix), new RedisAccountStore(connection, _prefix));
    }

    protected override async Task<(INoticeStore, IAccountStore)> ReopenAsync()
    {
        await redis.Server.StopAsync();
        await redis.Server.StartAsync();
        return await CreateStoresAsync();
    }

    public override async Task DisposeAsync()
    {
        foreach (var connection in _connections) await connection.DisposeAsync();
    }
}
