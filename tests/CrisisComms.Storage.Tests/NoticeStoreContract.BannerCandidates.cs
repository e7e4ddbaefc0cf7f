using CrisisComms.Domain.Audit;
using CrisisComms.Domain.Dispatch;
using CrisisComms.Domain.Notices;
using CrisisComms.Domain.Storage;

namespace CrisisComms.Storage.Tests;

/// <summary>The banner candidates are what some audience can still show, not the incident's history.</summary>
public abstract partial class NoticeStoreContract
{
    private static readonly DispatchTimings Timings = DispatchTimings.Default;

    /// <summary>Version 1 of "vatten", on the intranet and the public site.</summary>
    private async Task<Notice> ShownEverywhereAsync()
    {
        var v1 = await SavedAsync(Samples.Live(incidentId: "vatten", approvedAt: Samples.Now));
        v1.AdvanceBannerStages(Samples.Now, Timings);
        v1.AdvanceBannerStages(Samples.Now + Timings.IntranetLead, Timings);
        await Store.SaveAsync(new ChangeSet([v1], [Samples.Audit(v1, AuditActions.StageDone)], BannersChanged: true));
        return v1;
    }

    /// <summary>Version 2 approved as the service approves it: v1 superseded and v2 on the intranet, in one write.</summary>
    private async Task<Notice> ApprovedUpdateAsync(Notice v1, DateTimeOffset at)
    {
        var v2 = Notice.Create(Samples.NewId(), v1.IncidentId, 2, NoticeKind.Update, Samples.Text(), false, Samples.Author("anna"), at);
        v2.Submit(Samples.Author("anna"), at);
        v2.Approve(Samples.Approver("bo"), false, null, at, Timings, new HashSet<string>());
        v2.AdvanceBannerStages(at, Timings);
        v1.Supersede(at, by: v2);
        await Store.SaveAsync(new ChangeSet([v2, v1], [Samples.Audit(v2, AuditActions.Approved)], BannersChanged: true));
        return v2;
    }

    [Fact]
    public async Task TheOldVersionStaysACandidateWhileTheUpdateHasReachedOnlyTheIntranet()
    {
        var v1 = await ShownEverywhereAsync();
        var v2 = await ApprovedUpdateAsync(v1, Samples.Now.AddMinutes(10));

        AssertIdSet(await Store.ListBannerCandidatesAsync(), v1, v2);
    }

    [Fact]
    public async Task TheOldVersionLeavesTheCandidatesOnceTheUpdateHasReachedThePublicSite()
    {
        var v1 = await ShownEverywhereAsync();
        var v2 = await ApprovedUpdateAsync(v1, Samples.Now.AddMinutes(10));

        v2.AdvanceBannerStages(Samples.Now.AddMinutes(10) + Timings.IntranetLead, Timings);
        await Store.SaveAsync(new ChangeSet([v2], [Samples.Audit(v2, AuditActions.StageDone)], BannersChanged: true));

        AssertIdSet(await Store.ListBannerCandidatesAsync(), v2);
        await ReopenStoresAsync();
        AssertIdSet(await Store.ListBannerCandidatesAsync(), v2);
    }

    [Fact]
    public async Task AnOldVersionSavedAgainAfterItLeftDoesNotComeBack()
    {
        var v1 = await ShownEverywhereAsync();
        var v2 = await ApprovedUpdateAsync(v1, Samples.Now.AddMinutes(10));
        v2.AdvanceBannerStages(Samples.Now.AddMinutes(10) + Timings.IntranetLead, Timings);
        await Store.SaveAsync(new ChangeSet([v2], [], BannersChanged: true));

        // Its posts are deleted later, say: the old version is written again on its own.
        var old = (await Store.GetAsync(v1.Id))!;
        await Store.SaveAsync(new ChangeSet([old], [Samples.Audit(old, AuditActions.StageDone)], BannersChanged: false));

        AssertIdSet(await Store.ListBannerCandidatesAsync(), v2);
    }

    [Fact]
    public async Task EveryVersionLeavesTheCandidatesWhenTheIncidentIsWithdrawn()
    {
        var v1 = await ShownEverywhereAsync();
        var v2 = await ApprovedUpdateAsync(v1, Samples.Now.AddMinutes(10));
        var other = await SavedAsync(Samples.Live(incidentId: "storm"));

        v2.Withdraw(Samples.Approver("bo"), "Fel kommun.", Samples.Now.AddMinutes(11));
        await Store.SaveAsync(new ChangeSet([v2], [Samples.Audit(v2, AuditActions.Withdrawn)], BannersChanged: true));

        AssertIdSet(await Store.ListBannerCandidatesAsync(), other);
    }
}
