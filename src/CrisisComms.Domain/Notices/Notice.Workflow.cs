using CrisisComms.Domain.Dispatch;

namespace CrisisComms.Domain.Notices;

/// <summary>The officer actions on a notice: edit, submit, approve, reject, withdraw.</summary>
public sealed partial class Notice
{
    public void Edit(NoticeDraft draft, bool linkIsExternal, Actor actor, DateTimeOffset now)
    {
        RequireState("edited", NoticeState.Draft, NoticeState.Rejected);
        if (actor.Subject != CreatedBy && !actor.IsApprover)
            throw new NotAllowedException("Only the notice's creator or an approver may edit it.");
        Draft = draft;
        LinkIsExternal = linkIsExternal;
        State = NoticeState.Draft;
        Reason = null;
        UpdatedAt = now;
    }

    public void Submit(DateTimeOffset now)
    {
        RequireState("submitted", NoticeState.Draft);
        State = NoticeState.PendingApproval;
        UpdatedAt = now;
    }

    /// <summary>
    /// The two-person rule: an actual notice is never approved by its creator, except by a
    /// director breaking glass with a reason. Exercise and test notices may be self-approved.
    /// </summary>
    public void Approve(Actor approver, bool breakGlass, string? reason, DateTimeOffset now,
        DispatchTimings timings, IReadOnlySet<string> channelsOn)
    {
        if (!approver.IsApprover) throw new NotAllowedException("Only an approver may approve a notice.");
        RequireState("approved", NoticeState.PendingApproval);
        if (breakGlass)
        {
            if (!approver.IsDirector) throw new NotAllowedException("Only a director may break glass.");
            if (string.IsNullOrWhiteSpace(reason))
                throw new InvalidFieldException("reason", "Breaking glass needs a reason, for the audit log.");
        }
        var ownNotice = approver.Subject == CreatedBy;
        if (ownNotice && Draft.Mode == NoticeMode.Actual && !breakGlass)
            throw new NotAllowedException(approver.IsDirector
                ? "Two-person rule: you created this notice. A director may approve it only by breaking glass, with a reason."
                : "Two-person rule: you created this notice, so another approver must approve it.");

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
        if (!approver.IsApprover) throw new NotAllowedException("Only an approver may reject a notice.");
        RequireState("rejected", NoticeState.PendingApproval);
        if (string.IsNullOrWhiteSpace(reason))
            throw new InvalidFieldException("reason", "A rejection needs a reason the author can act on.");
        State = NoticeState.Rejected;
        Reason = reason.Trim();
        UpdatedAt = now;
    }

    /// <summary>Withdrawal ends the incident's banners everywhere at once and cancels what is pending.</summary>
    public void Withdraw(string reason, DateTimeOffset now)
    {
        RequireState("withdrawn", NoticeState.Draft, NoticeState.PendingApproval, NoticeState.Rejected, NoticeState.Live);
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

    private void End(NoticeState state, DateTimeOffset now)
    {
        State = state;
        EndedAt = now;
        UpdatedAt = now;
        foreach (var stage in Stages) stage.Cancel();
    }

    private void RequireState(string verb, params NoticeState[] allowed)
    {
        if (Array.IndexOf(allowed, State) < 0)
            throw new WrongStateException(
                $"A notice in state '{State.ToCamelCase()}' cannot be {verb}; it must be {string.Join(" or ", allowed.Select(s => $"'{s.ToCamelCase()}'"))}.");
    }
}
