using CrisisComms.Domain.Audit;
using CrisisComms.Domain.Dispatch;
using CrisisComms.Domain.Notices;
using CrisisComms.Server.Metrics;

namespace CrisisComms.Server.Dispatch;

/// <summary>
/// Runs a notice's due banner stages, in order, and says so in the audit log and the log. Used by
/// approval (the intranet stage runs at once), release-next and the clock, so a stage runs the same
/// way whoever triggers it.
/// </summary>
internal sealed class StageProgress(DispatchTimings timings, CrisisMetrics metrics, ILogger<StageProgress> logger)
{
    public List<AuditEntry> AdvanceBannerStages(Notice notice, DateTimeOffset now)
    {
        var audit = new List<AuditEntry>();
        foreach (var name in new[] { Stage.Intranet, Stage.Public })
        {
            if (!notice.CompleteBannerStage(name, now, timings)) continue;
            audit.Add(new AuditEntry(now, Actor.System.Subject, AuditActions.StageDone, notice.Id, notice.IncidentId, Detail: name));
        }
        return audit;
    }

    /// <summary>
    /// Logs the banner stages a change completed, and how long after approval. Called once the
    /// change is saved: a node that decided the same stage but lost the write to another logs nothing.
    /// </summary>
    public void LogCompleted(IReadOnlyList<Notice> notices, IReadOnlyList<AuditEntry> saved)
    {
        metrics.StagesSaved(notices, saved);
        foreach (var entry in saved)
        {
            if (entry.Action != AuditActions.StageDone || entry.Detail is not (Stage.Intranet or Stage.Public)) continue;
            var notice = notices.FirstOrDefault(n => n.Id == entry.NoticeId);
            var elapsed = entry.At - (notice?.ApprovedAt ?? entry.At);
            logger.LogInformation("Stage {Stage} of {NoticeId} done {Elapsed} after approval", entry.Detail, entry.NoticeId, elapsed);
        }
    }
}
