using CrisisComms.Domain.Audit;
using CrisisComms.Domain.Feeds;
using CrisisComms.Domain.Notices;
using CrisisComms.Domain.Records;
using CrisisComms.Domain.Storage;

namespace CrisisComms.Server.Records;

/// <summary>Everything stored about one incident, read once for its archive.</summary>
internal sealed record ArchivedIncident(
    string IncidentId,
    IReadOnlyList<Notice> Versions,
    IReadOnlyList<AuditEntry> Audit,
    IReadOnlyList<CapMessage> CapMessages)
{
    private const int MaxVersions = 1000;

    /// <summary>Ended as retention judges it (<see cref="EndedIncident"/>): one rule for both.</summary>
    public bool IsEnded => Ended(Versions);

    /// <summary>When it ended; null while it is not over.</summary>
    public DateTimeOffset? EndedAt => EndedIncident.Of(Versions)?.EndedAt;

    /// <summary>The state the incident ended in (the newest ended version's), or its newest version's.</summary>
    public NoticeState State =>
        (Versions.Where(n => n.IsEnded).MaxBy(n => n.Version) ?? Versions.MaxBy(n => n.Version)!).State;

    /// <summary>
    /// The moment the package is stamped with (zip entry times): the end for an ended incident, else
    /// the last change, so the same stored incident always gives the same bytes.
    /// </summary>
    public DateTimeOffset StampedAt => EndedAt ?? Versions.Max(n => n.UpdatedAt);

    public static bool Ended(IReadOnlyList<Notice> versions) => EndedIncident.Of(versions) is not null;

    public static async Task<ArchivedIncident?> LoadAsync(INoticeStore store, string incidentId, string domain, CancellationToken ct)
    {
        var versions = (await store.ListAsync(new NoticeQuery(IncidentId: incidentId, Limit: MaxVersions), ct))
            .OrderBy(n => n.Version).ToList();
        if (versions.Count == 0) return null;
        var audit = await ReadAuditAsync(store, incidentId, ct);
        var messages = versions.Any(n => n.Source == Domain.Banners.BannerSource.Own && n.Draft.Audience == Audience.Everyone)
            ? Domain.Feeds.CapMessages.Of(versions, domain) : [];
        return new ArchivedIncident(incidentId, versions, audit, messages);
    }

    /// <summary>The incident's audit entries oldest first, read a page at a time.</summary>
    private static async Task<IReadOnlyList<AuditEntry>> ReadAuditAsync(INoticeStore store, string incidentId, CancellationToken ct)
    {
        var entries = new List<AuditEntry>();
        long? before = null;
        while (true)
        {
            var page = await store.ListAuditAsync(new AuditQuery(IncidentId: incidentId, Limit: AuditQuery.MaxLimit) { Before = before }, ct);
            entries.AddRange(page);
            if (page.Count < AuditQuery.MaxLimit) break;
            before = page[^1].Sequence;
        }
        entries.Reverse();
        return entries;
    }
}
