using CrisisComms.Domain.Audit;
using CrisisComms.Domain.Dispatch;
using CrisisComms.Domain.Notices;
using CrisisComms.Domain.Storage;

namespace CrisisComms.Storage.Tests;

/// <summary>Notices built with the domain's own methods, as the service builds them.</summary>
internal static class Samples
{
    public static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-11-23T11:00:00Z");

    public static Actor Author(string sub) => new(sub, sub, new HashSet<string> { Roles.Author });
    public static Actor Approver(string sub) => new(sub, sub, new HashSet<string> { Roles.Approver });

    /// <summary>What an officer writes, already validated.</summary>
    public static NoticeDraft Text(Audience audience = Audience.Everyone, DateTimeOffset? expiresAt = null) => new(
        Severity.Critical, audience, NoticeMode.Actual, "Linköpings kommun, krisledningen", "https://www.linkoping.se/kris/vatten",
        expiresAt, [],
        new Dictionary<string, NoticeContent>
        {
            ["sv"] = new("Vattnet är otjänligt", "Koka vattnet innan du dricker det.", "Gäller hela Linköping.", "Koka i tre minuter."),
        });

    public static Notice Draft(string? id = null, string? incidentId = null, int version = 1,
        DateTimeOffset? createdAt = null, NoticeDraft? draft = null)
    {
        id ??= NewId();
        return Notice.Create(id, incidentId ?? id, version, version == 1 ? NoticeKind.Alert : NoticeKind.Update,
            draft ?? Text(), false, Author("anna"), createdAt ?? Now);
    }

    public static Notice Pending(string? id = null, string? incidentId = null, DateTimeOffset? createdAt = null, int version = 1)
    {
        var notice = Draft(id, incidentId, version, createdAt);
        notice.Submit(Author("anna"), createdAt ?? Now);
        return notice;
    }

    /// <summary>Approved at <paramref name="approvedAt"/>: its intranet stage is due then, the public one a minute later.</summary>
    public static Notice Live(string? id = null, string? incidentId = null, int version = 1,
        DateTimeOffset? approvedAt = null, NoticeDraft? draft = null)
    {
        var at = approvedAt ?? Now;
        var notice = Draft(id, incidentId, version, at, draft);
        notice.Submit(Author("anna"), at);
        notice.Approve(Approver("bo"), false, null, at, DispatchTimings.Default, new HashSet<string>());
        return notice;
    }

    public static AuditEntry Audit(Notice notice, string action, string actor = "bo") =>
        new(Now, actor, action, notice.Id, notice.IncidentId);

    public static ChangeSet Insert(params Notice[] notices) =>
        new(notices, [.. notices.Select(n => Audit(n, AuditActions.Created, "anna"))], BannersChanged: false);

    public static string NewId() => Guid.NewGuid().ToString("N");
}
