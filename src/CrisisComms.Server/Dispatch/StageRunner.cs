using CrisisComms.Domain.Audit;
using CrisisComms.Domain.Dispatch;
using CrisisComms.Domain.Notices;
using CrisisComms.Domain.Storage;
using CrisisComms.Server.Banners;
using CrisisComms.Server.Notices;

namespace CrisisComms.Server.Dispatch;

/// <summary>
/// Does whatever is due: banner stages, expiry, the close of an all-clear, social posts. Every change
/// is a conditional write on the notice's row version, so when several nodes (or a restarted one)
/// look at the same notice, exactly one of them acts and the others find nothing left to do.
/// </summary>
internal sealed class StageRunner(
    INoticeStore store,
    TimeProvider time,
    StageProgress progress,
    SocialStageRunner social,
    BannerFeed feed,
    DispatchClock clock,
    NoticeChanges changes,
    ILogger<StageRunner> logger)
{
    public async Task RunDueAsync(CancellationToken ct)
    {
        IReadOnlyList<Notice> due;
        try
        {
            due = await store.ListDueAsync(time.GetUtcNow(), ct);
        }
        catch (StoreUnavailableException e)
        {
            logger.LogWarning("Dispatch paused, the store is unavailable: {Error}", e.Message);
            return;
        }
        var bannersChanged = false;
        var saved = new List<Notice>();
        foreach (var notice in due)
        {
            try
            {
                if (await AdvanceAsync(notice.Id, ct) is not { } advanced) continue;
                saved.Add(advanced.Notice);
                bannersChanged |= advanced.BannersChanged;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Dispatch of {NoticeId} failed; the next sweep tries again", notice.Id);
            }
        }
        if (bannersChanged) await feed.PublishChangeAsync(ct);
        // The banners first: the officers' consoles can wait the moment it takes.
        if (saved.Count > 0) await changes.PublishAsync(saved);
    }

    /// <summary>What was saved, or null when there was nothing to do.</summary>
    private async Task<(Notice Notice, bool BannersChanged)?> AdvanceAsync(string id, CancellationToken ct)
    {
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var notice = await store.GetAsync(id, ct);
            if (notice is null) return null;
            var now = time.GetUtcNow();
            var audit = new List<AuditEntry>();
            if (notice.ExpireIfDue(now)) audit.Add(SystemAudit(AuditActions.Expired, notice, now));
            else if (notice.CloseIfDue(now)) audit.Add(SystemAudit(AuditActions.Closed, notice, now));
            else audit.AddRange(progress.AdvanceBannerStages(notice, now));
            var claimed = social.ClaimDue(notice, now, audit);
            if (audit.Count == 0) return null; // every change, claims included, leaves an audit line
            try
            {
                var bannersChanged = audit.Any(ChangesBanners);
                await store.SaveAsync(new ChangeSet([notice], audit, bannersChanged), ct);
                progress.LogCompleted([notice], audit);
                clock.WakeAt(notice.NextDueAt);
                if (claimed.Count > 0) social.Start(notice, claimed);
                return (notice, bannersChanged);
            }
            catch (ConcurrencyConflictException)
            {
                // Another node or request got there first; look again at what is left.
            }
        }
        return null;
    }

    private static bool ChangesBanners(AuditEntry a) =>
        a.Action is AuditActions.Expired or AuditActions.Closed
        || a.Action == AuditActions.StageDone && a.Detail is Stage.Intranet or Stage.Public;

    private static AuditEntry SystemAudit(string action, Notice notice, DateTimeOffset now) =>
        new(now, Actor.System.Subject, action, notice.Id, notice.IncidentId);
}
