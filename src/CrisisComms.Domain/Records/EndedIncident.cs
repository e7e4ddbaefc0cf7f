using CrisisComms.Domain.Notices;

namespace CrisisComms.Domain.Records;

/// <summary>
/// An incident that is over: none of its notices is live or waiting for approval, at least one
/// ended (withdrawn, expired, closed) and the clock has nothing left to do on any of them (a social
/// post still to be deleted keeps it). It ended when its last notice did. A draft left over (an
/// update never sent for approval) does not keep it open; it goes with the incident.
/// </summary>
public sealed record EndedIncident(string IncidentId, DateTimeOffset EndedAt, IReadOnlyList<Notice> Notices)
{
    /// <summary>The incident as ended, or null while it is not.</summary>
    public static EndedIncident? Of(IReadOnlyList<Notice> incident)
    {
        if (incident.Count == 0 || incident.Any(n => n.State is NoticeState.Live or NoticeState.PendingApproval || n.NextDueAt is not null))
            return null;
        var ended = incident.Where(n => n.IsEnded && n.EndedAt is not null).Select(n => n.EndedAt!.Value).ToList();
        return ended.Count == 0 ? null : new EndedIncident(incident[0].IncidentId, ended.Max(), incident);
    }

    /// <summary>Each ended incident among <paramref name="notices"/> (any order), oldest end first.</summary>
    public static IReadOnlyList<EndedIncident> Among(IEnumerable<Notice> notices) =>
        notices.GroupBy(n => n.IncidentId, StringComparer.Ordinal)
            .Select(g => Of([.. g.OrderBy(n => n.Version)]))
            .OfType<EndedIncident>()
            .OrderBy(i => i.EndedAt).ThenBy(i => i.IncidentId, StringComparer.Ordinal)
            .ToList();
}
