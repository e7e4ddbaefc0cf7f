using CrisisComms.Domain.Accounts;
using CrisisComms.Domain.Audit;

namespace CrisisComms.Domain.Records;

/// <summary>
/// What the organisation's retention decision (gallringsbeslut) removes, and the audit entry that
/// records each removal. The audit entries themselves are never removed: they are the record.
/// </summary>
public static class RetentionRules
{
    /// <summary>The actor named in the audit log for what retention does.</summary>
    public const string Actor = "retention";

    /// <summary>The ended incidents whose end lies more than <paramref name="period"/> before <paramref name="now"/>.</summary>
    public static IReadOnlyList<EndedIncident> Due(IEnumerable<EndedIncident> ended, TimeSpan period, DateTimeOffset now) =>
        ended.Where(i => i.EndedAt + period <= now).ToList();

    /// <summary>The one <c>incident.purged</c> entry, with the SHA-256 of the archive taken just before.</summary>
    public static AuditEntry Purged(EndedIncident incident, string archiveSha256, TimeSpan period, DateTimeOffset now) =>
        new(now, Actor, RetentionAuditActions.IncidentPurged, IncidentId: incident.IncidentId,
            Reason: $"ended {incident.EndedAt.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}, retention period {period}",
            Detail: $"archive sha256={archiveSha256}; {incident.Notices.Count} notices");

    /// <summary>Disabled long enough: its personal data goes (see <see cref="RemovePersonalData"/>).</summary>
    public static bool PersonalDataDue(Account account, TimeSpan period, DateTimeOffset now) =>
        account is { Disabled: true, PersonalDataRemovedAt: null, DisabledAt: { } at } && at + period <= now;

    /// <summary>
    /// The account stays, under its name, because the audit log names who acted by that name and the
    /// name must never be given to someone else; what identifies or authenticates the person goes:
    /// the display name (set to the account name), the password hash, the second factor, the last
    /// sign-in and the reason it was disabled (the audit entry of the disable keeps that).
    /// </summary>
    public static Account RemovePersonalData(Account account, DateTimeOffset now) => account with
    {
        DisplayName = account.Name,
        PasswordHash = "",
        SecondFactor = null,
        LastSignInAt = null,
        DisabledReason = null,
        PersonalDataRemovedAt = now,
        SessionVersion = account.SessionVersion + 1,
    };

    public static AuditEntry PersonalDataRemoved(Account account, TimeSpan period, DateTimeOffset now) =>
        new(now, Actor, RetentionAuditActions.AccountPersonalDataRemoved,
            Reason: $"disabled since {account.DisabledAt!.Value.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}, retention period {period}",
            Detail: account.Name);
}

/// <summary>The audit actions of retention, the same in the log, the API and the runbooks.</summary>
public static class RetentionAuditActions
{
    public const string IncidentPurged = "incident.purged";
    public const string AccountPersonalDataRemoved = "account.personalDataRemoved";
}
