using CrisisComms.Domain.Banners;
using CrisisComms.Domain.Dispatch;
using CrisisComms.Domain.Notices;

namespace CrisisComms.Domain.Tests;

/// <summary>Which versions of an incident a banner can still be made of.</summary>
public class BannerCandidatesTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-11-23T12:00:00Z");
    private static readonly DispatchTimings Timings = new(TimeSpan.FromMinutes(1), TimeSpan.Zero, TimeSpan.FromHours(1));

    /// <summary>Approved, on the intranet, and (when <paramref name="onPublic"/>) on the public site.</summary>
    private static Notice Shown(Notice notice, bool onPublic)
    {
        notice.Submit(Samples.Author("anna"), Now);
        notice.Approve(Samples.Approver("bo"), false, null, Now, Timings, new HashSet<string>());
        notice.CompleteBannerStage(Stage.Intranet, Now, Timings);
        if (onPublic) notice.CompleteBannerStage(Stage.Public, Now + Timings.IntranetLead, Timings);
        return notice;
    }

    private static (Notice V1, Notice V2) Updated(bool v1OnPublic, bool v2OnPublic, NoticeDraft? v2Draft = null, NoticeDraft? v1Draft = null)
    {
        var v1 = Shown(Samples.Notice(draft: v1Draft), v1OnPublic);
        var v2 = Shown(Samples.Notice(kind: NoticeKind.Update, incidentId: v1.IncidentId, version: 2, draft: v2Draft), v2OnPublic);
        v1.Supersede(Now, by: v2);
        return (v1, v2);
    }

    [Fact]
    public void TheOldVersionStaysWhileTheUpdateHasReachedOnlyTheIntranet()
    {
        var (v1, v2) = Updated(v1OnPublic: true, v2OnPublic: false);

        Assert.True(BannerCandidates.IsCandidate(v1, [v1, v2]));
        Assert.True(BannerCandidates.IsCandidate(v2, [v1, v2]));
    }

    [Fact]
    public void TheOldVersionLeavesOnceTheUpdateHasReachedEveryAudienceItHadReached()
    {
        var (v1, v2) = Updated(v1OnPublic: true, v2OnPublic: true);

        Assert.False(BannerCandidates.IsCandidate(v1, [v1, v2]));
    }

    [Fact]
    public void AnOldVersionThatReachedOnlyTheIntranetLeavesWhenTheUpdateIsOnTheIntranet()
    {
        var (v1, v2) = Updated(v1OnPublic: false, v2OnPublic: false);

        Assert.False(BannerCandidates.IsCandidate(v1, [v1, v2]));
    }

    [Fact]
    public void AStaffOnlyUpdateNeverCoversThePublicSite()
    {
        var (v1, v2) = Updated(v1OnPublic: true, v2OnPublic: false, v2Draft: Samples.Draft(audience: Audience.Staff));

        Assert.Equal(StageState.Done, v2.StageNamed(Stage.Intranet)!.State);
        Assert.True(BannerCandidates.IsCandidate(v1, [v1, v2]));
    }

    [Fact]
    public void AnUpdateThatExpiresSoonerDoesNotCoverTheVersionItReplaced()
    {
        var (v1, v2) = Updated(v1OnPublic: true, v2OnPublic: true,
            v1Draft: Samples.Draft(expiresAt: Now.AddHours(5)), v2Draft: Samples.Draft(expiresAt: Now.AddHours(2)));

        Assert.True(BannerCandidates.IsCandidate(v1, [v1, v2]));
    }

    [Fact]
    public void EveryVersionLeavesWhenTheIncidentEnds()
    {
        var (v1, v2) = Updated(v1OnPublic: true, v2OnPublic: false);
        v2.Withdraw(Samples.Approver("bo"), "Fel kommun.", Now);

        Assert.False(BannerCandidates.IsCandidate(v1, [v1, v2]));
        Assert.False(BannerCandidates.IsCandidate(v2, [v1, v2]));
    }

    [Fact]
    public void AnUpdateStillWaitingForApprovalCoversNothing()
    {
        var v1 = Shown(Samples.Notice(), onPublic: true);
        var pending = Samples.Notice(kind: NoticeKind.Update, incidentId: v1.IncidentId, version: 2);
        pending.Submit(Samples.Author("anna"), Now);

        Assert.True(BannerCandidates.IsCandidate(v1, [v1, pending]));
        Assert.False(BannerCandidates.IsCandidate(pending, [v1, pending]));
    }

    [Fact]
    public void TheRuleAgreesWithWhatTheSelectorShows()
    {
        var (v1, v2) = Updated(v1OnPublic: true, v2OnPublic: false);
        var kept = new[] { v1, v2 }.Where(n => BannerCandidates.IsCandidate(n, [v1, v2])).ToList();

        foreach (var audience in new[] { BannerAudience.Intranet, BannerAudience.Public })
            Assert.Equal(
                BannerSelector.Select([v1, v2], audience, NoticeMode.Actual, 1, Now).Banners.Select(b => b.Id),
                BannerSelector.Select(kept, audience, NoticeMode.Actual, 1, Now).Banners.Select(b => b.Id));
        Assert.Equal(1, Assert.Single(BannerSelector.Select(kept, BannerAudience.Public, NoticeMode.Actual, 1, Now).Banners).Version);
    }
}
