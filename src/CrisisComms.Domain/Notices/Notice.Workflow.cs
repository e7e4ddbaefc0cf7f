using CrisisComms.Domain.Dispatch;

namespace CrisisComms.Domain.Notices;

/// <summary>The officer actions on a notice: edit, submit, take back, approve, reject, withdraw. Who may is <see cref="NoticeActions"/>.</summary>
public sealed partial class Notice
{
    public void Edit(NoticeDraft draft, bool linkIsExternal, Actor actor, DateTimeOffset now)
    {
        NoticeActions.Require(this, actor, NoticeAction.Edit);
        Draft = draft;
        LinkIsExternal = linkIsExternal;
        State = NoticeState.Draft;
        Reason = null;
        UpdatedAt = now;
        Contribute(actor);
    }

    public void Submit(Actor actor, DateTimeOffset now)
    {
        NoticeActions.Require(this, actor, NoticeAction.Submit);
        State = NoticeState.PendingApproval;
        SubmittedBy = actor.Subject;
        UpdatedAt = now;
        Contribute(actor);
    }

    /// <summary>Its author takes it back before anyone approved it: a draft again, to be edited and sent anew.</summary>
    public void RetractSubmission(Actor actor, DateTimeOffset now)
    {
        NoticeActions.Require(this, actor, NoticeAction.RetractSubmission);
        State = NoticeState.Draft;
        SubmittedBy = null;
        UpdatedAt = now;
    }

    /// <summary>
    /// The two-person rule: a notice is never approved by anyone who created, edited or submitted
    /// it, whatever its mode, except by a director breaking glass with a reason.
    /// </summary>
    public void Approve(Actor approver, bool breakGlass, string? reason, DateTimeOffset now,
        DispatchTimings timings, IReadOnlySet<string> channelsOn)
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
        Stages = DispatchPlan.For(Draft, Id, now, timings, channelsOn);
    }

    public void Reject(Actor approver, string reason, DateTimeOffset now)
    {
        NoticeActions.Require(this, approver, NoticeAction.Reject);
        if (string.IsNullOrWhiteSpace(reason))
            throw new InvalidFieldException("reason", "A rejection needs a reason the author can act on.");
        State = NoticeState.Rejected;
        Reason = reason.Trim();
        UpdatedAt = now;
    }

    /// <summary>Withdrawal ends the incident's banners everywhere at once and cancels what is pending.</summary>
    public void Withdraw(Actor actor, string reason, DateTimeOffset now)
    {
        NoticeActions.Require(this, actor, NoticeAction.Withdraw);
        if (string.IsNullOrWhiteSpace(reason))
            throw new InvalidFieldException("reason", "A withdrawal needs a reason.");
        End(NoticeState.Withdrawn, now);
        Reason = reason.Trim();
        RetractPosts(now);
    }

    /// <summary>A newer version was approved: this one stays visible only until the newer one shows.</summary>
    public void Supersede(DateTimeOffset now)
    {
        RequireState("superseded", NoticeState.Live);
        State = NoticeState.Superseded;
        foreach (var stage in Stages) stage.Cancel();
        UpdatedAt = now;
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
        foreach (var stage in Stages) stage.Cancel();
    }

    private void RequireState(string verb, params NoticeState[] allowed)
    {
        if (NoticeActions.State(this, verb, allowed) is { } wrong) throw wrong;
    }
}
