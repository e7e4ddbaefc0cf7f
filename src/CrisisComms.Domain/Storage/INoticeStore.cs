using CrisisComms.Domain.Accounts;
using CrisisComms.Domain.Audit;
using CrisisComms.Domain.Notices;

namespace CrisisComms.Domain.Storage;

/// <summary>
/// Where notices, their stages and the audit log live. Every implementation (SQLite, Redis) passes
/// the same contract tests. A save is all or nothing: the notices, the audit entries and the
/// banner revision change together or not at all.
/// </summary>
public interface INoticeStore
{
    Task<Notice?> GetAsync(string id, CancellationToken ct = default);

    /// <summary>Newest first.</summary>
    Task<IReadOnlyList<Notice>> ListAsync(NoticeQuery query, CancellationToken ct = default);

    /// <summary>Notices whose <see cref="Notice.NextDueAt"/> is at or before <paramref name="now"/>.</summary>
    Task<IReadOnlyList<Notice>> ListDueAsync(DateTimeOffset now, CancellationToken ct = default);

    /// <summary>Notices with a moment ahead of them (<see cref="Notice.NextDueAt"/> set), to wake the clock.</summary>
    Task<IReadOnlyList<(string Id, DateTimeOffset DueAt)>> ListUpcomingAsync(CancellationToken ct = default);

    /// <summary>Everything a banner can be made of (<see cref="Banners.BannerCandidates"/>): live notices and the superseded versions still needed.</summary>
    Task<IReadOnlyList<Notice>> ListBannerCandidatesAsync(CancellationToken ct = default);

    Task<long> GetBannerRevisionAsync(CancellationToken ct = default);

    /// <summary>
    /// Saves atomically. A notice with RowVersion 0 is inserted; any other is saved only if the stored
    /// RowVersion is unchanged, else <see cref="ConcurrencyConflictException"/> and nothing is written.
    /// On success each saved notice's RowVersion is advanced; the store numbers and chains the audit entries
    /// (<see cref="AuditChain"/>) in the same write (read them back to see the numbers).
    /// </summary>
    Task SaveAsync(ChangeSet changes, CancellationToken ct = default);

    Task AppendAuditAsync(AuditEntry entry, CancellationToken ct = default);

    /// <summary>Newest first, at most <see cref="AuditQuery.Limit"/>, only entries before <see cref="AuditQuery.Before"/>.</summary>
    Task<IReadOnlyList<AuditEntry>> ListAuditAsync(AuditQuery query, CancellationToken ct = default);

    /// <summary>Every entry, oldest first, read a page at a time, with each entry's stored sequence and hash.</summary>
    IAsyncEnumerable<AuditEntry> ReadAuditChainAsync(CancellationToken ct = default);

    /// <summary>The last sequence number the store handed out (0 when the log is empty).</summary>
    Task<long> GetLastAuditSequenceAsync(CancellationToken ct = default);

    /// <summary>Throws when the store cannot be reached.</summary>
    Task PingAsync(CancellationToken ct = default);
}

/// <summary>
/// Notices newest first (created at, then id, both descending), at most <see cref="Limit"/> (a
/// negative limit means none). <see cref="Before"/> pages by keyset: only the notices after that
/// notice in this order, so a page never moves when newer notices are created (none when no notice
/// has that id). <see cref="EndedAfter"/> keeps only notices that ended (withdrawn, expired,
/// closed) after that moment, read from an index of ending times rather than the whole history.
/// </summary>
public sealed record NoticeQuery(NoticeState? State = null, string? IncidentId = null, int Limit = 200)
{
    /// <summary>The API's page: <c>GET /api/v1/notices?limit=</c> defaults to this, and allows at most <see cref="MaxPageLimit"/>.</summary>
    public const int DefaultPageLimit = 100;
    public const int MaxPageLimit = 500;

    public string? Before { get; init; }
    public DateTimeOffset? EndedAfter { get; init; }
}

/// <summary>
/// A page of the audit log: newest first, entries with a sequence below <see cref="Before"/> (keyset
/// paging: pass the last sequence of a page to get the next), filtered by notice, incident, actor
/// and time (<see cref="From"/> inclusive, <see cref="To"/> exclusive).
/// </summary>
public sealed record AuditQuery(string? NoticeId = null, string? IncidentId = null, int Limit = AuditQuery.DefaultLimit)
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    public long? Before { get; init; }
    public string? Actor { get; init; }
    public DateTimeOffset? From { get; init; }
    public DateTimeOffset? To { get; init; }
}

/// <summary>One atomic write.</summary>
public sealed record ChangeSet(IReadOnlyList<Notice> Notices, IReadOnlyList<AuditEntry> Audit, bool BannersChanged)
{
    /// <summary>
    /// Accounts written in the same write as their audit entries: each is saved only over the
    /// <see cref="Account.Revision"/> it was read at (0: a new account), and stored one revision on.
    /// </summary>
    public IReadOnlyList<Account> Accounts { get; init; } = [];

    /// <summary>
    /// Documents written (or, <see cref="StoredDocument.Deleted"/>, removed) in the same write as
    /// their audit entries: each only over the <see cref="StoredDocument.Revision"/> it was read at
    /// (0: it must not exist yet), stored one revision on; otherwise
    /// <see cref="DocumentChangedException"/> and nothing is written.
    /// </summary>
    public IReadOnlyList<StoredDocument> Documents { get; init; } = [];
}

public sealed class ConcurrencyConflictException(string noticeId)
    : Exception($"Notice {noticeId} was changed by someone else; reload and try again.")
{
    public string NoticeId { get; } = noticeId;
}

/// <summary>The account was saved by someone else since it was read; nothing was written. Read it again and decide again.</summary>
public sealed class AccountChangedException(string name)
    : Exception($"Account {name} was changed by someone else; reload and try again.")
{
    public string Name { get; } = name;
}

/// <summary>The store cannot be reached; callers answer 503 and nothing was written.</summary>
public sealed class StoreUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
