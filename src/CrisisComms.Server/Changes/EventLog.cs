using CrisisComms.Domain.Dispatch;
using CrisisComms.Domain.Notices;

namespace CrisisComms.Server.Changes;

/// <summary>
/// The log lines of a saved change, derived from its events. Written after the save: a node that
/// decided the same thing but lost the write to another logs nothing.
/// </summary>
internal sealed class EventLog(ILogger<EventLog> logger)
{
    public void Write(Decision decision)
    {
        foreach (var e in decision.Events)
        {
            switch (e)
            {
                case StageCompleted done:
                    var approvedAt = decision.Notices.First(n => n.Id == e.NoticeId).ApprovedAt ?? done.At;
                    logger.LogInformation("Stage {Stage} of {NoticeId} done {Elapsed} after approval", done.Stage, done.NoticeId, done.At - approvedAt);
                    break;
                case PostRetryScheduled retry:
                    logger.LogWarning("Stage {Stage} of {NoticeId} attempt {Attempt} failed: {Error}; next try at {RetryAt}",
                        retry.Stage, retry.NoticeId, retry.Attempt, retry.Error, retry.RetryAt);
                    break;
                case StageFailed failed:
                    logger.LogError("Stage {Stage} of {NoticeId} failed and needs a person: {Error}", failed.Stage, failed.NoticeId, failed.Error);
                    break;
                case StageSkipped skipped:
                    logger.LogWarning("Stage {Stage} of {NoticeId} skipped: {Reason}", skipped.Stage, skipped.NoticeId, skipped.Reason);
                    break;
                case LatePostRecorded late:
                    logger.LogWarning("Post {ExternalId} of {NoticeId} on {Stage} went out after the notice ended; it is to be deleted",
                        late.ExternalId, late.NoticeId, late.Stage);
                    break;
                case PostDeleted deleted:
                    logger.LogInformation("Post {ExternalId} of {NoticeId} on {Stage} deleted", deleted.ExternalId, deleted.NoticeId, deleted.Stage);
                    break;
                case DeleteRetryScheduled retry:
                    logger.LogWarning("Deleting post {ExternalId} on {Stage} failed: {Error}; next try at {RetryAt}",
                        retry.ExternalId, retry.Stage, retry.Error, retry.RetryAt);
                    break;
                case DeleteFailed failed:
                    logger.LogError("Post {ExternalId} on {Stage} could not be deleted and needs a person: {Error}",
                        failed.ExternalId, failed.Stage, failed.Error);
                    break;
            }
        }
    }

    /// <summary>A change that touches the banners: they are rebuilt and published once it is saved.</summary>
    public static bool ChangesBanners(NoticeEvent e) => e switch
    {
        NoticeApproved or NoticeExpired or NoticeClosed or NoticeSuperseded => true,
        NoticeWithdrawn w => w.WasLive,
        StageCompleted s => s.Stage is Stage.Intranet or Stage.Public,
        _ => false,
    };
}
