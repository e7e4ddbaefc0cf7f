using CrisisComms.Domain.Dispatch;

namespace CrisisComms.Domain.Notices;

/// <summary>
/// A social post is not atomic with the store, so it is claimed before it is sent: a lease that
/// lapses if the node dies, so another node can take it over, reusing the same idempotency key.
/// </summary>
public sealed partial class Notice
{
    public bool TryClaimSocialStage(string name, DateTimeOffset now, TimeSpan lease)
    {
        var stage = StageNamed(name);
        if (State != NoticeState.Live || stage is null || !stage.IsSocial) return false;
        var claimable = stage.State == StageState.Scheduled && stage.DueAt <= now
            || stage.State == StageState.Running && stage.LeaseUntil <= now;
        if (!claimable || !PredecessorDone(stage)) return false;
        stage.State = StageState.Running;
        stage.LeaseUntil = now + lease;
        stage.Attempts++;
        UpdatedAt = now;
        return true;
    }

    public void RecordPosted(string name, string externalId, DateTimeOffset now)
    {
        var stage = RunningStage(name);
        stage.Complete(now, externalId);
        UpdatedAt = now;
    }

    /// <summary>A failure worth retrying: back to scheduled at <paramref name="retryAt"/>.</summary>
    public void RecordRetry(string name, string error, DateTimeOffset retryAt, DateTimeOffset now)
    {
        var stage = RunningStage(name);
        stage.Error = error;
        stage.LeaseUntil = null;
        stage.Schedule(retryAt);
        UpdatedAt = now;
    }

    /// <summary>A failure that needs a person (revoked token, policy block): no more retries.</summary>
    public void RecordFailed(string name, string error, DateTimeOffset now)
    {
        var stage = RunningStage(name);
        stage.State = StageState.Failed;
        stage.Error = error;
        stage.LeaseUntil = null;
        UpdatedAt = now;
    }

    private Stage RunningStage(string name) =>
        StageNamed(name) is { State: StageState.Running } stage
            ? stage
            : throw new WrongStateException($"The stage '{name}' of notice {Id} is not running.");
}
