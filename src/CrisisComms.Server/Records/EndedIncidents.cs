using CrisisComms.Domain.Notices;
using CrisisComms.Domain.Storage;

namespace CrisisComms.Server.Records;

/// <summary>One ended incident as the archive list shows it.</summary>
public sealed record EndedIncidentResponse(string IncidentId, string Headline, NoticeState State, DateTimeOffset EndedAt, int Versions, string File);

/// <summary>
/// The incidents that are over (withdrawn, expired or closed, and nothing live or waiting): the ones
/// whose archive is final. Newest end first.
/// </summary>
internal static class EndedIncidents
{
    /// <summary>Far more than a municipality ends in its lifetime; the list is read once per request.</summary>
    private const int MaxNotices = 100_000;

    private static readonly NoticeState[] EndStates = [NoticeState.Withdrawn, NoticeState.Expired, NoticeState.Closed];

    public static async Task<IReadOnlyList<EndedIncidentResponse>> ListAsync(INoticeStore store, DateTimeOffset? endedBefore, CancellationToken ct)
    {
        var ids = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var state in EndStates)
            foreach (var notice in await store.ListAsync(new NoticeQuery(State: state, Limit: MaxNotices), ct))
                ids.Add(notice.IncidentId);
        var ended = new List<EndedIncidentResponse>();
        foreach (var id in ids)
        {
            var versions = await store.ListAsync(new NoticeQuery(IncidentId: id, Limit: MaxNotices), ct);
            if (!ArchivedIncident.Ended(versions)) continue;
            var endedAt = versions.Max(n => n.EndedAt)!.Value;
            if (endedBefore is { } before && endedAt >= before) continue;
            var first = versions.MinBy(n => n.Version)!;
            var last = versions.Where(n => n.IsEnded).MaxBy(n => n.Version)!;
            ended.Add(new EndedIncidentResponse(id, first.Draft.Primary.Headline, last.State, endedAt, versions.Count, IncidentArchive.FileNameOf(id)));
        }
        return [.. ended.OrderByDescending(e => e.EndedAt).ThenBy(e => e.IncidentId, StringComparer.Ordinal)];
    }
}
