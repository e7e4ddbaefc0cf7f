using CrisisComms.Domain.Dispatch;

namespace CrisisComms.Domain.Notices;

/// <summary>What time does to a live notice: its stages fall due, it expires, an all-clear closes.</summary>
public sealed partial class Notice
{
    /// <summary>
    /// Completes a due banner stage (intranet or public). A stage runs only after the one before it
    /// is done, so the intranet always sees a notice before the public does. Returns false when
    /// there is nothing to do, which makes a repeat or a second node harmless.
    /// </summary>
    public bool CompleteBannerStage(string name, DateTimeOffset now, DispatchTimings timings)
    {
        var stage = StageNamed(name);
        if (State != NoticeState.Live || stage is not { State: StageState.Scheduled } || stage.IsSocial) return false;
        if (stage.DueAt > now || !PredecessorDone(stage)) return false;

        stage.Complete(now);
        stage.Attempts++;
        UpdatedAt = now;
        if (name == Stage.Public || (name == Stage.Intranet && Draft.Audience == Audience.Staff))
            OnLastBannerStageDone(now, timings);
        return true;
    }

    /// <summary>The next stage that has not run yet runs now ("release now").</summary>
    public IReadOnlyList<Stage> ReleaseNext(Actor actor, DateTimeOffset now)
    {
        NoticeActions.Require(this, actor, NoticeAction.ReleaseNext);
        var released = NextStages();
        foreach (var stage in released) stage.Schedule(now);
        UpdatedAt = now;
        return released;
    }

    /// <summary>What "release now" would run: the next stage that has not run, or every social stage that has not.</summary>
    public IReadOnlyList<Stage> NextStages()
    {
        var next = Stages.FirstOrDefault(s => s.State is StageState.Pending or StageState.Scheduled);
        if (next is null) return [];
        return next.IsSocial ? Stages.Where(s => s.IsSocial && s.State is StageState.Pending or StageState.Scheduled).ToList() : [next];
    }

    public bool ExpireIfDue(DateTimeOffset now)
    {
        if (State != NoticeState.Live || Draft.ExpiresAt is not { } at || at > now) return false;
        End(NoticeState.Expired, now);
        return true;
    }

    public bool CloseIfDue(DateTimeOffset now)
    {
        if (State != NoticeState.Live || ClosesAt is not { } at || at > now) return false;
        End(NoticeState.Closed, now);
        return true;
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
        var before = stage.IsSocial ? StageNamed(Stage.Public) : StageNamed(Stage.Intranet);
        return before is { State: StageState.Done or StageState.Skipped };
    }
}
