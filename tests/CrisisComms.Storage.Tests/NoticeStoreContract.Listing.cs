using CrisisComms.Domain.Dispatch;
using CrisisComms.Domain.Notices;
using CrisisComms.Domain.Storage;

namespace CrisisComms.Storage.Tests;

public abstract partial class NoticeStoreContract
{
    [Fact]
    public async Task ListingIsNewestFirstAndStopsAtTheLimit()
    {
        var oldest = Samples.Draft(createdAt: Samples.Now);
        var middle = Samples.Draft(createdAt: Samples.Now.AddMinutes(5));
        var newest = Samples.Draft(createdAt: Samples.Now.AddMinutes(10));
        await Store.SaveAsync(Samples.Insert(middle, newest, oldest));

        AssertIds(await Store.ListAsync(new NoticeQuery()), newest, middle, oldest);
        AssertIds(await Store.ListAsync(new NoticeQuery(Limit: 2)), newest, middle);
    }

    [Fact]
    public async Task NoticesCreatedAtTheSameMomentAreListedByIdDescending()
    {
        var a = Samples.Draft(id: "notice-a");
        var c = Samples.Draft(id: "notice-c");
        var b = Samples.Draft(id: "notice-b");
        await Store.SaveAsync(Samples.Insert(a, c, b));

        AssertIds(await Store.ListAsync(new NoticeQuery()), c, b, a);
    }

    [Fact]
    public async Task ListingFiltersByStateAndIncident()
    {
        var first = Samples.Live(incidentId: "vatten", approvedAt: Samples.Now);
        var update = Samples.Live(incidentId: "vatten", version: 2, approvedAt: Samples.Now.AddMinutes(30));
        first.Supersede(Samples.Now.AddMinutes(30));
        var draft = Samples.Draft(incidentId: "storm", createdAt: Samples.Now.AddMinutes(1));
        var pending = Samples.Pending(incidentId: "storm", createdAt: Samples.Now.AddMinutes(2));
        await Store.SaveAsync(Samples.Insert(first, update, draft, pending));

        AssertIds(await Store.ListAsync(new NoticeQuery(State: NoticeState.Live)), update);
        AssertIds(await Store.ListAsync(new NoticeQuery(IncidentId: "vatten")), update, first);
        AssertIds(await Store.ListAsync(new NoticeQuery(State: NoticeState.Superseded, IncidentId: "vatten")), first);
        AssertIds(await Store.ListAsync(new NoticeQuery(State: NoticeState.PendingApproval)), pending);
        AssertIds(await Store.ListAsync(new NoticeQuery(IncidentId: "storm", Limit: 1)), pending);
        Assert.Empty(await Store.ListAsync(new NoticeQuery(State: NoticeState.Live, IncidentId: "storm")));
        Assert.Empty(await Store.ListAsync(new NoticeQuery(IncidentId: "no-such-incident")));
    }

    [Fact]
    public async Task ANoticeIsListedOnlyUnderItsCurrentState()
    {
        var notice = await SavedAsync(Samples.Pending());

        notice.Approve(Samples.Approver("bo"), false, null, Samples.Now, DispatchTimings.Default, new HashSet<string>());
        await Store.SaveAsync(new ChangeSet([notice], [], BannersChanged: true));

        Assert.Empty(await Store.ListAsync(new NoticeQuery(State: NoticeState.PendingApproval)));
        AssertIds(await Store.ListAsync(new NoticeQuery(State: NoticeState.Live)), notice);
    }

    [Fact]
    public async Task DueNoticesFollowTheirNextDueMomentAndLeaveWhenItIsGone()
    {
        var minute = DispatchTimings.Default.IntranetLead;
        var notice = await SavedAsync(Samples.Live(approvedAt: Samples.Now));
        await SavedAsync(Samples.Draft());

        Assert.Empty(await Store.ListDueAsync(Samples.Now.AddMilliseconds(-1)));
        AssertIds(await Store.ListDueAsync(Samples.Now), notice);
        Assert.Equal([(notice.Id, Samples.Now)], await Store.ListUpcomingAsync());

        notice.CompleteBannerStage(Stage.Intranet, Samples.Now, DispatchTimings.Default);
        await Store.SaveAsync(new ChangeSet([notice], [], BannersChanged: true));
        Assert.Empty(await Store.ListDueAsync(Samples.Now + minute - TimeSpan.FromMilliseconds(1)));
        AssertIds(await Store.ListDueAsync(Samples.Now + minute), notice);
        Assert.Equal([(notice.Id, Samples.Now + minute)], await Store.ListUpcomingAsync());

        notice.Withdraw(Samples.Approver("bo"), "Fel kommun.", Samples.Now);
        Assert.Null(notice.NextDueAt);
        await Store.SaveAsync(new ChangeSet([notice], [], BannersChanged: true));
        Assert.Empty(await Store.ListDueAsync(DateTimeOffset.MaxValue));
        Assert.Empty(await Store.ListUpcomingAsync());
    }

    [Fact]
    public async Task DueNoticesComeEarliestFirst()
    {
        var later = Samples.Live(approvedAt: Samples.Now.AddMinutes(10));
        var sooner = Samples.Live(approvedAt: Samples.Now);
        await Store.SaveAsync(Samples.Insert(later, sooner));

        AssertIds(await Store.ListDueAsync(Samples.Now.AddHours(1)), sooner, later);
        Assert.Equal([sooner.Id, later.Id], (await Store.ListUpcomingAsync()).Select(u => u.Id));
    }

    [Fact]
    public async Task BannerCandidatesAreTheLiveNoticesAndTheSupersededOnesStillShown()
    {
        var superseded = Samples.Live(incidentId: "vatten");
        superseded.AdvanceBannerStages(Samples.Now, DispatchTimings.Default);
        superseded.Supersede(Samples.Now);
        var live = Samples.Live(incidentId: "vatten", version: 2);
        var withdrawn = Samples.Live();
        withdrawn.Withdraw(Samples.Approver("bo"), "Fel kommun.", Samples.Now);
        await Store.SaveAsync(Samples.Insert(superseded, live, withdrawn, Samples.Draft(), Samples.Pending()));

        AssertIdSet(await Store.ListBannerCandidatesAsync(), live, superseded);

        live.Withdraw(Samples.Approver("bo"), "Faran är över.", Samples.Now);
        await Store.SaveAsync(new ChangeSet([live], [], BannersChanged: true));
        Assert.Empty(await Store.ListBannerCandidatesAsync());
    }
}
