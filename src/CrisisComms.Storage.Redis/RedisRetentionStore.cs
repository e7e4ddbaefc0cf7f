using CrisisComms.Domain.Audit;
using CrisisComms.Domain.Notices;
using CrisisComms.Domain.Storage;
using StackExchange.Redis;

namespace CrisisComms.Storage.Redis;

/// <summary>
/// Retention's deletes, one script per purge (Scripts/PurgeIncident.lua): the incident's notice
/// hashes and every index naming them go, and the <c>incident.purged</c> entry is appended in the
/// same script, chained here on the head the script checks, as a save does.
/// </summary>
public sealed class RedisRetentionStore(IConnectionMultiplexer redis, string keyPrefix = RedisKeys.DefaultPrefix) : IRetentionStore
{
    private const int AuditAttempts = 100;
    private readonly RedisKeys _keys = new(keyPrefix);
    private readonly RedisAuditLog _audit = new(redis, new RedisKeys(keyPrefix));

    private IDatabase Db => redis.GetDatabase();

    public Task<IReadOnlyList<Notice>> ListNoticesOfEndingIncidentsAsync(CancellationToken ct = default) => RedisErrors.Guard(async () =>
    {
        var flat = (RedisResult[])(await Db.ScriptEvaluateAsync(RedisScripts.ListEndingIncidents, values: [_keys.Prefix]).WaitAsync(ct))!;
        var found = new List<Notice>(flat.Length / 2);
        for (var i = 0; i < flat.Length; i += 2)
        {
            var notice = StoredJson.DeserializeNotice((string)flat[i]!);
            notice.RowVersion = (long)flat[i + 1];
            found.Add(notice);
        }
        return (IReadOnlyList<Notice>)found;
    });

    public Task<bool> PurgeAsync(IncidentPurge purge, CancellationToken ct = default) => RedisErrors.Guard(async () =>
    {
        ct.ThrowIfCancellationRequested();
        for (var attempt = 1; ; attempt++)
        {
            var head = await _audit.ReadHeadAsync();
            if (head.Unchained)
            {
                await _audit.ChainUnhashedLogAsync(head);
                continue;
            }
            var entry = AuditChain.Extend(head.Head, [purge.Entry])[0];
            var args = new List<RedisValue>
            {
                _keys.Prefix, purge.IncidentId, head.StoredSequence, head.StoredHash,
                entry.Sequence, entry.Hash, entry.Actor, entry.At.ToUnixTimeMilliseconds(), StoredJson.Serialize(entry),
                purge.Notices.Count,
            };
            foreach (var notice in purge.Notices) args.AddRange([notice.Id, notice.RowVersion]);
            var result = (RedisResult[])(await Db.ScriptEvaluateAsync(RedisScripts.PurgeIncident, values: [.. args]))!;
            switch ((string?)result[0])
            {
                case "ok": return true;
                case "gone": return false;
                case "audit-moved" when attempt < AuditAttempts: continue;
                default: throw new StoreUnavailableException("The audit log moved under every attempt to append to it; nothing was purged.");
            }
        }
    });
}
