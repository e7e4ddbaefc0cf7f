using static CrisisComms.Domain.Notices.NoticeState;

namespace CrisisComms.Domain.Notices;

/// <summary>What an officer may do with a notice; the API lists them on every notice as <c>actions</c>.</summary>
public enum NoticeAction { Edit, Submit, Approve, ApproveBreakGlass, Reject, ReleaseNext, Withdraw, Update, AllClear, RetractSubmission }

/// <summary>
/// The rules of who may do what to a notice, in one place: the workflow enforces them
/// (<see cref="Require"/>) and the API lists what they allow (<see cref="For"/>), so a client
/// shows exactly what the server would accept.
/// </summary>
public static class NoticeActions
{
    /// <summary>The end of the problem type of a refused approval by one of the notice's contributors.</summary>
    public const string TwoPersonRule = "two-person-rule";

    public static IReadOnlyList<NoticeAction> For(Notice notice, Actor actor) =>
        [.. Enum.GetValues<NoticeAction>().Where(a => Refusal(notice, actor, a) is null)];

    public static void Require(Notice notice, Actor actor, NoticeAction action)
    {
        if (Refusal(notice, actor, action) is { } refusal) throw refusal;
    }

    /// <summary>Why the actor may not do this now, or null when they may. The order decides which reason wins.</summary>
    public static NoticeException? Refusal(Notice n, Actor a, NoticeAction action) => action switch
    {
        _ when n.Source == Banners.BannerSource.Vma =>
            new WrongStateException("This is a VMA, the state's message: it leaves when Sveriges Radio stops listing it or cancels it."),
        NoticeAction.Edit => State(n, "edited", Draft, Rejected)
            ?? Unless(a.IsAuthor && (a.Subject == n.CreatedBy || a.IsApprover), "Only the notice's creator or an approver may edit it."),
        NoticeAction.Submit => Unless(a.IsAuthor, "Only an author may submit a notice.") ?? State(n, "submitted", Draft),
        NoticeAction.Approve => Unless(a.IsApprover, "Only an approver may approve a notice.")
            ?? State(n, "approved", PendingApproval)
            ?? (n.Contributors.Contains(a.Subject) ? TwoPersonRefusal(a) : null),
        NoticeAction.ApproveBreakGlass => Unless(a.IsApprover, "Only an approver may approve a notice.")
            ?? State(n, "approved", PendingApproval)
            ?? Unless(a.IsDirector, "Only a director may break glass.")
            ?? Unless(n.Contributors.Contains(a.Subject), "Breaking glass is only for a notice you wrote or submitted; approve this one normally."),
        NoticeAction.Reject => Unless(a.IsApprover, "Only an approver may reject a notice.") ?? State(n, "rejected", PendingApproval),
        NoticeAction.ReleaseNext => Unless(a.IsApprover, "Only an approver may release a stage.")
            ?? State(n, "released", Live)
            ?? (n.NextStages().Count == 0 ? new WrongStateException("Every stage of this notice has already run.") : null),
        NoticeAction.Withdraw => Unless(a.IsApprover, "Only an approver may withdraw a notice.")
            ?? State(n, "withdrawn", Draft, PendingApproval, Rejected, Live),
        NoticeAction.Update => Unless(a.IsAuthor, "Only an author may draft a follow-up.") ?? State(n, "followed up", Live),
        // An all-clear ends the incident: it is followed by nothing, not even another all-clear.
        NoticeAction.AllClear => Unless(a.IsAuthor, "Only an author may draft a follow-up.")
            ?? State(n, "followed up", Live)
            ?? (n.Kind == NoticeKind.AllClear ? new WrongStateException("This is the all-clear; the incident ends when it closes.") : null),
        NoticeAction.RetractSubmission => Unless(a.IsAuthor, "Only an author may take back a submission.")
            ?? State(n, "taken back", PendingApproval)
            ?? Unless(n.SubmittedBy is null || n.SubmittedBy == a.Subject, "Only the officer who submitted the notice may take it back."),
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };

    /// <summary>The notice is not in one of the states that allow the verb.</summary>
    public static NoticeException? State(Notice n, string verb, params NoticeState[] allowed) =>
        Array.IndexOf(allowed, n.State) >= 0
            ? null
            : new WrongStateException(
                $"A notice in state '{n.State.ToCamelCase()}' cannot be {verb}; it must be {string.Join(" or ", allowed.Select(s => $"'{s.ToCamelCase()}'"))}.");

    private static NoticeException? Unless(bool allowed, string message) => allowed ? null : new NotAllowedException(message);

    private static NoticeException TwoPersonRefusal(Actor a) => new NotAllowedException(a.IsDirector
            ? "Two-person rule: you wrote or submitted this notice. A director may approve it only by breaking glass, with a reason."
            : "Two-person rule: you wrote or submitted this notice, so another approver must approve it.",
        TwoPersonRule);
}
