using CrisisComms.Domain.Accounts;
using CrisisComms.Domain.Storage;
using StackExchange.Redis;

namespace CrisisComms.Storage.Redis;

/// <summary>Officer accounts: one hash, name → the same JSON document SQLite stores.</summary>
public sealed class RedisAccountStore(IConnectionMultiplexer redis, string keyPrefix = RedisKeys.DefaultPrefix) : IAccountStore
{
    private readonly RedisKeys _keys = new(keyPrefix);

    private IDatabase Db => redis.GetDatabase();

    public Task<Account?> FindAsync(string name, CancellationToken ct = default) => RedisErrors.Guard(async () =>
    {
        var doc = await Db.HashGetAsync(_keys.Accounts, name).WaitAsync(ct);
        return doc.IsNull ? null : StoredJson.DeserializeAccount(doc!);
    });

    public Task<IReadOnlyList<Account>> ListAsync(CancellationToken ct = default) => RedisErrors.Guard(async () =>
    {
        var all = await Db.HashGetAllAsync(_keys.Accounts).WaitAsync(ct);
        return (IReadOnlyList<Account>)all
            .OrderBy(entry => (string)entry.Name!, StringComparer.Ordinal)
            .Select(entry => StoredJson.DeserializeAccount(entry.Value!))
            .ToList();
    });

    public Task UpsertAsync(Account account, CancellationToken ct = default) => RedisErrors.Guard(() =>
    {
        ct.ThrowIfCancellationRequested();
        return Db.HashSetAsync(_keys.Accounts, account.Name, StoredJson.Serialize(account));
    });
}
