using CrisisComms.Domain.Banners;
using CrisisComms.Domain.Dispatch;
using CrisisComms.Domain.Notices;

namespace CrisisComms.Domain.Tests;

/// <summary>Which version of which incident each audience sees.</summary>
public class BannerSelectorTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-11-23T12:00:00Z");
    private static readonly DispatchTimings Timings = new(TimeSpan.FromMinutes(1), TimeSpan.Zero, TimeSpan.FromHours(1));

    private static Notice Approved(Notice notice)
    {
        notice.Submit(Samples.Author("anna"), Now);
        notice.Approve(Samples.Approver("bo"), false, null, Now, Timings, new HashSet<string>());
        notice.CompleteBannerStage(Stage.Intranet, Now, Timings);
        return notice;
    }

    [Fact]
    public void ThePublicKeepsThePreviousVersionUntilTheUpdateReachesIt()
    {
        var v1 = Approved(Samples.Notice());
        v1.CompleteBannerStage(Stage.Public, Now + Timings.IntranetLead, Timings);
        var v2 = Approved(Samples.Notice(kind: NoticeKind.Update, incidentId: v1.IncidentId, version: 2));
        v1.Supersede(Now);

        var intranet = BannerSelector.Select([v1, v2], BannerAudience.Intranet, NoticeMode.Actual, 5, Now);
        var publicSite = BannerSelector.Select([v1, v2], BannerAudience.Public, NoticeMode.Actual, 5, Now);

        Assert.Equal(2, Assert.Single(intranet.Banners).Version);
        Assert.Equal(1, Assert.Single(publicSite.Banners).Version);
    }

    [Fact]
    public void AWithdrawnIncidentShowsNothingAnywhere()
    {
        var v1 = Approved(Samples.Notice());
        var v2 = Approved(Samples.Notice(kind: NoticeKind.Update, incidentId: v1.IncidentId, version: 2));
        v1.Supersede(Now);
        v2.Withdraw(Samples.Approver("bo"), "fel", Now);
        Assert.Empty(BannerSelector.Select([v1], BannerAudience.Intranet, NoticeMode.Actual, 6, Now).Banners);
    }

    [Fact]
    public void BannersAreOrderedMostSevereFirstThenNewestFirst()
    {
        Notice Make(Severity severity, int minutes)
        {
            var draft = Samples.Draft() with { Severity = severity, Audience = Audience.Staff };
            var n = Samples.Notice(draft: draft);
            n.Submit(Samples.Author("anna"), Now);
            n.Approve(Samples.Approver("bo"), false, null, Now.AddMinutes(minutes), Timings, new HashSet<string>());
            n.CompleteBannerStage(Stage.Intranet, Now.AddMinutes(minutes), Timings);
            return n;
        }
        var oldInfo = Make(Severity.Info, 1);
        var newWarning = Make(Severity.Warning, 3);
        var oldCritical = Make(Severity.Critical, 2);
        var newCritical = Make(Severity.Critical, 4);

        var order = BannerSelector.Select([oldInfo, newWarning, oldCritical, newCritical], BannerAudience.Intranet,
            NoticeMode.Actual, 1, Now.AddMinutes(5)).Banners.Select(b => b.Id);

        Assert.Equal([newCritical.Id, oldCritical.Id, newWarning.Id, oldInfo.Id], order);
    }

    [Fact]
    public void AnExpiredBannerIsNotShownEvenBeforeTheClockMarksIt()
    {
        var n = Approved(Samples.Notice(draft: Samples.Draft(expiresAt: Now.AddMinutes(10))));
        Assert.Single(BannerSelector.Select([n], BannerAudience.Intranet, NoticeMode.Actual, 1, Now).Banners);
        Assert.Empty(BannerSelector.Select([n], BannerAudience.Intranet, NoticeMode.Actual, 1, Now.AddMinutes(10)).Banners);
    }

    [Fact]
    public void ModesNeverMix()
    {
        var drill = Approved(Samples.Notice(draft: Samples.Draft(mode: NoticeMode.Exercise)));
        Assert.Empty(BannerSelector.Select([drill], BannerAudience.Intranet, NoticeMode.Actual, 1, Now).Banners);
        Assert.Single(BannerSelector.Select([drill], BannerAudience.Intranet, NoticeMode.Exercise, 1, Now).Banners);
    }
}
