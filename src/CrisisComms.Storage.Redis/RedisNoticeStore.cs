using CrisisComms.Domain.Audit;
using CrisisComms.Domain.Notices;
using CrisisComms.Domain.Storage;
using StackExchange.Redis;

namespace CrisisComms.Storage.Redis;

/// <summary>
/// Notices in Redis, as the same JSON documents SQLite stores, with the indexes kept beside them by
/// Lua scripts: a script runs in isolation, so a save and its indexes, audit entries and banner
/// revision change together, and a read sees an index and the documents it points to as one.
/// </summary>
public sealed class RedisNoticeStore(IConnectionMultiplexer redis, string keyPrefix = RedisKeys.DefaultPrefix) : INoticeStore
{
    private static readonly RedisValue[] NoticeFields = ["doc", "rowVersion"];
    // A save retries on a moved audit head this many times; each retry means another writer succeeded.
    private const int AuditAttempts = 100;
    private readonly RedisKeys _keys = new(keyPrefix);
    private readonly RedisAuditLog _audit = new(redis, new RedisKeys(keyPrefix));
    private readonly RedisBannerCandidates _candidates = new(redis, new RedisKeys(keyPrefix));

    private IDatabase Db => redis.GetDatabase();

    public Task<Notice?> GetAsync(string id, CancellationToken ct = default) => RedisErrors.Guard(async () =>
    {
        var found = await Db.HashGetAsync(_keys.Notice(id), NoticeFields).WaitAsync(ct);
        return found[0].IsNull ? null : Read(found[0], found[1]);
    });

    public async Task<IReadOnlyList<Notice>> ListAsync(NoticeQuery query, CancellationToken ct = default)
    {
        if (query.EndedAfter is not null) await RedisErrors.Guard(() => _candidates.MigrateAsync(this, ct));
        return await ListNoticesAsync(RedisScripts.ListNotices, ct,
            query.State?.ToCamelCase() ?? "", query.IncidentId ?? "", Limit(query.Limit), query.Before ?? "",
            query.EndedAfter is { } after ? after.ToUnixTimeMilliseconds() : "");
    }

    public Task<IReadOnlyList<Notice>> ListDueAsync(DateTimeOffset now, CancellationToken ct = default) =>
        ListNoticesAsync(RedisScripts.ListDue, ct, now.ToUnixTimeMilliseconds());

    public Task<IReadOnlyList<(string Id, DateTimeOffset DueAt)>> ListUpcomingAsync(CancellationToken ct = default) =>
        RedisErrors.Guard(async () =>
        {
            var due = await Db.SortedSetRangeByRankWithScoresAsync(_keys.Due).WaitAsync(ct);
            return (IReadOnlyList<(string, DateTimeOffset)>)due
                .Select(e => ((string)e.Element!, DateTimeOffset.FromUnixTimeMilliseconds((long)e.Score)))
                .ToList();
        });

    public async Task<IReadOnlyList<Notice>> ListBannerCandidatesAsync(CancellationToken ct = default)
    {
        await RedisErrors.Guard(() => _candidates.MigrateAsync(this, ct));
        return await ListNoticesAsync(RedisScripts.ListBannerCandidates, ct);
    }

    public Task<long> GetBannerRevisionAsync(CancellationToken ct = default) => RedisErrors.Guard(async () =>
    {
        var stored = await Db.StringGetAsync(_keys.BannerRevision).WaitAsync(ct);
        return stored.IsNull ? 1 : (long)stored;
    });

    public Task SaveAsync(ChangeSet changes, CancellationToken ct = default) => RedisErrors.Guard(async () =>
    {
        // Not cancelled once sent: abandoning a write Redis may already have applied would leave
        // the caller's row versions behind the stored ones.
        ct.ThrowIfCancellationRequested();
        for (var attempt = 1; ; attempt++)
        {
            var head = changes.Audit.Count == 0 ? RedisAuditHead.NotRead : await _audit.ReadHeadAsync();
            if (head.Unchained)
            {
                await _audit.ChainUnhashedLogAsync(head);
                continue;
            }
            var audit = AuditChain.Extend(head.Head, changes.Audit);
            var candidates = await _candidates.OfIncidentsAsync(changes.Notices);
            var result = (RedisResult[])(await Db.ScriptEvaluateAsync(RedisScripts.Save,
                values: SaveArguments.For(_keys.Prefix, changes, head, audit, candidates)))!;
            switch ((string?)result[0])
            {
                case "conflict":
                    throw new ConcurrencyConflictException((string)result[1]!);
                case "account-conflict":
                    throw new AccountChangedException((string)result[1]!);
                case "document-conflict":
                    throw new DocumentChangedException((string)result[1]!, (string)result[2]!);
                case "audit-moved" when attempt < AuditAttempts:
                    continue;
                case "audit-moved":
                    throw new StoreUnavailableException("The audit log moved under every attempt to append to it; nothing was written.");
            }
            foreach (var notice in changes.Notices) notice.RowVersion++;
            return;
        }
    });

    public Task AppendAuditAsync(AuditEntry entry, CancellationToken ct = default) =>
        SaveAsync(new ChangeSet([], [entry], BannersChanged: false), ct);

    public Task<IReadOnlyList<AuditEntry>> ListAuditAsync(AuditQuery query, CancellationToken ct = default) =>
        RedisErrors.Guard(() => _audit.ListAsync(query, ct));

    public IAsyncEnumerable<AuditEntry> ReadAuditChainAsync(CancellationToken ct = default) => _audit.ReadChainAsync(ct);

    public Task<long> GetLastAuditSequenceAsync(CancellationToken ct = default) =>
        RedisErrors.Guard(() => _audit.LastSequenceAsync(ct));

    public Task PingAsync(CancellationToken ct = default) =>
        RedisErrors.Guard(() => Db.PingAsync().WaitAsync(ct));

    private Task<IReadOnlyList<Notice>> ListNoticesAsync(string script, CancellationToken ct, params RedisValue[] args) =>
        RedisErrors.Guard(async () =>
        {
            var flat = await EvaluateAsync(script, ct, args);
            return ReadAll(flat);
        });

    /// <summary>The notices of a script's flat pairs (doc, rowVersion).</summary>
    internal static IReadOnlyList<Notice> ReadAll(RedisResult[] flat)
    {
        var found = new List<Notice>(flat.Length / 2);
        for (var i = 0; i < flat.Length; i += 2) found.Add(Read((RedisValue)flat[i], (RedisValue)flat[i + 1]));
        return found;
    }

    private async Task<RedisResult[]> EvaluateAsync(string script, CancellationToken ct, params RedisValue[] args)
    {
        var result = await Db.ScriptEvaluateAsync(script, values: [_keys.Prefix, .. args]).WaitAsync(ct);
        return (RedisResult[])result!;
    }

    // SQLite's LIMIT: a negative limit means none.
    private static int Limit(int limit) => limit < 0 ? int.MaxValue : limit;

    private static Notice Read(RedisValue doc, RedisValue rowVersion)
    {
        var notice = StoredJson.DeserializeNotice(doc!);
        notice.RowVersion = (long)rowVersion;
        return notice;
    }
}
