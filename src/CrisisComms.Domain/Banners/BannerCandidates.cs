using CrisisComms.Domain.Dispatch;
using CrisisComms.Domain.Notices;

namespace CrisisComms.Domain.Banners;

/// <summary>
/// Which notices a banner can still be made of, so the stores keep only those in their candidate
/// index and a snapshot never reads an incident's history. A live notice is one. A superseded
/// version is one only while some audience it reached could still fall back to it, because no
/// newer version has reached that audience yet (<see cref="BannerSelector"/> shows the newest
/// version that has).
/// </summary>
public static class BannerCandidates
{
    /// <summary>
    /// Whether <paramref name="notice"/> can still be shown, given the other versions of its
    /// incident (any of them; it need not be all of them, as long as it holds the incident's
    /// candidates and the versions just changed). A superseded version stops being one when:
    /// <list type="bullet">
    /// <item>every audience it reached has been reached by a newer version of the same mode that
    /// expires no earlier (so whenever the old one would still be current, the newer one is);</item>
    /// <item>or a newer approved version has ended (withdrawn, expired, closed) or is of another
    /// mode: the incident's banners are down, and an old version never comes back, not even when a
    /// version waiting for approval is approved later.</item>
    /// </list>
    /// Once false, it stays false as the incident goes on, so a store may drop the notice for good.
    /// </summary>
    public static bool IsCandidate(Notice notice, IEnumerable<Notice> incident)
    {
        if (notice.State == NoticeState.Live) return true;
        if (notice.State != NoticeState.Superseded) return false;
        var newer = incident
            .Where(n => n.IncidentId == notice.IncidentId && n.Version > notice.Version && n.ApprovedAt is not null)
            .ToList();
        if (newer.Any(n => n.IsEnded || n.Draft.Mode != notice.Draft.Mode)) return false;
        return Audiences.Any(audience => Reached(notice, audience)
            && !newer.Any(n => Reached(n, audience) && ExpiresNoEarlier(n, notice)));
    }

    private static readonly BannerAudience[] Audiences = [BannerAudience.Intranet, BannerAudience.Public];

    /// <summary>What <see cref="BannerSelector"/> asks of a version before it shows it to that audience.</summary>
    private static bool Reached(Notice n, BannerAudience audience) =>
        n.StageNamed(audience == BannerAudience.Public ? Stage.Public : Stage.Intranet) is { State: StageState.Done }
        && (audience == BannerAudience.Intranet || n.Draft.Audience == Audience.Everyone);

    private static bool ExpiresNoEarlier(Notice newer, Notice older) =>
        newer.Draft.ExpiresAt is not { } ends || (older.Draft.ExpiresAt is { } olderEnds && ends >= olderEnds);
}
