using CrisisComms.Domain.Notices;
using CrisisComms.Domain.Storage;
using CrisisComms.Server.Changes;

namespace CrisisComms.Server.Notices;

/// <summary>Approval and what follows it: reject, release the next stage, withdraw.</summary>
internal sealed partial class NoticeService
{
    /// <summary>
    /// Approving makes the notice live and runs its intranet stage in the same write, so staff see
    /// it at once. An update or all-clear supersedes the incident's live version; the older one
    /// stays on each site until the newer one reaches it.
    /// </summary>
    public Task<Notice> ApproveAsync(string id, Actor actor, bool breakGlass, string? reason, IfMatch? ifMatch, CancellationToken ct) =>
        ChangeAsync(id, ifMatch, async (notice, now) =>
        {
            var incident = notice.Kind == NoticeKind.Alert
                ? []
                : await store.ListAsync(new NoticeQuery(IncidentId: notice.IncidentId, Limit: 1000), ct);
            RequireIncidentOpen(incident);
            if (incident.Any(n => n.Version > notice.Version && n.ApprovedAt is not null))
                throw new WrongStateException("A newer version of this incident is already out; approve that one's follow-ups instead.");

            var events = new List<NoticeEvent> { notice.Approve(actor, breakGlass, reason, now, timings, _channelsOn, _webhooks) };
            var changed = new List<Notice> { notice };
            foreach (var older in incident.Where(n => n.State == NoticeState.Live && n.Id != notice.Id))
            {
                events.Add(older.Supersede(now, by: notice));
                changed.Add(older);
            }
            events.AddRange(notice.AdvanceBannerStages(now, timings));
            return new Decision(changed, events, actor);
        }, ct);

    public Task<Notice> RejectAsync(string id, Actor actor, string? reason, IfMatch? ifMatch, CancellationToken ct) =>
        ChangeAsync(id, ifMatch, (notice, now) =>
            new Decision([notice], [notice.Reject(actor, reason ?? "", now)], actor), ct);

    public Task<Notice> ReleaseNextAsync(string id, Actor actor, IfMatch? ifMatch, CancellationToken ct) =>
        ChangeAsync(id, ifMatch, (notice, now) =>
            new Decision([notice], [notice.ReleaseNext(actor, now), .. notice.AdvanceBannerStages(now, timings)], actor), ct);

    /// <summary>
    /// Withdrawal takes the incident's banners down everywhere in one write, and marks every post
    /// the incident made (this version and the older ones) to be deleted by the clock.
    /// </summary>
    public Task<Notice> WithdrawAsync(string id, Actor actor, string? reason, IfMatch? ifMatch, CancellationToken ct) =>
        ChangeAsync(id, ifMatch, async (notice, now) =>
        {
            var wasLive = notice.State == NoticeState.Live;
            var events = new List<NoticeEvent>(notice.Withdraw(actor, reason ?? "", now));
            var changed = new List<Notice> { notice };
            if (wasLive)
            {
                var incident = await store.ListAsync(new NoticeQuery(NoticeState.Superseded, notice.IncidentId, Limit: 1000), ct);
                foreach (var older in incident)
                {
                    notice.TellEndToReceiversOf(older, now);
                    var due = older.RetractPosts(now);
                    if (due.Count == 0) continue;
                    changed.Add(older);
                    events.AddRange(due);
                }
            }
            return new Decision(changed, events, actor);
        }, ct);
}
