using System.Text.Json.Serialization;

namespace CrisisComms.Domain.Dispatch;

public enum StageState { Pending, Scheduled, Running, Done, Failed, Skipped, Cancelled }

/// <summary>
/// One step of a notice's dispatch: the intranet banner, the public banner, or one social post.
/// The stage record in the store is the truth; the clock only wakes the runner.
/// </summary>
public sealed class Stage
{
    public const string Intranet = "intranet";
    public const string Public = "public";
    public const string SocialPrefix = "social:";
    public const string WebhookPrefix = "webhook:";

    [JsonConstructor]
    public Stage(string name, StageState state)
    {
        Name = name;
        State = state;
    }

    public string Name { get; }
    [JsonInclude] public StageState State { get; internal set; }
    [JsonInclude] public DateTimeOffset? DueAt { get; internal set; }
    [JsonInclude] public DateTimeOffset? DoneAt { get; internal set; }
    [JsonInclude] public int Attempts { get; internal set; }
    [JsonInclude] public string? ExternalId { get; internal set; }
    [JsonInclude] public string? Error { get; internal set; }

    /// <summary>While running, the claim of one node; when it lapses another node may take over.</summary>
    [JsonInclude] public DateTimeOffset? LeaseUntil { get; internal set; }

    /// <summary>
    /// The fencing token of the current claim (of a post or a delete): an outcome is saved only by
    /// the claim that is still the stage's, so a node that lost its claim cannot overwrite the new owner's result.
    /// </summary>
    [JsonInclude] public string? ClaimId { get; internal set; }

    /// <summary>For a post to be deleted after a withdrawal: when to (try to) delete it; also its claim while deleting.</summary>
    [JsonInclude] public DateTimeOffset? RetractDueAt { get; internal set; }

    /// <summary>When the post was deleted from the channel.</summary>
    [JsonInclude] public DateTimeOffset? RetractedAt { get; internal set; }

    /// <summary>Fixed when the stage is planned, the same on every retry of the post.</summary>
    [JsonInclude] public string? IdempotencyKey { get; internal set; }

    /// <summary>For a social post: the exact text the channel was sent, and the post's address there (kept for the archive).</summary>
    [JsonInclude] public string? PostText { get; internal set; }
    [JsonInclude] public string? PostUrl { get; internal set; }

    /// <summary>For a webhook delivery: the banner stage it follows (intranet or public), and its event.</summary>
    [JsonInclude] public string? After { get; internal set; }
    [JsonInclude] public string? Event { get; internal set; }

    [JsonIgnore] public bool IsWebhook => Name.StartsWith(WebhookPrefix, StringComparison.Ordinal);

    /// <summary>The configured webhook's name: <c>webhook:{name}</c> or <c>webhook:{name}:{event}</c>.</summary>
    [JsonIgnore] public string? Webhook => IsWebhook ? Name[WebhookPrefix.Length..].Split(':')[0] : null;

    [JsonIgnore] public bool IsSocial => Name.StartsWith(SocialPrefix, StringComparison.Ordinal);
    [JsonIgnore] public string? Channel => IsSocial ? Name[SocialPrefix.Length..] : null;
    [JsonIgnore] public bool IsFinished => State is StageState.Done or StageState.Failed or StageState.Skipped or StageState.Cancelled;

    internal void Schedule(DateTimeOffset dueAt)
    {
        State = StageState.Scheduled;
        DueAt = dueAt;
    }

    internal void Skip(string reason)
    {
        State = StageState.Skipped;
        Error = reason;
    }

    internal void Cancel()
    {
        if (IsFinished) return;
        State = StageState.Cancelled;
        LeaseUntil = null;
    }

    internal void Complete(DateTimeOffset now, string? externalId = null)
    {
        State = StageState.Done;
        DoneAt = now;
        ExternalId = externalId ?? ExternalId;
        LeaseUntil = null;
        Error = null;
    }
}
