using CrisisComms.Domain.Audit;
using CrisisComms.Domain.Notices;
using CrisisComms.Domain.Storage;
using StackExchange.Redis;

namespace CrisisComms.Storage.Redis;

/// <summary>The ARGV of Scripts/Save.lua for one change set, in the order that script reads them.</summary>
internal static class SaveArguments
{
    /// <param name="head">The audit head as read (<see cref="RedisAuditHead"/>); <paramref name="audit"/> is chained on it.</param>
    /// <param name="candidates">What the candidates of the change set's incidents were when read (<see cref="RedisBannerCandidates"/>).</param>
    public static RedisValue[] For(string prefix, ChangeSet changes, RedisAuditHead head, IReadOnlyList<AuditEntry> audit,
        IReadOnlyList<Notice> candidates)
    {
        var banner = RedisBannerCandidates.Decide(changes.Notices, candidates);
        var args = new List<RedisValue>(8 + changes.Notices.Count * 10 + audit.Count * 7 + changes.Accounts.Count * 3 + changes.Documents.Count * 5)
        {
            prefix, changes.Notices.Count, audit.Count, changes.BannersChanged ? 1 : 0, changes.Accounts.Count,
            head.StoredSequence, head.StoredHash, changes.Documents.Count,
        };
        foreach (var notice in changes.Notices)
        {
            var expected = notice.RowVersion;
            args.Add(notice.Id);
            args.Add(expected);
            args.Add(expected + 1);
            args.Add(notice.IncidentId);
            args.Add(notice.State.ToCamelCase());
            args.Add(notice.CreatedAt.ToUnixTimeMilliseconds());
            args.Add(notice.NextDueAt is { } due ? due.ToUnixTimeMilliseconds() : RedisValue.EmptyString);
            args.Add(banner.Flags[notice.Id]);
            args.Add(DocumentAt(notice, expected + 1));
            args.Add(notice.IsEnded && notice.EndedAt is { } ended ? ended.ToUnixTimeMilliseconds() : RedisValue.EmptyString);
        }
        foreach (var entry in audit)
        {
            args.Add(entry.Sequence);
            args.Add(entry.Hash);
            args.Add(entry.NoticeId ?? RedisValue.EmptyString);
            args.Add(entry.IncidentId ?? RedisValue.EmptyString);
            args.Add(entry.Actor);
            args.Add(entry.At.ToUnixTimeMilliseconds());
            args.Add(StoredJson.Serialize(entry));
        }
        foreach (var account in changes.Accounts)
        {
            args.Add(account.Name);
            args.Add(account.Revision);
            args.Add(StoredJson.Serialize(account with { Revision = account.Revision + 1 }));
        }
        foreach (var document in changes.Documents)
        {
            args.Add(document.Kind);
            args.Add(document.Key);
            args.Add(document.Revision);
            args.Add(document.Deleted ? 1 : 0);
            args.Add(document.Json);
        }
        foreach (var id in banner.Leaving) args.Add(id);
        return [.. args];
    }

    // The document carries the row version it is stored under, as in SQLite, but the caller's
    // object only takes it once the script has succeeded.
    private static string DocumentAt(Notice notice, long version)
    {
        var held = notice.RowVersion;
        notice.RowVersion = version;
        try
        {
            return StoredJson.Serialize(notice);
        }
        finally
        {
            notice.RowVersion = held;
        }
    }
}
