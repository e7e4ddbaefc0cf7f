using CrisisComms.Domain.Dispatch;
using CrisisComms.Domain.Notices;

namespace CrisisComms.Domain.Banners;

/// <summary>
/// Decides what each audience sees. Per incident it shows the newest version whose stage for that
/// audience has run, so an update reaches the public only after the intranet, and the public keeps
/// the previous version until then. An incident with no live version left (withdrawn, expired,
/// closed) shows nothing anywhere. A VMA (the state's message) comes before our own notices.
/// </summary>
public static class BannerSelector
{
    public static BannerSnapshot Select(IEnumerable<Notice> candidates, BannerAudience audience, NoticeMode mode,
        long revision, DateTimeOffset now)
    {
        var stageName = audience == BannerAudience.Public ? Stage.Public : Stage.Intranet;
        var banners = candidates
            .Where(n => n.Draft.Mode == mode)
            .GroupBy(n => n.IncidentId)
            .Where(incident => incident.Any(n => n.State == NoticeState.Live && IsCurrent(n, now)))
            .Select(incident => incident
                .Where(n => n.State is NoticeState.Live or NoticeState.Superseded && IsCurrent(n, now))
                .Where(n => audience == BannerAudience.Intranet || n.Draft.Audience == Audience.Everyone)
                .Select(n => (Notice: n, Stage: n.StageNamed(stageName)))
                .Where(x => x.Stage is { State: StageState.Done })
                .OrderByDescending(x => x.Notice.Version)
                .FirstOrDefault())
            .Where(x => x.Notice is not null)
            .Select(x => ToBanner(x.Notice, x.Stage!.DoneAt!.Value))
            .OrderBy(b => b.Source == BannerSource.Vma ? 0 : 1)
            .ThenBy(b => b.Severity)
            .ThenByDescending(b => b.PublishedAt)
            .ThenBy(b => b.Id, StringComparer.Ordinal)
            .ToList();
        return new BannerSnapshot(audience, mode, revision, banners);
    }

    private static bool IsCurrent(Notice n, DateTimeOffset now) =>
        (n.Draft.ExpiresAt is null || n.Draft.ExpiresAt > now) && (n.ClosesAt is null || n.ClosesAt > now);

    public static Banner ToBanner(Notice n, DateTimeOffset publishedAt) => new(
        n.Id, n.IncidentId, n.Version, n.Kind, n.Draft.Severity, n.Draft.Mode, n.Draft.Sender,
        n.Draft.Link, n.LinkIsExternal, publishedAt, n.Draft.ExpiresAt, n.Draft.Content)
    {
        Source = n.Source,
    };
}
