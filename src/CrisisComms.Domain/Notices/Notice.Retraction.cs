using CrisisComms.Domain.Dispatch;

namespace CrisisComms.Domain.Notices;

/// <summary>
/// A withdrawn incident's posts are deleted from the channels. Like a post, a delete is claimed
/// (its due time moved a lease ahead) before it is sent, and comes round again until it is done.
/// </summary>
public sealed partial class Notice
{
    /// <summary>Every post this notice made is to be deleted; for the withdrawn notice and its older versions.</summary>
    public bool RetractPosts(DateTimeOffset now)
    {
        var any = false;
        foreach (var stage in Stages.Where(s => s.IsSocial && s.ExternalId is not null && s.RetractedAt is null && s.RetractDueAt is null))
        {
            stage.RetractDueAt = now;
            any = true;
        }
        if (any) UpdatedAt = now;
        return any;
    }

    public IReadOnlyList<Stage> ClaimDueRetractions(DateTimeOffset now, TimeSpan lease)
    {
        var claimed = Stages.Where(s => s.RetractDueAt <= now && s.RetractedAt is null && s.ExternalId is not null).ToList();
        foreach (var stage in claimed) stage.RetractDueAt = now + lease;
        return claimed;
    }

    public void RecordRetracted(string name, DateTimeOffset now)
    {
        var stage = StageNamed(name) ?? throw new WrongStateException($"No stage '{name}'.");
        stage.RetractedAt = now;
        stage.RetractDueAt = null;
        UpdatedAt = now;
    }

    public void RecordRetractRetry(string name, string error, DateTimeOffset retryAt, DateTimeOffset now)
    {
        var stage = StageNamed(name) ?? throw new WrongStateException($"No stage '{name}'.");
        stage.RetractDueAt = retryAt;
        stage.Error = error;
        UpdatedAt = now;
    }

    public void RecordRetractFailed(string name, string error, DateTimeOffset now)
    {
        var stage = StageNamed(name) ?? throw new WrongStateException($"No stage '{name}'.");
        stage.RetractDueAt = null;
        stage.Error = $"The post could not be deleted and must be removed by hand: {error}";
        UpdatedAt = now;
    }

    /// <summary>A post that went out while the notice was being withdrawn: keep its id and delete it.</summary>
    public void RecordLatePost(string name, string externalId, DateTimeOffset now)
    {
        var stage = StageNamed(name) ?? throw new WrongStateException($"No stage '{name}'.");
        stage.ExternalId = externalId;
        stage.RetractDueAt = now;
        UpdatedAt = now;
    }
}
