using CrisisComms.Domain.Audit;
using CrisisComms.Domain.Notices;
using CrisisComms.Domain.Storage;

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

            notice.Approve(actor, breakGlass, reason, now, timings, _channelsOn);
            var action = breakGlass ? AuditActions.ApprovedBreakGlass : AuditActions.Approved;
            var audit = new List<AuditEntry> { Audit(actor, action, notice, now, reason) };
            var changed = new List<Notice> { notice };
            foreach (var older in incident.Where(n => n.State == NoticeState.Live && n.Id != notice.Id))
            {
                older.Supersede(now);
                changed.Add(older);
                audit.Add(Audit(actor, AuditActions.Superseded, older, now, detail: $"by v{notice.Version} ({notice.Id})"));
            }
            audit.AddRange(progress.AdvanceBannerStages(notice, now));
            return new Change(changed, audit, BannersChanged: true);
        }, ct);

    public Task<Notice> RejectAsync(string id, Actor actor, string? reason, IfMatch? ifMatch, CancellationToken ct) =>
        ChangeAsync(id, ifMatch, (notice, now) =>
        {
            notice.Reject(actor, reason ?? "", now);
            return new Change([notice], [Audit(actor, AuditActions.Rejected, notice, now, notice.Reason)], false);
        }, ct);

    public Task<Notice> ReleaseNextAsync(string id, Actor actor, IfMatch? ifMatch, CancellationToken ct) =>
        ChangeAsync(id, ifMatch, (notice, now) =>
        {
            var released = notice.ReleaseNext(actor, now);
            var audit = new List<AuditEntry>
            {
                Audit(actor, AuditActions.ReleasedNext, notice, now, detail: string.Join(", ", released.Select(s => s.Name))),
            };
            audit.AddRange(progress.AdvanceBannerStages(notice, now));
            return new Change([notice], audit, BannersChanged: audit.Count > 1);
        }, ct);

    /// <summary>
    /// Withdrawal takes the incident's banners down everywhere in one write, and marks every post
    /// the incident made (this version and the older ones) to be deleted by the clock.
    /// </summary>
    public Task<Notice> WithdrawAsync(string id, Actor actor, string? reason, IfMatch? ifMatch, CancellationToken ct) =>
        ChangeAsync(id, ifMatch, async (notice, now) =>
        {
            var wasLive = notice.State == NoticeState.Live;
            notice.Withdraw(actor, reason ?? "", now);
            var changed = new List<Notice> { notice };
            if (wasLive)
            {
                var incident = await store.ListAsync(new NoticeQuery(NoticeState.Superseded, notice.IncidentId, Limit: 1000), ct);
                changed.AddRange(incident.Where(older => older.RetractPosts(now)));
            }
            return new Change(changed, [Audit(actor, AuditActions.Withdrawn, notice, now, notice.Reason)], BannersChanged: wasLive);
        }, ct);
}
