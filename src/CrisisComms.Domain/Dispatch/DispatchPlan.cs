using CrisisComms.Domain.Notices;

namespace CrisisComms.Domain.Dispatch;

/// <summary>
/// The stages a notice goes through once approved: intranet first, then the public site, then one
/// post per social channel. Staff notices never leave the intranet; exercise and test notices
/// never reach a real social account.
/// </summary>
public static class DispatchPlan
{
    public static List<Stage> For(NoticeDraft draft, string noticeId, DateTimeOffset approvedAt,
        DispatchTimings timings, IReadOnlySet<string> channelsOn, IReadOnlyList<WebhookTarget>? webhooks = null,
        string webhookEvent = WebhookEvents.Published)
    {
        var intranet = new Stage(Stage.Intranet, StageState.Pending);
        intranet.Schedule(approvedAt);
        var stages = new List<Stage> { intranet };

        var publicStage = new Stage(Stage.Public, StageState.Pending);
        if (draft.Audience == Audience.Everyone) publicStage.Schedule(approvedAt + timings.IntranetLead);
        else publicStage.Skip("The audience is staff: the notice never leaves the intranet.");
        stages.Add(publicStage);

        foreach (var channel in draft.Channels)
        {
            var social = new Stage(Stage.SocialPrefix + channel, StageState.Pending)
            {
                IdempotencyKey = $"{noticeId}-{channel}",
            };
            if (draft.Audience == Audience.Staff)
                social.Skip("The audience is staff: the notice is never posted.");
            else if (draft.Mode != NoticeMode.Actual)
                social.Skip($"A {draft.Mode.ToString().ToLowerInvariant()} notice is never posted to a real account.");
            else if (!channelsOn.Contains(channel))
                social.Skip($"The channel '{channel}' is off: it has no credentials configured.");
            stages.Add(social);
        }
        foreach (var webhook in webhooks ?? []) stages.Add(WebhookPlan.Delivery(draft, noticeId, webhook, webhookEvent));
        return stages;
    }
}
