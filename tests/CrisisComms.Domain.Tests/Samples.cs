using CrisisComms.Domain.Notices;

namespace CrisisComms.Domain.Tests;

internal static class Samples
{
    public static Actor Author(string sub) => new(sub, sub, new HashSet<string> { Roles.Author });
    public static Actor Approver(string sub) => new(sub, sub, new HashSet<string> { Roles.Approver });
    public static Actor Director(string sub) => new(sub, sub, new HashSet<string> { Roles.Director });

    public static NoticeDraft Draft(Audience audience = Audience.Everyone, NoticeMode mode = NoticeMode.Actual,
        DateTimeOffset? expiresAt = null, params string[] channels) => new(
        Severity.Critical, audience, mode, "Linköpings kommun, krisledningen", "https://www.linkoping.se/kris/vatten",
        expiresAt, channels,
        new Dictionary<string, NoticeContent>
        {
            ["sv"] = new("Vattnet är otjänligt", "Koka vattnet innan du dricker det.", "Gäller hela Linköping.", "Koka i tre minuter."),
        });

    public static Notice Notice(string author = "anna", NoticeDraft? draft = null, NoticeKind kind = NoticeKind.Alert,
        string? id = null, string? incidentId = null, int version = 1)
    {
        id ??= Guid.NewGuid().ToString("N");
        return Domain.Notices.Notice.Create(id, incidentId ?? id, version, kind, draft ?? Draft(), false,
            Author(author), DateTimeOffset.Parse("2026-11-23T11:00:00Z"));
    }
}
