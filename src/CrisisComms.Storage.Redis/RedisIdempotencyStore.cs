using System.Text.Json;
using CrisisComms.Domain.Storage;
using StackExchange.Redis;

namespace CrisisComms.Storage.Redis;

/// <summary>Idempotency keys: one hash per (account, key), claimed by Scripts/ClaimIdempotencyKey.lua.</summary>
public sealed class RedisIdempotencyStore(IConnectionMultiplexer redis, string keyPrefix = RedisKeys.DefaultPrefix) : IIdempotencyStore
{
    private readonly RedisKeys _keys = new(keyPrefix);

    public Task<IdempotencyClaim> ClaimAsync(string account, string key, IdempotencyClaim claim, TimeSpan retention, CancellationToken ct = default) =>
        RedisErrors.Guard(async () =>
        {
            // Not cancelled once sent, as a save: the claim may be kept even if the caller gave up.
            ct.ThrowIfCancellationRequested();
            var kept = await redis.GetDatabase().ScriptEvaluateAsync(RedisScripts.ClaimIdempotencyKey, values:
            [
                _keys.Prefix, account, key, claim.At.ToUnixTimeMilliseconds(), (claim.At - retention).ToUnixTimeMilliseconds(),
                (long)retention.TotalMilliseconds, JsonSerializer.Serialize(claim, StoredJson.Options),
            ]);
            return JsonSerializer.Deserialize<IdempotencyClaim>((string)kept!, StoredJson.Options)!;
        });
}
