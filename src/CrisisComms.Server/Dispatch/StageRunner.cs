using CrisisComms.Domain.Dispatch;
using CrisisComms.Domain.Notices;
using CrisisComms.Domain.Storage;
using CrisisComms.Server.Changes;
using CrisisComms.Server.Channels;

namespace CrisisComms.Server.Dispatch;

/// <summary>
/// Does whatever is due: banner stages, expiry, the close of an all-clear, social posts. Every change
/// is a conditional write on the notice's row version, so when several nodes (or a restarted one)
/// look at the same notice, exactly one of them acts and the others find nothing left to do.
/// </summary>
internal sealed class StageRunner(
    INoticeStore store,
    TimeProvider time,
    DispatchTimings timings,
    SocialPostOptions social,
    ChangePipeline pipeline,
    ChannelDirectory channels,
    ILogger<StageRunner> logger)
{
    public async Task RunDueAsync(CancellationToken ct)
    {
        IReadOnlyList<Notice> due;
        IReadOnlyDictionary<string, string> held;
        try
        {
            due = await store.ListDueAsync(time.GetUtcNow(), ct);
            // Read at every sweep, not once: a post to a channel suspended a moment ago is skipped.
            held = due.Count == 0 ? new Dictionary<string, string>() : await channels.HeldAsync(ct);
        }
        catch (StoreUnavailableException e)
        {
            logger.LogWarning("Dispatch paused, the store is unavailable: {Error}", e.Message);
            return;
        }
        foreach (var notice in due)
        {
            try
            {
                await pipeline.ChangeAsync(notice.Id, (stored, now) =>
                    stored is null ? null : new Decision([stored], stored.RunDue(now, timings, social.Lease, held), Actor.System), ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Dispatch of {NoticeId} failed; the next sweep tries again", notice.Id);
            }
        }
    }
}
