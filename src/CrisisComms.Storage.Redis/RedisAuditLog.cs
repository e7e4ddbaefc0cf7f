using System.Runtime.CompilerServices;
using CrisisComms.Domain.Audit;
using CrisisComms.Domain.Storage;
using StackExchange.Redis;

namespace CrisisComms.Storage.Redis;

/// <summary>
/// Reading the audit log and its head. Lua in Redis has no SHA-256, so the hashes are computed
/// here, over the head read just before; Save.lua writes them only if that head is still the head.
/// </summary>
internal sealed class RedisAuditLog(IConnectionMultiplexer redis, RedisKeys keys)
{
    private const int Page = 500;

    private IDatabase Db => redis.GetDatabase();

    public async Task<RedisAuditHead> ReadHeadAsync()
    {
        var stored = await Db.StringGetAsync([keys.AuditSeq, keys.AuditHash]);
        return new RedisAuditHead(stored[0].IsNull ? "" : (string)stored[0]!, stored[1].IsNull ? "" : (string)stored[1]!);
    }

    public async Task<long> LastSequenceAsync(CancellationToken ct)
    {
        var stored = await Db.StringGetAsync(keys.AuditSeq).WaitAsync(ct);
        return stored.IsNull ? 0 : (long)stored;
    }

    public async Task<IReadOnlyList<AuditEntry>> ListAsync(AuditQuery query, CancellationToken ct)
    {
        var flat = await EvaluateAsync(RedisScripts.ListAudit, ct,
            query.NoticeId ?? "", query.IncidentId ?? "", query.Actor ?? "",
            Millis(query.From), Millis(query.To), query.Before?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
            query.Limit < 0 ? int.MaxValue : query.Limit);
        var found = new List<AuditEntry>(flat.Length / 2);
        for (var i = 0; i < flat.Length; i += 2) found.Add(Read((long)flat[i], (string)flat[i + 1]!));
        return found;
    }

    /// <summary>Oldest first; a log from before the hash chain is chained first, as a save would.</summary>
    public async IAsyncEnumerable<AuditEntry> ReadChainAsync([EnumeratorCancellation] CancellationToken ct)
    {
        var head = await RedisErrors.Guard(ReadHeadAsync);
        if (head.Unchained) await RedisErrors.Guard(() => ChainUnhashedLogAsync(head));
        for (var after = 0L; ; )
        {
            var flat = await RedisErrors.Guard(() => EvaluateAsync(RedisScripts.ReadAuditChain, ct, after, Page));
            for (var i = 0; i < flat.Length; i += 2)
            {
                after = (long)flat[i];
                // A document removed from under its index is skipped: the gap it leaves is what verification reports.
                if ((string)flat[i + 1]! is { Length: > 0 } doc) yield return Read(after, doc);
            }
            if (flat.Length < Page * 2) yield break;
        }
    }

    /// <summary>
    /// Chains a log written before the hash chain, oldest first from <see cref="AuditChain.Genesis"/>,
    /// a page at a time; the last page sets audit:hash, and from then on every save extends the chain.
    /// </summary>
    public async Task ChainUnhashedLogAsync(RedisAuditHead head)
    {
        var previous = AuditChain.Genesis;
        for (var after = 0L; ; )
        {
            var flat = await EvaluateAsync(RedisScripts.ReadAuditChain, CancellationToken.None, after, Page);
            var args = new List<RedisValue> { keys.Prefix, head.StoredSequence, flat.Length < Page * 2 ? 1 : 0, "" };
            for (var i = 0; i < flat.Length; i += 2)
            {
                after = (long)flat[i];
                if ((string)flat[i + 1]! is not { Length: > 0 } doc) continue;
                var entry = Read(after, doc) with { Hash = null };
                previous = AuditChain.HashOf(entry, previous);
                args.AddRange([after, entry.Actor, entry.At.ToUnixTimeMilliseconds(), StoredJson.Serialize(entry with { Hash = previous })]);
            }
            args[3] = previous;
            var result = (string?)await Db.ScriptEvaluateAsync(RedisScripts.ChainUnhashedLog, values: [.. args]);
            if (result == "moved" || flat.Length < Page * 2) return;
        }
    }

    private static AuditEntry Read(long seq, string doc) => StoredJson.DeserializeAudit(doc) with { Sequence = seq };

    private static RedisValue Millis(DateTimeOffset? at) => at is { } value ? value.ToUnixTimeMilliseconds() : RedisValue.EmptyString;

    private async Task<RedisResult[]> EvaluateAsync(string script, CancellationToken ct, params RedisValue[] args)
    {
        var result = await Db.ScriptEvaluateAsync(script, values: [keys.Prefix, .. args]).WaitAsync(ct);
        return (RedisResult[])result!;
    }
}
