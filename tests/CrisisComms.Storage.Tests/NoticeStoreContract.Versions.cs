using CrisisComms.Domain.Audit;
using CrisisComms.Domain.Storage;

namespace CrisisComms.Storage.Tests;

/// <summary>An incident's version numbers are handed out once: two follow-ups drafted at once cannot both be v2.</summary>
public abstract partial class NoticeStoreContract
{
    [Fact]
    public async Task ANewNoticeTakingAVersionItsIncidentHasConflictsAndWritesNothing()
    {
        var alert = await SavedAsync(Samples.Live());
        var first = await SavedAsync(Samples.Draft(incidentId: alert.IncidentId, version: 2));
        var second = Samples.Draft(incidentId: alert.IncidentId, version: 2);
        var revision = await Store.GetBannerRevisionAsync();

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Store.SaveAsync(
            new ChangeSet([second], [Samples.Audit(second, AuditActions.Created, "anna")], BannersChanged: true)));

        Assert.Equal(second.Id, conflict.NoticeId);
        Assert.Equal(0, second.RowVersion);
        Assert.Null(await Store.GetAsync(second.Id));
        Assert.Empty(await AuditOfAsync(second));
        Assert.Equal(revision, await Store.GetBannerRevisionAsync());
        AssertIdSet(await Store.ListAsync(new NoticeQuery(IncidentId: alert.IncidentId)), alert, first);

        // Drafted again on what is stored it is v3; v2 of another incident is no conflict.
        var third = await SavedAsync(Samples.Draft(incidentId: alert.IncidentId, version: 3));
        var elsewhere = await SavedAsync(Samples.Draft(incidentId: (await SavedAsync(Samples.Live())).IncidentId, version: 2));
        Assert.Equal([1L, 1L], [third.RowVersion, elsewhere.RowVersion]);
    }

    [Fact]
    public async Task OfTwoFollowUpsSavedAtOnceWithTheSameVersionExactlyOneIsStored()
    {
        var alert = await SavedAsync(Samples.Live());
        var drafts = Enumerable.Range(0, 2).Select(_ => Samples.Draft(incidentId: alert.IncidentId, version: 2)).ToArray();

        var saves = drafts.Select(d => Task.Run(() => Store.SaveAsync(Samples.Insert(d)))).ToArray();
        var outcomes = await Task.WhenAll(saves.Select(async s =>
        {
            try { await s; return "saved"; }
            catch (ConcurrencyConflictException) { return "conflict"; }
        }));

        Assert.Equal(["conflict", "saved"], outcomes.Order());
        var stored = await Store.ListAsync(new NoticeQuery(IncidentId: alert.IncidentId));
        Assert.Equal([1, 2], stored.Select(n => n.Version).Order());
    }
}
