using CrisisComms.Domain.Dispatch;

namespace CrisisComms.Domain.Notices;

/// <summary>
/// Webhook deliveries are claimed like social posts (a fenced lease, the same idempotency key on
/// every attempt); their outcomes are recorded by <see cref="RecordPostOutcome"/>.
/// </summary>
public sealed partial class Notice
{
    public PostClaimed? TryClaimWebhookStage(string name, DateTimeOffset now, TimeSpan lease)
    {
        var stage = StageNamed(name);
        if (stage is null || !stage.IsWebhook) return null;
        var ending = stage.Event is WebhookEvents.Withdrawn or WebhookEvents.Ended;
        if (ending ? !IsEnded : State != NoticeState.Live) return null;
        return ClaimIfDue(stage, now, lease);
    }

    public IReadOnlyList<PostClaimed> ClaimDueWebhookStages(DateTimeOffset now, TimeSpan lease) =>
        [.. Stages.Where(s => s.IsWebhook).Select(s => TryClaimWebhookStage(s.Name, now, lease)).OfType<PostClaimed>()];

    /// <summary>Once a banner stage is done, the webhooks of that audience are due.</summary>
    private void ScheduleWebhooksAfter(string bannerStage, DateTimeOffset now)
    {
        foreach (var stage in Stages.Where(s => s.IsWebhook && s.After == bannerStage && s.State == StageState.Pending))
            stage.Schedule(now);
    }

    /// <summary>
    /// Withdrawn before this version reached a webhook that an older version did reach: that receiver
    /// still shows the older one, so it hears of the withdrawal too.
    /// </summary>
    public void TellEndToReceiversOf(Notice older, DateTimeOffset now)
    {
        if (!IsEnded) return;
        foreach (var delivery in older.Stages.Where(ReachedReceiver))
        {
            var ending = WebhookPlan.Ending(delivery, Id, State, now);
            if (StageNamed(ending.Name) is null) Stages.Add(ending);
        }
    }

    /// <summary>A delivery the receiver has had, or may have had (under way): it hears how the notice ended.</summary>
    private static bool ReachedReceiver(Stage stage) =>
        stage.IsWebhook && stage.Event is WebhookEvents.Published or WebhookEvents.Updated
        && stage.State is StageState.Done or StageState.Running;
}
