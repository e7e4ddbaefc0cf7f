using CrisisComms.Domain.Dispatch;

namespace CrisisComms.Domain.Notices;

/// <summary>The officer actions on a notice: edit, submit, take back, approve, reject, withdraw. Who may is <see cref="NoticeActions"/>.</summary>
public sealed partial class Notice
{
    public NoticeEdited Edit(NoticeDraft draft, bool linkIsExternal, Actor actor, DateTimeOffset now)
    {
        NoticeActions.Require(this, actor, NoticeAction.Edit);
        Draft = draft;
        LinkIsExternal = linkIsExternal;
        State = NoticeState.Draft;
        Reason = null;
        UpdatedAt = now;
        Contribute(actor);
        return new NoticeEdited(Id, now);
    }

    public NoticeSubmitted Submit(Actor actor, DateTimeOffset now)
    {
        NoticeActions.Require(this, actor, NoticeAction.Submit);
        State = NoticeState.PendingApproval;
        SubmittedBy = actor.Subject;
        UpdatedAt = now;
        Contribute(actor);
        return new NoticeSubmitted(Id, now);
    }

    /// <summary>Its author takes it back before anyone approved it: a draft again, to be edited and sent anew.</summary>
    public NoticeSubmissionRetracted RetractSubmission(Actor actor, DateTimeOffset now)
    {
        NoticeActions.Require(this, actor, NoticeAction.RetractSubmission);
        State = NoticeState.Draft;
        SubmittedBy = null;
        UpdatedAt = now;
        return new NoticeSubmissionRetracted(Id, now);
    }

    /// <summary>
    /// The two-person rule: a notice is never approved by anyone who created, edited or submitted
    /// it, whatever its mode, except by a director breaking glass with a reason.
    /// </summary>
    public NoticeApproved Approve(Actor approver, bool breakGlass, string? reason, DateTimeOffset now,
        DispatchTimings timings, IReadOnlySet<string> channelsOn, IReadOnlyList<WebhookTarget>? webhooks = null)
    {
        if (breakGlass)
        {
            NoticeActions.Require(this, approver, NoticeAction.ApproveBreakGlass);
            if (string.IsNullOrWhiteSpace(reason))
                throw new InvalidFieldException("reason", "Breaking glass needs a reason, for the audit log.");
        }
        else NoticeActions.Require(this, approver, NoticeAction.Approve);

        State = NoticeState.Live;
        ApprovedBy = approver.Subject;
        ApprovedAt = now;
        BreakGlass = breakGlass;
        Reason = breakGlass ? reason : null;
        UpdatedAt = now;
        Stages = DispatchPlan.For(Draft, Id, now, timings, channelsOn, webhooks,
            Kind == NoticeKind.Alert ? WebhookEvents.Published : WebhookEvents.Updated);
        return new NoticeApproved(Id, now, breakGlass, reason);
    }

    public NoticeRejected Reject(Actor approver, string reason, DateTimeOffset now)
    {
        NoticeActions.Require(this, approver, NoticeAction.Reject);
        if (string.IsNullOrWhiteSpace(reason))
            throw new InvalidFieldException("reason", "A rejection needs a reason the author can act on.");
        State = NoticeState.Rejected;
        Reason = reason.Trim();
        UpdatedAt = now;
        return new NoticeRejected(Id, now, Reason);
    }

    /// <summary>Withdrawal ends the incident's banners everywhere at once and cancels what is pending.</summary>
    public IReadOnlyList<NoticeEvent> Withdraw(Actor actor, string reason, DateTimeOffset now)
    {
        NoticeActions.Require(this, actor, NoticeAction.Withdraw);
        if (string.IsNullOrWhiteSpace(reason))
            throw new InvalidFieldException("reason", "A withdrawal needs a reason.");
        var wasLive = State == NoticeState.Live;
        End(NoticeState.Withdrawn, now);
        Reason = reason.Trim();
        return [new NoticeWithdrawn(Id, now, Reason, wasLive), .. RetractPosts(now)];
    }

    /// <summary>A newer version was approved: this one stays visible only until the newer one shows.</summary>
    public NoticeSuperseded Supersede(DateTimeOffset now, Notice? by = null)
    {
        RequireState("superseded", NoticeState.Live);
        State = NoticeState.Superseded;
        foreach (var stage in Stages) stage.Cancel();
        UpdatedAt = now;
        return new NoticeSuperseded(Id, now, by?.Id ?? "", by?.Version ?? 0);
    }

    private void Contribute(Actor actor)
    {
        if (!Contributors.Contains(actor.Subject)) Contributors.Add(actor.Subject);
    }

    private void End(NoticeState state, DateTimeOffset now)
    {
        State = state;
        EndedAt = now;
        UpdatedAt = now;
        var reached = Stages.Where(ReachedReceiver).ToList();
        foreach (var stage in Stages) stage.Cancel();
        foreach (var stage in reached) Stages.Add(WebhookPlan.Ending(stage, Id, state, now));
    }

    private void RequireState(string verb, params NoticeState[] allowed)
    {
        if (NoticeActions.State(this, verb, allowed) is { } wrong) throw wrong;
    }
}
