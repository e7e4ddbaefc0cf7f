using System.Text.Json;
using CrisisComms.Domain.Storage;
using StackExchange.Redis;

namespace CrisisComms.Storage.Redis;

/// <summary>Idempotency keys: one string per (account, key), set only if absent, expiring after the retention.</summary>
public sealed class RedisIdempotencyStore(IConnectionMultiplexer redis, string keyPrefix = RedisKeys.DefaultPrefix) : IIdempotencyStore
{
    private readonly RedisKeys _keys = new(keyPrefix);

    public Task<IdempotencyClaim> ClaimAsync(string account, string key, IdempotencyClaim claim, TimeSpan retention, CancellationToken ct = default) =>
        RedisErrors.Guard(async () =>
        {
            var db = redis.GetDatabase();
            var stored = _keys.Idempotency(account, key);
            var doc = JsonSerializer.Serialize(claim, StoredJson.Options);
            // SET NX GET: one command sets the claim if the key is free and answers what was there.
            // Redis's expiry is the retention, so a lapsed key is simply free again.
            var kept = await db.StringSetAndGetAsync(stored, doc, retention, keepTtl: false, When.NotExists).WaitAsync(ct);
            return kept.IsNull ? claim : JsonSerializer.Deserialize<IdempotencyClaim>(kept.ToString(), StoredJson.Options)!;
        });
}
