using CrisisComms.Domain.Dispatch;

namespace CrisisComms.Domain.Notices;

/// <summary>
/// A social post is not atomic with the store, so it is claimed before it is sent: a lease that
/// lapses if the node dies, so another node can take it over, reusing the same idempotency key.
/// </summary>
public sealed partial class Notice
{
    public PostClaimed? TryClaimSocialStage(string name, DateTimeOffset now, TimeSpan lease)
    {
        var stage = StageNamed(name);
        if (State != NoticeState.Live || stage is null || !stage.IsSocial) return null;
        return ClaimIfDue(stage, now, lease);
    }

    /// <summary>
    /// The one way an outside call (a post, a webhook delivery) is claimed: due, or its lease lapsed,
    /// and the stage before it done. The claim id fences the outcome to this claim.
    /// </summary>
    private PostClaimed? ClaimIfDue(Stage stage, DateTimeOffset now, TimeSpan lease)
    {
        if (!IsDue(stage, now) || !PredecessorDone(stage)) return null;
        stage.State = StageState.Running;
        stage.LeaseUntil = now + lease;
        stage.Attempts++;
        stage.ClaimId = NewClaimId();
        UpdatedAt = now;
        return new PostClaimed(Id, now, stage.Name, stage.Attempts, stage.LeaseUntil.Value, stage.ClaimId);
    }

    /// <summary>
    /// Claims every due post; a due post to a channel that is held (not approved, decided now, when it
    /// would run, so a channel suspended mid-incident is no longer posted to) is skipped with the reason.
    /// </summary>
    public IReadOnlyList<StageEvent> ClaimDueSocialStages(DateTimeOffset now, TimeSpan lease, IReadOnlyDictionary<string, string>? channelsHeld = null)
    {
        var events = new List<StageEvent>();
        foreach (var stage in Stages.Where(s => s.IsSocial))
        {
            if (channelsHeld is not null && channelsHeld.TryGetValue(stage.Channel!, out var reason))
            {
                if (SkipIfDue(stage, now, reason) is { } skipped) events.Add(skipped);
            }
            else if (TryClaimSocialStage(stage.Name, now, lease) is { } claimed) events.Add(claimed);
        }
        return events;
    }

    private StageSkipped? SkipIfDue(Stage stage, DateTimeOffset now, string reason)
    {
        if (State != NoticeState.Live || !IsDue(stage, now) || !PredecessorDone(stage)) return null;
        stage.Skip(reason);
        stage.LeaseUntil = null;
        UpdatedAt = now;
        return new StageSkipped(Id, now, stage.Name, reason);
    }

    /// <summary>Scheduled and due, or running under a lease that lapsed.</summary>
    private static bool IsDue(Stage stage, DateTimeOffset now) =>
        stage.State == StageState.Scheduled && stage.DueAt <= now
        || stage.State == StageState.Running && stage.LeaseUntil <= now;

    /// <summary>
    /// What a post attempt's outcome does to its stage: done, tried again later, or failed for a
    /// person to look at. A post that went out after the notice was withdrawn is kept to be deleted;
    /// an outcome for a stage no longer running changes nothing (no events). An outcome under a
    /// claim the stage no longer holds is refused (<see cref="StaleClaimException"/>).
    /// </summary>
    public IReadOnlyList<NoticeEvent> RecordPostOutcome(string name, string claimId, PostOutcome outcome, DateTimeOffset now, IRetryPolicy policy)
    {
        var stage = ClaimedStage(name, claimId);
        if (stage.State != StageState.Running)
        {
            // A webhook delivery cannot be taken back; its withdrawn event (a stage of its own) follows it.
            if (stage.IsWebhook) return [];
            if (outcome is not PostOutcome.Posted late || stage.State != StageState.Cancelled || stage.ExternalId is not null) return [];
            // Late, by cause: a withdrawn notice's post comes down; a superseded one's is true, and stays
            // (the newer version follows it, and a withdrawal of the incident still deletes it).
            KeepPost(stage, late);
            return State == NoticeState.Superseded
                ? [RecordSupersededPost(stage, late.ExternalId, now)]
                : [RecordLatePost(name, late.ExternalId, now)];
        }
        switch (outcome)
        {
            case PostOutcome.Posted posted:
                KeepPost(stage, posted);
                return [RecordPosted(name, posted.ExternalId, now)];
            case PostOutcome.Retry retry when stage.Attempts < policy.MaxAttempts:
                var at = retry.NotBefore is { } notBefore && notBefore > now ? notBefore : now + policy.Backoff(stage.Attempts);
                return [RecordRetry(name, retry.Error, at, now)];
            default:
                var error = outcome is PostOutcome.Failed failed ? failed.Error
                    : $"Gave up after {stage.Attempts} attempts: {((PostOutcome.Retry)outcome).Error}";
                return [RecordFailed(name, error, now)];
        }
    }

    /// <summary>What went out and where it is, for the record (the archive); a channel that does not say keeps what was known.</summary>
    private static void KeepPost(Stage stage, PostOutcome.Posted posted)
    {
        stage.PostText = posted.Text ?? stage.PostText;
        stage.PostUrl = posted.Url ?? stage.PostUrl;
    }

    private StageCompleted RecordSupersededPost(Stage stage, string externalId, DateTimeOffset now)
    {
        stage.Complete(now, externalId);
        UpdatedAt = now;
        return new StageCompleted(Id, now, stage.Name, externalId);
    }

    public StageCompleted RecordPosted(string name, string externalId, DateTimeOffset now)
    {
        var stage = RunningStage(name);
        stage.Complete(now, externalId);
        UpdatedAt = now;
        return new StageCompleted(Id, now, name, externalId);
    }

    /// <summary>A failure worth retrying: back to scheduled at <paramref name="retryAt"/>.</summary>
    public PostRetryScheduled RecordRetry(string name, string error, DateTimeOffset retryAt, DateTimeOffset now)
    {
        var stage = RunningStage(name);
        stage.Error = error;
        stage.LeaseUntil = null;
        stage.Schedule(retryAt);
        UpdatedAt = now;
        return new PostRetryScheduled(Id, now, name, stage.Attempts, error, retryAt);
    }

    /// <summary>A failure that needs a person (revoked token, policy block): no more retries.</summary>
    public StageFailed RecordFailed(string name, string error, DateTimeOffset now)
    {
        var stage = RunningStage(name);
        stage.State = StageState.Failed;
        stage.Error = error;
        stage.LeaseUntil = null;
        UpdatedAt = now;
        return new StageFailed(Id, now, name, error);
    }

    private Stage ClaimedStage(string name, string claimId)
    {
        var stage = StageNamed(name) ?? throw new WrongStateException($"No stage '{name}'.");
        return stage.ClaimId == claimId ? stage : throw new StaleClaimException(Id, name, claimId);
    }

    private static string NewClaimId() => Guid.NewGuid().ToString("N");

    private Stage RunningStage(string name) =>
        StageNamed(name) is { State: StageState.Running } stage
            ? stage
            : throw new WrongStateException($"The stage '{name}' of notice {Id} is not running.");
}
