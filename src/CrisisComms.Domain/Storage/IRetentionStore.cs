using CrisisComms.Domain.Audit;
using CrisisComms.Domain.Notices;

namespace CrisisComms.Domain.Storage;

/// <summary>
/// Where retention removes what has passed its period. The audit log is never touched except to
/// append the one entry that records a purge, in the same atomic write as the deletion.
/// </summary>
public interface IRetentionStore
{
    /// <summary>Every notice of every incident that has at least one withdrawn, expired or closed notice.</summary>
    Task<IReadOnlyList<Notice>> ListNoticesOfEndingIncidentsAsync(CancellationToken ct = default);

    /// <summary>
    /// Deletes the incident's notices and their stages, and appends <see cref="IncidentPurge.Entry"/>
    /// to the audit chain, all or nothing. Only when the incident still has exactly those notices, each
    /// at the <see cref="Notice.RowVersion"/> given; otherwise (changed since, or purged already by
    /// another node) it writes nothing and returns false.
    /// </summary>
    Task<bool> PurgeAsync(IncidentPurge purge, CancellationToken ct = default);
}

public sealed record IncidentPurge(string IncidentId, IReadOnlyList<Notice> Notices, AuditEntry Entry);
