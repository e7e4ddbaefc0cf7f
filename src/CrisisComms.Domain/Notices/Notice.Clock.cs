using CrisisComms.Domain.Dispatch;

namespace CrisisComms.Domain.Notices;

/// <summary>What time does to a live notice: its stages fall due, it expires, an all-clear closes.</summary>
public sealed partial class Notice
{
    /// <summary>
    /// Completes a due banner stage (intranet or public). A stage runs only after the one before it
    /// is done, so the intranet always sees a notice before the public does. Returns false when
    /// there is nothing to do (null), which makes a repeat or a second node harmless.
    /// </summary>
    public StageCompleted? CompleteBannerStage(string name, DateTimeOffset now, DispatchTimings timings)
    {
        var stage = StageNamed(name);
        if (State != NoticeState.Live || stage is not { State: StageState.Scheduled } || stage.IsSocial || stage.IsWebhook) return null;
        if (stage.DueAt > now || !PredecessorDone(stage)) return null;

        stage.Complete(now);
        stage.Attempts++;
        UpdatedAt = now;
        ScheduleWebhooksAfter(name, now);
        if (name == Stage.Public || (name == Stage.Intranet && Draft.Audience == Audience.Staff))
            OnLastBannerStageDone(now, timings);
        return new StageCompleted(Id, now, name);
    }

    /// <summary>Every banner stage that is due, in order: the intranet, then the public site.</summary>
    public IReadOnlyList<StageCompleted> AdvanceBannerStages(DateTimeOffset now, DispatchTimings timings)
    {
        var done = new List<StageCompleted>();
        foreach (var name in new[] { Stage.Intranet, Stage.Public })
            if (CompleteBannerStage(name, now, timings) is { } completed) done.Add(completed);
        return done;
    }

    /// <summary>
    /// Whatever time has made due: the notice expires, or an all-clear closes, or its banner stages
    /// run; then its due posts and deletions are claimed for <paramref name="lease"/>. A due post to a
    /// channel in <paramref name="channelsHeld"/> (channel → why it may not be posted to now) is skipped instead.
    /// </summary>
    public IReadOnlyList<NoticeEvent> RunDue(DateTimeOffset now, DispatchTimings timings, TimeSpan lease,
        IReadOnlyDictionary<string, string>? channelsHeld = null)
    {
        var events = new List<NoticeEvent>();
        if (ExpireIfDue(now) is { } expired) events.Add(expired);
        else if (CloseIfDue(now) is { } closed) events.Add(closed);
        else events.AddRange(AdvanceBannerStages(now, timings));
        events.AddRange(ClaimDueSocialStages(now, lease, channelsHeld));
        events.AddRange(ClaimDueWebhookStages(now, lease));
        events.AddRange(ClaimDueRetractions(now, lease));
        return events;
    }

    /// <summary>The next stage that has not run yet runs now ("release now").</summary>
    public StagesReleased ReleaseNext(Actor actor, DateTimeOffset now)
    {
        NoticeActions.Require(this, actor, NoticeAction.ReleaseNext);
        var released = NextStages();
        foreach (var stage in released) stage.Schedule(now);
        UpdatedAt = now;
        return new StagesReleased(Id, now, [.. released.Select(s => s.Name)]);
    }

    /// <summary>What "release now" would run: the next stage that has not run, or every social stage that has not.</summary>
    public IReadOnlyList<Stage> NextStages()
    {
        // Webhook deliveries follow their banner stage by themselves; "release now" is for the dispatch plan.
        var next = Stages.FirstOrDefault(s => !s.IsWebhook && s.State is StageState.Pending or StageState.Scheduled);
        if (next is null) return [];
        return next.IsSocial ? Stages.Where(s => s.IsSocial && s.State is StageState.Pending or StageState.Scheduled).ToList() : [next];
    }

    public NoticeExpired? ExpireIfDue(DateTimeOffset now)
    {
        if (State != NoticeState.Live || Draft.ExpiresAt is not { } at || at > now) return null;
        End(NoticeState.Expired, now);
        return new NoticeExpired(Id, now);
    }

    public NoticeClosed? CloseIfDue(DateTimeOffset now)
    {
        if (State != NoticeState.Live || ClosesAt is not { } at || at > now) return null;
        End(NoticeState.Closed, now);
        return new NoticeClosed(Id, now);
    }

    /// <summary>Social stages wait for the public banner; an all-clear starts its countdown.</summary>
    private void OnLastBannerStageDone(DateTimeOffset now, DispatchTimings timings)
    {
        foreach (var social in Stages.Where(s => s.IsSocial && s.State == StageState.Pending))
            social.Schedule(now + timings.SocialDelay);
        if (Kind == NoticeKind.AllClear) ClosesAt = now + timings.AllClearVisibleFor;
    }

    private bool PredecessorDone(Stage stage)
    {
        if (stage.Name == Stage.Intranet) return true;
        if (stage.IsWebhook) return stage.Event is not (WebhookEvents.Published or WebhookEvents.Updated)
            || StageNamed(stage.After ?? Stage.Public) is { State: StageState.Done };
        var before = stage.IsSocial ? StageNamed(Stage.Public) : StageNamed(Stage.Intranet);
        return before is { State: StageState.Done or StageState.Skipped };
    }
}
