using CrisisComms.Domain.Audit;
using CrisisComms.Domain.Dispatch;
using CrisisComms.Domain.Notices;
using CrisisComms.Domain.Storage;

namespace CrisisComms.LoadGen.History;

/// <summary>
/// A year of ended incidents written straight through a store's own <see cref="INoticeStore.SaveAsync"/>,
/// many incidents per write: the history the <c>history</c> benchmark runs against, in seconds
/// instead of the hours 20,000 notices take through the officer API. Each incident is what the
/// service itself makes of "alert, update, withdraw": version 1 approved and released to both
/// audiences, superseded by version 2, which is approved, released and withdrawn. The notices are
/// built by the domain's own workflow methods, so they are the documents the server would store.
/// </summary>
internal static class HistorySeed
{
    // Incidents per write: large enough that fsync is no longer what takes the time, small enough for one transaction.
    private const int IncidentsPerWrite = 250;

    private static readonly Actor Author = new("seed-author", "Seed author", new HashSet<string> { Roles.Author });
    private static readonly Actor Approver = new("seed-approver", "Seed approver", new HashSet<string> { Roles.Approver });
    private static readonly HashSet<string> NoChannels = [];

    /// <summary>Writes <paramref name="notices"/> ended notices (two per incident) and <paramref name="audit"/> audit entries.</summary>
    public static async Task<(int Notices, int Audit)> RunAsync(INoticeStore store, int notices, int audit, DateTimeOffset now, TextWriter log, CancellationToken ct)
    {
        var incidents = (notices + 1) / 2;
        var auditPerNotice = notices == 0 ? 0 : audit / notices;
        var spare = notices == 0 ? 0 : audit % notices;
        // Spread over the year before now, oldest first, as the store would have received them.
        var step = TimeSpan.FromDays(365) / Math.Max(1, incidents);
        int writtenNotices = 0, writtenAudit = 0;
        for (var first = 0; first < incidents; first += IncidentsPerWrite)
        {
            var batch = new List<Notice>();
            var entries = new List<AuditEntry>();
            for (var i = first; i < Math.Min(incidents, first + IncidentsPerWrite); i++)
            {
                var at = now - TimeSpan.FromDays(365) + i * step;
                var versions = writtenNotices + batch.Count + 2 <= notices ? 2 : 1;
                foreach (var (notice, actions) in Incident(i, at, versions))
                {
                    batch.Add(notice);
                    var count = auditPerNotice + (spare-- > 0 ? 1 : 0);
                    for (var k = 0; k < count; k++)
                    {
                        // The workflow's own actions first, then the stage attempts a real dispatch would log.
                        var action = k < actions.Count ? actions[k] : AuditActions.StageAttempt;
                        entries.Add(new AuditEntry(notice.CreatedAt + TimeSpan.FromSeconds(k), k < 1 ? Author.Subject : Approver.Subject,
                            action, notice.Id, notice.IncidentId));
                    }
                }
            }
            await store.SaveAsync(new ChangeSet(batch, entries, BannersChanged: true), ct);
            writtenNotices += batch.Count;
            writtenAudit += entries.Count;
            if (first / IncidentsPerWrite % 20 == 0) log.WriteLine($"  seeded {writtenNotices} notices, {writtenAudit} audit entries");
        }
        return (writtenNotices, writtenAudit);
    }

    private static List<(Notice, List<string>)> Incident(int i, DateTimeOffset at, int versions)
    {
        var timings = DispatchTimings.Default;
        var id = Id(at);
        var v1 = Notice.Create(id, id, 1, NoticeKind.Alert, Draft(i, 1, at), false, Author, at);
        Publish(v1, at, timings);
        var v1Actions = new List<string> { AuditActions.Created, AuditActions.Submitted, AuditActions.Approved, AuditActions.StageDone,
            AuditActions.ReleasedNext, AuditActions.StageDone };
        if (versions == 1)
        {
            v1.Withdraw(Approver, "Faran är över.", at + TimeSpan.FromHours(1));
            return [(v1, [.. v1Actions, AuditActions.Withdrawn])];
        }
        var later = at + TimeSpan.FromMinutes(30);
        var v2 = Notice.Create(Id(later), v1.IncidentId, 2, NoticeKind.Update, Draft(i, 2, later), false, Author, later);
        v2.Submit(Author, later);
        v2.Approve(Approver, false, null, later, timings, NoChannels);
        v1.Supersede(later, by: v2);
        v2.AdvanceBannerStages(later, timings);
        v2.ReleaseNext(Approver, later + TimeSpan.FromSeconds(1));
        v2.AdvanceBannerStages(later + TimeSpan.FromSeconds(1), timings);
        v2.Withdraw(Approver, "Faran är över.", later + TimeSpan.FromHours(1));
        return
        [
            (v1, [.. v1Actions, AuditActions.Superseded]),
            (v2, [AuditActions.Created, AuditActions.Submitted, AuditActions.Approved, AuditActions.StageDone, AuditActions.ReleasedNext,
                AuditActions.StageDone, AuditActions.Withdrawn]),
        ];
    }

    private static void Publish(Notice notice, DateTimeOffset at, DispatchTimings timings)
    {
        notice.Submit(Author, at);
        notice.Approve(Approver, false, null, at, timings, NoChannels);
        notice.AdvanceBannerStages(at, timings);
        notice.ReleaseNext(Approver, at + TimeSpan.FromSeconds(1));
        notice.AdvanceBannerStages(at + TimeSpan.FromSeconds(1), timings);
    }

    // As the service makes them: version 7 GUIDs, so ids sort by creation time.
    private static string Id(DateTimeOffset at) => Guid.CreateVersion7(at).ToString("N");

    private static NoticeDraft Draft(int incident, int version, DateTimeOffset at) => new(
        Severity.Warning, Audience.Everyone, NoticeMode.Actual, "Linköpings kommun, krisledningen",
        "https://www.linkoping.se/kris", at + TimeSpan.FromHours(2), [],
        new Dictionary<string, NoticeContent>
        {
            ["sv"] = new($"Händelse {incident + 1}, version {version}", "Stäng fönster och ventilation. Lyssna på Sveriges Radio P4.",
                "Räddningstjänsten arbetar på platsen.", "Håll dig inomhus."),
            ["en"] = new($"Incident {incident + 1}, version {version}", "Close windows and ventilation."),
        });
}
