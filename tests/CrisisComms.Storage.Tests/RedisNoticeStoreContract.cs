using CrisisComms.Domain.Accounts;
using CrisisComms.Domain.Audit;
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

    protected override async Task<(INoticeStore, IAccountStore, IDocumentStore)> CreateStoresAsync()
    {
        var connection = await redis.Server.ConnectAsync();
        _connections.Add(connection);
        return (new RedisNoticeStore(connection, _prefix), new RedisAccountStore(connection, _prefix), new RedisDocumentStore(connection, _prefix));
    }

    protected override async Task<(INoticeStore, IAccountStore, IDocumentStore)> ReopenAsync()
    {
        await redis.Server.StopAsync();
        await redis.Server.StartAsync();
        return await CreateStoresAsync();
    }

    public override async Task DisposeAsync()
    {
        foreach (var connection in _connections) await connection.DisposeAsync();
    }

    protected override async Task TamperWithReasonAsync(long seq, string reason)
    {
        var db = await DatabaseAsync();
        var entry = StoredJson.DeserializeAudit((string)(await db.HashGetAsync(_prefix + "audit:entries", seq))!);
        await db.HashSetAsync(_prefix + "audit:entries", seq, StoredJson.Serialize(entry with { Reason = reason }));
    }

    protected override async Task TamperRemoveAsync(long seq)
    {
        var db = await DatabaseAsync();
        await db.HashDeleteAsync(_prefix + "audit:entries", seq);
        await db.SortedSetRemoveAsync(_prefix + "audit:all", seq);
    }

    protected override async Task TamperInsertAsync(AuditEntry entry)
    {
        var db = await DatabaseAsync();
        await db.HashSetAsync(_prefix + "audit:entries", entry.Sequence, StoredJson.Serialize(entry));
        await db.SortedSetAddAsync(_prefix + "audit:all", entry.Sequence, entry.Sequence);
    }

    // The keys the first version wrote: the documents, their indexes and the counter; no hash.
    protected override async Task StoreUnhashedLogAsync(IReadOnlyList<AuditEntry> entries)
    {
        var db = await DatabaseAsync();
        foreach (var entry in entries)
        {
            await db.HashSetAsync(_prefix + "audit:entries", entry.Sequence, StoredJson.Serialize(entry with { Sequence = 0 }));
            await db.SortedSetAddAsync(_prefix + "audit:all", entry.Sequence, entry.Sequence);
        }
        await db.StringSetAsync(_prefix + "audit:seq", entries.Count);
    }

    private async Task<IDatabase> DatabaseAsync()
    {
        var connection = await redis.Server.ConnectAsync();
        _connections.Add(connection);
        return connection.GetDatabase();
    }
}
