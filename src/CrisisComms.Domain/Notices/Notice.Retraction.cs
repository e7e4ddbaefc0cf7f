using CrisisComms.Domain.Dispatch;

namespace CrisisComms.Domain.Notices;

/// <summary>
/// A withdrawn incident's posts are deleted from the channels. Like a post, a delete is claimed
/// (its due time moved a lease ahead) before it is sent, and comes round again until it is done.
/// </summary>
public sealed partial class Notice
{
    /// <summary>Every post this notice made is to be deleted; for the withdrawn notice and its older versions.</summary>
    public IReadOnlyList<PostDeleteDue> RetractPosts(DateTimeOffset now)
    {
        var due = new List<PostDeleteDue>();
        foreach (var stage in Stages.Where(s => s.IsSocial && s.ExternalId is not null && s.RetractedAt is null && s.RetractDueAt is null))
        {
            stage.RetractDueAt = now;
            due.Add(new PostDeleteDue(Id, now, stage.Name, stage.ExternalId!));
        }
        if (due.Count > 0) UpdatedAt = now;
        return due;
    }

    public IReadOnlyList<DeleteClaimed> ClaimDueRetractions(DateTimeOffset now, TimeSpan lease)
    {
        var claimed = Stages.Where(s => s.RetractDueAt <= now && s.RetractedAt is null && s.ExternalId is not null).ToList();
        foreach (var stage in claimed)
        {
            stage.RetractDueAt = now + lease;
            stage.ClaimId = NewClaimId();
        }
        return [.. claimed.Select(s => new DeleteClaimed(Id, now, s.Name, s.ExternalId!, now + lease, s.ClaimId!))];
    }

    /// <summary>What a delete attempt's outcome does to its stage; nothing once the post is gone. Fenced like a post's.</summary>
    public IReadOnlyList<NoticeEvent> RecordDeleteOutcome(string name, string claimId, PostOutcome outcome, DateTimeOffset now, IRetryPolicy policy)
    {
        var stage = ClaimedStage(name, claimId);
        if (stage.RetractedAt is not null) return [];
        return outcome switch
        {
            PostOutcome.Posted => [RecordRetracted(name, now)],
            PostOutcome.Retry retry => [RecordRetractRetry(name, retry.Error,
                retry.NotBefore is { } notBefore && notBefore > now ? notBefore : now + policy.Backoff(2), now)],
            PostOutcome.Failed failed => [RecordRetractFailed(name, failed.Error, now)],
            _ => [],
        };
    }

    public PostDeleted RecordRetracted(string name, DateTimeOffset now)
    {
        var stage = StageNamed(name) ?? throw new WrongStateException($"No stage '{name}'.");
        stage.RetractedAt = now;
        stage.RetractDueAt = null;
        UpdatedAt = now;
        return new PostDeleted(Id, now, name, stage.ExternalId ?? "");
    }

    public DeleteRetryScheduled RecordRetractRetry(string name, string error, DateTimeOffset retryAt, DateTimeOffset now)
    {
        var stage = StageNamed(name) ?? throw new WrongStateException($"No stage '{name}'.");
        stage.RetractDueAt = retryAt;
        stage.Error = error;
        UpdatedAt = now;
        return new DeleteRetryScheduled(Id, now, name, stage.ExternalId ?? "", error, retryAt);
    }

    public DeleteFailed RecordRetractFailed(string name, string error, DateTimeOffset now)
    {
        var stage = StageNamed(name) ?? throw new WrongStateException($"No stage '{name}'.");
        stage.RetractDueAt = null;
        stage.Error = $"The post could not be deleted and must be removed by hand: {error}";
        UpdatedAt = now;
        return new DeleteFailed(Id, now, name, stage.ExternalId ?? "", error);
    }

    /// <summary>A post that went out while the notice was being withdrawn: keep its id and delete it.</summary>
    public LatePostRecorded RecordLatePost(string name, string externalId, DateTimeOffset now)
    {
        var stage = StageNamed(name) ?? throw new WrongStateException($"No stage '{name}'.");
        stage.ExternalId = externalId;
        stage.RetractDueAt = now;
        UpdatedAt = now;
        return new LatePostRecorded(Id, now, name, externalId);
    }
}
