using CrisisComms.Domain.Audit;
using CrisisComms.Domain.Dispatch;
using CrisisComms.Domain.Notices;

namespace CrisisComms.Server.Dispatch;

/// <summary>
/// Runs a notice's due banner stages, in order, and says so in the audit log and the log. Used by
/// approval (the intranet stage runs at once), release-next and the clock, so a stage runs the same
/// way whoever triggers it.
/// </summary>
internal sealed class StageProgress(DispatchTimings timings, ILogger<StageProgress> logger)
{
    public List<AuditEntry> AdvanceBannerStages(Notice notice, DateTimeOffset now)
    {
        var audit = new List<AuditEntry>();
        foreach (var name in new[] { Stage.Intranet, Stage.Public })
        {
            if (!notice.CompleteBannerStage(name, now, timings)) continue;
            audit.Add(new AuditEntry(now, Actor.System.Subject, AuditActions.StageDone, notice.Id, notice.IncidentId, Detail: name));
            var elapsed = now - (notice.ApprovedAt ?? now);
            logger.LogInformation("Stage {Stage} of {NoticeId} done {Elapsed} after approval", name, notice.Id, elapsed);
        }
        return audit;
    }
}
