using CrisisComms.Domain.Audit;
using CrisisComms.Domain.Dispatch;
using CrisisComms.Domain.Storage;

namespace CrisisComms.Storage.Tests;

public abstract partial class NoticeStoreContract
{
    [Fact]
    public async Task AnInsertedNoticeReadsBackAsTheSameDocument()
    {
        var notice = Samples.Live();
        notice.CompleteBannerStage(Stage.Intranet, Samples.Now, DispatchTimings.Default);

        await Store.SaveAsync(Samples.Insert(notice));

        Assert.Equal(1, notice.RowVersion);
        AssertSameDocument(notice, await Store.GetAsync(notice.Id));
    }

    [Fact]
    public async Task AnUnknownIdReadsAsNull() => Assert.Null(await Store.GetAsync("no-such-notice"));

    [Fact]
    public async Task EverySavedNoticeAdvancesItsRowVersionByOne()
    {
        var first = await SavedAsync(Samples.Draft());
        var second = await SavedAsync(Samples.Draft());

        first.Submit(Samples.Author("anna"), Samples.Now);
        second.Submit(Samples.Author("anna"), Samples.Now);
        await Store.SaveAsync(new ChangeSet([first, second], [], BannersChanged: false));

        Assert.Equal([2L, 2L], [first.RowVersion, second.RowVersion]);
        AssertSameDocument(first, await Store.GetAsync(first.Id));
        AssertSameDocument(second, await Store.GetAsync(second.Id));
    }

    [Fact]
    public async Task InsertingAnExistingIdConflictsAndWritesNothing()
    {
        var original = await SavedAsync(Samples.Draft());
        var revision = await Store.GetBannerRevisionAsync();
        var impostor = Samples.Live(id: original.Id);

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Store.SaveAsync(
            new ChangeSet([impostor], [Samples.Audit(impostor, AuditActions.Approved)], BannersChanged: true)));

        Assert.Equal(original.Id, conflict.NoticeId);
        Assert.Equal(0, impostor.RowVersion);
        AssertSameDocument(original, await Store.GetAsync(original.Id));
        Assert.Equal([AuditActions.Created], (await AuditOfAsync(original)).Select(a => a.Action));
        Assert.Equal(revision, await Store.GetBannerRevisionAsync());
        Assert.Empty(await Store.ListBannerCandidatesAsync());
        Assert.Empty(await Store.ListUpcomingAsync());
    }

    [Fact]
    public async Task SavingOverAStaleRowVersionConflictsAndWritesNothing()
    {
        var notice = await SavedAsync(Samples.Pending());
        var mine = (await Store.GetAsync(notice.Id))!;
        var theirs = (await Store.GetAsync(notice.Id))!;
        theirs.Reject(Samples.Approver("cecilia"), "Fel vattenverk.", Samples.Now);
        await Store.SaveAsync(new ChangeSet([theirs], [Samples.Audit(theirs, AuditActions.Rejected, "cecilia")], BannersChanged: false));
        var revision = await Store.GetBannerRevisionAsync();

        mine.Approve(Samples.Approver("bo"), false, null, Samples.Now, DispatchTimings.Default, new HashSet<string>());
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Store.SaveAsync(
            new ChangeSet([mine], [Samples.Audit(mine, AuditActions.Approved)], BannersChanged: true)));

        Assert.Equal(1, mine.RowVersion);
        AssertSameDocument(theirs, await Store.GetAsync(notice.Id));
        Assert.Equal([AuditActions.Rejected, AuditActions.Created], (await AuditOfAsync(notice)).Select(a => a.Action));
        Assert.Equal(revision, await Store.GetBannerRevisionAsync());
        Assert.Empty(await Store.ListBannerCandidatesAsync());
        Assert.Empty(await Store.ListDueAsync(DateTimeOffset.MaxValue));
        Assert.Empty(await Store.ListAsync(new NoticeQuery(State: Domain.Notices.NoticeState.Live)));
    }

    [Fact]
    public async Task AChangeSetWithOneStaleNoticeWritesNoneOfIt()
    {
        var stale = await SavedAsync(Samples.Live());
        var current = (await Store.GetAsync(stale.Id))!;
        current.Supersede(Samples.Now);
        await Store.SaveAsync(new ChangeSet([current], [], BannersChanged: true));
        var revision = await Store.GetBannerRevisionAsync();
        var auditBefore = await Store.ListAuditAsync(new AuditQuery());
        var candidatesBefore = await Store.ListBannerCandidatesAsync();

        var fresh = Samples.Live(incidentId: stale.IncidentId, version: 2);
        stale.Withdraw(Samples.Approver("bo"), "Fel kommun.", Samples.Now);
        var changes = new ChangeSet([fresh, stale],
            [Samples.Audit(fresh, AuditActions.Approved), Samples.Audit(stale, AuditActions.Withdrawn)], BannersChanged: true);
        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Store.SaveAsync(changes));

        Assert.Equal(stale.Id, conflict.NoticeId);
        Assert.Equal([0L, 1L], [fresh.RowVersion, stale.RowVersion]);
        Assert.Null(await Store.GetAsync(fresh.Id));
        AssertSameDocument(current, await Store.GetAsync(stale.Id));
        AssertIds(await Store.ListAsync(new NoticeQuery()), current);
        AssertIds(await Store.ListBannerCandidatesAsync(), [.. candidatesBefore]);
        Assert.Empty(await Store.ListUpcomingAsync());
        Assert.Equal(auditBefore.Count, (await Store.ListAuditAsync(new AuditQuery())).Count);
        Assert.Equal(revision, await Store.GetBannerRevisionAsync());
    }

    [Fact]
    public async Task TheBannerRevisionStartsAtOneAndGrowsByOnePerBannerChange()
    {
        Assert.Equal(1, await Store.GetBannerRevisionAsync());

        var notice = await SavedAsync(Samples.Pending());
        Assert.Equal(1, await Store.GetBannerRevisionAsync());

        notice.Approve(Samples.Approver("bo"), false, null, Samples.Now, DispatchTimings.Default, new HashSet<string>());
        await Store.SaveAsync(new ChangeSet([notice], [], BannersChanged: true));
        Assert.Equal(2, await Store.GetBannerRevisionAsync());

        notice.CompleteBannerStage(Stage.Intranet, Samples.Now, DispatchTimings.Default);
        await Store.SaveAsync(new ChangeSet([notice], [], BannersChanged: true));
        await Store.SaveAsync(new ChangeSet([], [], BannersChanged: true));
        Assert.Equal(4, await Store.GetBannerRevisionAsync());
    }
}
