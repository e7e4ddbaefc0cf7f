namespace CrisisComms.Domain.Audit;

/// <summary>One line of the append-only audit log: who did what, when, and why.</summary>
public sealed record AuditEntry(
    DateTimeOffset At,
    string Actor,
    string Action,
    string? NoticeId = null,
    string? IncidentId = null,
    string? Reason = null,
    string? Detail = null)
{
    /// <summary>Assigned by the store: 1, 2, 3 … with no gaps.</summary>
    public long Sequence { get; init; }

    /// <summary>
    /// Hex SHA-256 over this entry and the hash of the one before it (<see cref="AuditChain"/>),
    /// assigned by the store with <see cref="Sequence"/>.
    /// </summary>
    public string? Hash { get; init; }
}

/// <summary>The names of audited actions, the same in the log, the API and the runbooks.</summary>
public static class AuditActions
{
    public const string Created = "notice.created";
    public const string Edited = "notice.edited";
    public const string Submitted = "notice.submitted";
    public const string SubmissionRetracted = "notice.submissionRetracted";
    public const string Approved = "notice.approved";
    public const string ApprovedBreakGlass = "notice.approved.breakGlass";
    public const string Rejected = "notice.rejected";
    public const string Withdrawn = "notice.withdrawn";
    public const string Superseded = "notice.superseded";
    public const string Expired = "notice.expired";
    public const string Closed = "notice.closed";
    public const string ReleasedNext = "notice.releasedNext";
    public const string StageDone = "stage.done";
    public const string StageFailed = "stage.failed";
    public const string StageAttempt = "stage.attempt";
    public const string StageRetracted = "stage.retracted";
    public const string StageSkipped = "stage.skipped";
    public const string ChannelApproved = "channel.approved";
    public const string ChannelSuspended = "channel.suspended";
    public const string AccountAdded = "account.added";
    public const string AccountCreated = "account.created";
    public const string AccountRolesChanged = "account.rolesChanged";
    public const string AccountRenamed = "account.renamed";
    public const string AccountPasswordReset = "account.passwordReset";
    public const string AccountDisabled = "account.disabled";
    public const string AccountEnabled = "account.enabled";
    public const string AccountSignedOut = "account.signedOut";
    public const string SecondFactorEnrolled = "account.secondFactorEnrolled";
    public const string RecoveryCodeUsed = "account.recoveryCodeUsed";
    public const string SecondFactorReset = "account.secondFactorReset";
    public const string TokenIssued = "auth.tokenIssued";
    public const string SignedIn = "auth.signedIn";
    public const string SignInFailed = "auth.signInFailed";
}
