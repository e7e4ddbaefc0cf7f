using CrisisComms.Domain.Banners;
using CrisisComms.Domain.Notices;
using CrisisComms.Domain.Storage;
using StackExchange.Redis;

namespace CrisisComms.Storage.Redis;

/// <summary>
/// Keeps <c>notices:banner</c> to what <see cref="BannerCandidates"/> says some audience can still
/// show, and <c>notices:ended</c> (ending times) filled in. A save reads its incidents' candidates
/// first and Save.lua applies the decision with the notices. The read is outside the script, which
/// is safe because the rule only ever lets a superseded version go: the script adds only live
/// notices (and inserted ones), so a decision from a slightly older read removes nothing that
/// could still be shown and never brings back one that was removed.
/// </summary>
internal sealed class RedisBannerCandidates(IConnectionMultiplexer redis, RedisKeys keys)
{
    private const string Add = "1", Remove = "0", Leave = "";
    private const int Page = 500;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _migrated;

    /// <summary>The Save.lua flag of each saved notice, and the other candidates of its incident that leave the set.</summary>
    public static (Dictionary<string, RedisValue> Flags, List<string> Leaving) Decide(IReadOnlyList<Notice> saved, IReadOnlyList<Notice> stored)
    {
        var flags = new Dictionary<string, RedisValue>(StringComparer.Ordinal);
        var leaving = new List<string>();
        foreach (var incident in saved.GroupBy(n => n.IncidentId))
        {
            var changed = incident.ToDictionary(n => n.Id, StringComparer.Ordinal);
            var others = stored.Where(n => n.IncidentId == incident.Key && !changed.ContainsKey(n.Id)).ToList();
            List<Notice> versions = [.. others, .. changed.Values];
            foreach (var notice in changed.Values)
            {
                var keep = BannerCandidates.IsCandidate(notice, versions);
                flags[notice.Id] = !keep ? Remove : notice.State == NoticeState.Live || notice.RowVersion == 0 ? Add : Leave;
            }
            leaving.AddRange(others.Where(n => !BannerCandidates.IsCandidate(n, versions)).Select(n => n.Id));
        }
        return (flags, leaving);
    }

    /// <summary>The stored candidates of the incidents <paramref name="saved"/> belongs to.</summary>
    public async Task<IReadOnlyList<Notice>> OfIncidentsAsync(IReadOnlyList<Notice> saved)
    {
        if (saved.Count == 0) return [];
        RedisValue[] args = [keys.Prefix, .. saved.Select(n => (RedisValue)n.IncidentId).Distinct()];
        var flat = (RedisResult[])(await redis.GetDatabase().ScriptEvaluateAsync(RedisScripts.ListIncidentCandidates, values: args))!;
        return RedisNoticeStore.ReadAll(flat);
    }

    /// <summary>
    /// Once per deployment (a marker key), before the candidates or the ended index are first read:
    /// a store from before this rule has every superseded version in the set and no ending times.
    /// Each old candidate's incident is read once and the versions no audience can show leave; every
    /// ended notice gets its ending time. Two nodes doing it at once make the same removals.
    /// </summary>
    public async Task MigrateAsync(RedisNoticeStore store, CancellationToken ct)
    {
        if (Volatile.Read(ref _migrated)) return;
        await _gate.WaitAsync(ct);
        try
        {
            var db = redis.GetDatabase();
            if (_migrated || await db.StringGetAsync(keys.CandidateRule) == CurrentRule)
            {
                _migrated = true;
                return;
            }
            var members = await db.SetMembersAsync(keys.BannerCandidates);
            var incidents = new HashSet<string>(StringComparer.Ordinal);
            foreach (var id in members)
                if (await store.GetAsync(id!, ct) is { } notice) incidents.Add(notice.IncidentId);
            foreach (var incident in incidents)
            {
                var versions = await store.ListAsync(new NoticeQuery(IncidentId: incident, Limit: -1), ct);
                var gone = versions.Where(n => !BannerCandidates.IsCandidate(n, versions)).Select(n => (RedisValue)n.Id).ToArray();
                if (gone.Length > 0) await db.SetRemoveAsync(keys.BannerCandidates, gone);
            }
            foreach (var state in new[] { NoticeState.Withdrawn, NoticeState.Expired, NoticeState.Closed })
                await FillInEndedAsync(store, db, state, ct);
            await db.StringSetAsync(keys.CandidateRule, CurrentRule);
            _migrated = true;
        }
        finally
        {
            _gate.Release();
        }
    }

    private const string CurrentRule = "1";

    private async Task FillInEndedAsync(RedisNoticeStore store, IDatabase db, NoticeState state, CancellationToken ct)
    {
        string? before = null;
        while (true)
        {
            var page = await store.ListAsync(new NoticeQuery(state, Limit: Page) { Before = before }, ct);
            var ended = page.Where(n => n.EndedAt is not null)
                .Select(n => new SortedSetEntry(n.Id, n.EndedAt!.Value.ToUnixTimeMilliseconds())).ToArray();
            if (ended.Length > 0) await db.SortedSetAddAsync(keys.Ended, ended);
            if (page.Count < Page) return;
            before = page[^1].Id;
        }
    }
}
