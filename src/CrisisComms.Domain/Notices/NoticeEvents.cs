namespace CrisisComms.Domain.Notices;

/// <summary>
/// What a domain operation did to one notice. The host derives everything that follows a saved
/// change from these — audit entries, log lines, banner publication, clock wake-ups, console
/// signals, social work — so nothing has to read an audit string back to learn what happened.
/// </summary>
public abstract record NoticeEvent(string NoticeId, DateTimeOffset At);

public sealed record NoticeCreated(string NoticeId, DateTimeOffset At, NoticeKind Kind, int Version) : NoticeEvent(NoticeId, At);

public sealed record NoticeEdited(string NoticeId, DateTimeOffset At) : NoticeEvent(NoticeId, At);

public sealed record NoticeSubmitted(string NoticeId, DateTimeOffset At) : NoticeEvent(NoticeId, At);

/// <summary>The officer who submitted it took it back to a draft before anyone decided.</summary>
public sealed record NoticeSubmissionRetracted(string NoticeId, DateTimeOffset At) : NoticeEvent(NoticeId, At);

public sealed record NoticeApproved(string NoticeId, DateTimeOffset At, bool BreakGlass, string? Reason) : NoticeEvent(NoticeId, At);

public sealed record NoticeRejected(string NoticeId, DateTimeOffset At, string Reason) : NoticeEvent(NoticeId, At);

/// <summary><paramref name="WasLive"/>: its banners were up, so they come down.</summary>
public sealed record NoticeWithdrawn(string NoticeId, DateTimeOffset At, string Reason, bool WasLive) : NoticeEvent(NoticeId, At);

public sealed record NoticeSuperseded(string NoticeId, DateTimeOffset At, string ByNoticeId, int ByVersion) : NoticeEvent(NoticeId, At);

public sealed record NoticeExpired(string NoticeId, DateTimeOffset At) : NoticeEvent(NoticeId, At);

public sealed record NoticeClosed(string NoticeId, DateTimeOffset At) : NoticeEvent(NoticeId, At);

/// <summary>"Release now": these stages were moved to now.</summary>
public sealed record StagesReleased(string NoticeId, DateTimeOffset At, IReadOnlyList<string> Stages) : NoticeEvent(NoticeId, At);

/// <summary>Something the dispatch did to one stage of a notice; always done by the system.</summary>
public abstract record StageEvent(string NoticeId, DateTimeOffset At, string Stage) : NoticeEvent(NoticeId, At);

/// <summary>A banner stage ran, or a post went out (<paramref name="ExternalId"/> is the channel's id of it).</summary>
public sealed record StageCompleted(string NoticeId, DateTimeOffset At, string Stage, string? ExternalId = null) : StageEvent(NoticeId, At, Stage);

/// <summary>A post is claimed for one attempt, until <paramref name="LeaseUntil"/>; it is sent once this is saved.</summary>
public sealed record PostClaimed(string NoticeId, DateTimeOffset At, string Stage, int Attempt, DateTimeOffset LeaseUntil, string ClaimId) : StageEvent(NoticeId, At, Stage);

public sealed record PostRetryScheduled(string NoticeId, DateTimeOffset At, string Stage, int Attempt, string Error, DateTimeOffset RetryAt) : StageEvent(NoticeId, At, Stage);

/// <summary>A post was not made, for <paramref name="Reason"/> (its channel is not approved when the post falls due).</summary>
public sealed record StageSkipped(string NoticeId, DateTimeOffset At, string Stage, string Reason) : StageEvent(NoticeId, At, Stage);

/// <summary>A post that needs a person: no more retries.</summary>
public sealed record StageFailed(string NoticeId, DateTimeOffset At, string Stage, string Error) : StageEvent(NoticeId, At, Stage);

/// <summary>A post went out after its notice had ended; it is kept to be deleted.</summary>
public sealed record LatePostRecorded(string NoticeId, DateTimeOffset At, string Stage, string ExternalId) : StageEvent(NoticeId, At, Stage);

/// <summary>A post is to be deleted (its notice or incident was withdrawn).</summary>
public sealed record PostDeleteDue(string NoticeId, DateTimeOffset At, string Stage, string ExternalId) : StageEvent(NoticeId, At, Stage);

/// <summary>A post's deletion is claimed for one attempt; it is sent once this is saved.</summary>
public sealed record DeleteClaimed(string NoticeId, DateTimeOffset At, string Stage, string ExternalId, DateTimeOffset LeaseUntil, string ClaimId) : StageEvent(NoticeId, At, Stage);

public sealed record PostDeleted(string NoticeId, DateTimeOffset At, string Stage, string ExternalId) : StageEvent(NoticeId, At, Stage);

public sealed record DeleteRetryScheduled(string NoticeId, DateTimeOffset At, string Stage, string ExternalId, string Error, DateTimeOffset RetryAt) : StageEvent(NoticeId, At, Stage);

public sealed record DeleteFailed(string NoticeId, DateTimeOffset At, string Stage, string ExternalId, string Error) : StageEvent(NoticeId, At, Stage);
