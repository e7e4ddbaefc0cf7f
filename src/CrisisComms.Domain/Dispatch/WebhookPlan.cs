using CrisisComms.Domain.Notices;

namespace CrisisComms.Domain.Dispatch;

/// <summary>A configured webhook as the dispatch plan sees it: the banner stage it follows and the one mode it receives.</summary>
public sealed record WebhookTarget(string Name, string After, NoticeMode Mode);

/// <summary>What a webhook delivery tells the receiver.</summary>
public static class WebhookEvents
{
    public const string Published = "published";
    public const string Updated = "updated";
    public const string Withdrawn = "withdrawn";
    public const string Ended = "ended";
}

/// <summary>
/// The webhook stages of a notice: one delivery when it reaches the webhook's audience (published,
/// or updated for a later version), and one more when it is withdrawn or ends after it reached it.
/// Each has its own idempotency key, the same on every retry, so a receiver sees each event once.
/// </summary>
public static class WebhookPlan
{
    public static Stage Delivery(NoticeDraft draft, string noticeId, WebhookTarget webhook, string @event)
    {
        var stage = new Stage(Stage.WebhookPrefix + webhook.Name, StageState.Pending)
        {
            After = webhook.After,
            Event = @event,
            IdempotencyKey = $"{noticeId}-webhook-{webhook.Name}-{@event}",
        };
        if (draft.Mode != webhook.Mode)
            stage.Skip($"A {Lower(draft.Mode)} notice goes only to webhooks whose Mode is {Lower(draft.Mode)}.");
        else if (webhook.After == Stage.Public && draft.Audience == Audience.Staff)
            stage.Skip("The audience is staff: the notice never reaches this public webhook.");
        return stage;
    }

    /// <summary>The receiver had the notice: it hears that it was withdrawn, or that it ended.</summary>
    public static Stage Ending(Stage delivery, string noticeId, NoticeState state, DateTimeOffset now)
    {
        var @event = state == NoticeState.Withdrawn ? WebhookEvents.Withdrawn : WebhookEvents.Ended;
        var name = delivery.Webhook!;
        var stage = new Stage($"{Stage.WebhookPrefix}{name}:{@event}", StageState.Pending)
        {
            After = delivery.After,
            Event = @event,
            IdempotencyKey = $"{noticeId}-webhook-{name}-{@event}",
        };
        stage.Schedule(now);
        return stage;
    }

    private static string Lower(NoticeMode mode) => mode.ToString().ToLowerInvariant();
}
