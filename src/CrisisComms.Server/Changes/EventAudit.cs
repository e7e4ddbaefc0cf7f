using CrisisComms.Domain.Audit;
using CrisisComms.Domain.Notices;

namespace CrisisComms.Server.Changes;

/// <summary>The audit lines a change writes, derived from its events; written, never read back to decide.</summary>
internal static class EventAudit
{
    public static IReadOnlyList<AuditEntry> For(Decision decision)
    {
        var audit = new List<AuditEntry>();
        foreach (var e in decision.Events)
        {
            var notice = decision.Notices.First(n => n.Id == e.NoticeId);
            var actor = e is StageEvent or NoticeExpired or NoticeClosed ? Actor.System.Subject : decision.By.Subject;
            AuditEntry Entry(string action, string? reason = null, string? detail = null) =>
                new(e.At, actor, action, notice.Id, notice.IncidentId, reason, detail);
            AuditEntry? entry = e switch
            {
                NoticeCreated c => Entry(AuditActions.Created, detail: c.Kind == NoticeKind.Alert ? null : $"{c.Kind.ToCamelCase()} v{c.Version}"),
                NoticeEdited => Entry(AuditActions.Edited),
                NoticeSubmitted => Entry(AuditActions.Submitted),
                NoticeSubmissionRetracted => Entry(AuditActions.SubmissionRetracted),
                NoticeApproved a => Entry(a.BreakGlass ? AuditActions.ApprovedBreakGlass : AuditActions.Approved, a.Reason),
                NoticeRejected r => Entry(AuditActions.Rejected, r.Reason),
                NoticeWithdrawn w => Entry(AuditActions.Withdrawn, w.Reason),
                NoticeSuperseded s => Entry(AuditActions.Superseded, detail: $"by v{s.ByVersion} ({s.ByNoticeId})"),
                NoticeExpired => Entry(AuditActions.Expired),
                NoticeClosed => Entry(AuditActions.Closed),
                StagesReleased r => Entry(AuditActions.ReleasedNext, detail: string.Join(", ", r.Stages)),
                StageCompleted s => Entry(AuditActions.StageDone, detail: s.Stage),
                PostClaimed p => Entry(AuditActions.StageAttempt, detail: $"{p.Stage} attempt {p.Attempt}"),
                DeleteClaimed d => Entry(AuditActions.StageAttempt, detail: $"{d.Stage} delete {d.ExternalId}"),
                LatePostRecorded l => Entry(AuditActions.StageDone, "posted while being withdrawn; to be deleted", l.Stage),
                StageFailed f => Entry(AuditActions.StageFailed, f.Error, f.Stage),
                StageSkipped s => Entry(AuditActions.StageSkipped, s.Reason, s.Stage),
                PostDeleted d => Entry(AuditActions.StageRetracted, $"deleted {d.ExternalId}", d.Stage),
                DeleteFailed f => Entry(AuditActions.StageFailed, $"delete failed: {f.Error}", f.Stage),
                _ => null, // retries and deletions falling due are on the stage itself
            };
            if (entry is not null) audit.Add(entry);
        }
        return audit;
    }
}
