using CrisisComms.Domain.Audit;
using CrisisComms.Domain.Notices;
using CrisisComms.Domain.Records;
using CrisisComms.Domain.Storage;

namespace CrisisComms.Storage.Tests;

public abstract partial class NoticeStoreContract
{
    private static readonly TimeSpan Period = TimeSpan.FromDays(365);

    /// <summary>Retention on the same data as <see cref="Store"/>.</summary>
    protected abstract Task<IRetentionStore> CreateRetentionStoreAsync();

    [Fact]
    public async Task RetentionPurgesExactlyTheIncidentsPastThePeriodAndKeepsEveryAuditEntry()
    {
        var now = Samples.Now + TimeSpan.FromDays(800);
        var old = await EndedAsync(Samples.Now, withdraw: true, versions: 2);
        var oldExpired = await EndedAsync(Samples.Now + TimeSpan.FromDays(10), withdraw: false, versions: 1);
        var recent = await EndedAsync(now - TimeSpan.FromDays(30), withdraw: true, versions: 1);
        var live = await SavedAsync(Samples.Live(approvedAt: Samples.Now));
        var draft = await SavedAsync(Samples.Draft(createdAt: Samples.Now));
        var retention = await CreateRetentionStoreAsync();
        var lastBefore = await Store.GetLastAuditSequenceAsync();

        var due = RetentionRules.Due(EndedIncident.Among(await retention.ListNoticesOfEndingIncidentsAsync()), Period, now);
        Assert.Equal([old[0].IncidentId, oldExpired[0].IncidentId], due.Select(i => i.IncidentId));
        foreach (var incident in due)
            Assert.True(await retention.PurgeAsync(new IncidentPurge(incident.IncidentId, incident.Notices,
                RetentionRules.Purged(incident, new string('a', 64), Period, now))));

        foreach (var gone in old.Concat(oldExpired))
        {
            Assert.Null(await Store.GetAsync(gone.Id));
            Assert.NotEmpty(await AuditOfAsync(gone));
        }
        Assert.Empty(await Store.ListAsync(new NoticeQuery(IncidentId: old[0].IncidentId)));
        Assert.Empty(await Store.ListAsync(new NoticeQuery(State: NoticeState.Expired)));
        AssertIds(await Store.ListAsync(new NoticeQuery(State: NoticeState.Withdrawn)), recent);
        AssertIdSet(await Store.ListAsync(new NoticeQuery()), [.. recent, live, draft]);
        AssertSameDocument(live, await Store.GetAsync(live.Id));
        AssertSameDocument(recent[0], await Store.GetAsync(recent[0].Id));
        AssertIdSet(await Store.ListBannerCandidatesAsync(), live);
        AssertIdSet(await retention.ListNoticesOfEndingIncidentsAsync(), recent);

        var purged = (await Store.ListAuditAsync(new AuditQuery(IncidentId: old[0].IncidentId)))[0];
        Assert.Equal((RetentionAuditActions.IncidentPurged, RetentionRules.Actor, lastBefore + 1), (purged.Action, purged.Actor, purged.Sequence));
        Assert.Contains("sha256=" + new string('a', 64), purged.Detail);
        Assert.Equal(AuditVerification.ValidWith(lastBefore + 2), await VerifyAuditAsync());
    }

    [Fact]
    public async Task ASecondPurgeOfTheSameIncidentWritesNothing()
    {
        await EndedAsync(Samples.Now, withdraw: true, versions: 1);
        var incident = EndedIncident.Among(await (await CreateRetentionStoreAsync()).ListNoticesOfEndingIncidentsAsync()).Single();
        var purge = new IncidentPurge(incident.IncidentId, incident.Notices, RetentionRules.Purged(incident, new string('b', 64), Period, Samples.Now));

        // Two nodes that read the same incident: one purges, the other finds it gone.
        var results = await Task.WhenAll((await CreateRetentionStoreAsync()).PurgeAsync(purge), (await CreateRetentionStoreAsync()).PurgeAsync(purge));

        Assert.Equal(1, results.Count(r => r));
        Assert.Single(await Store.ListAuditAsync(new AuditQuery(IncidentId: incident.IncidentId)),
            e => e.Action == RetentionAuditActions.IncidentPurged);
        Assert.True((await VerifyAuditAsync()).Valid);
    }

    [Fact]
    public async Task AnIncidentChangedSinceItWasReadIsNotPurged()
    {
        var ended = await EndedAsync(Samples.Now, withdraw: true, versions: 1);
        var retention = await CreateRetentionStoreAsync();
        var incident = EndedIncident.Among(await retention.ListNoticesOfEndingIncidentsAsync()).Single();
        var lastBefore = await Store.GetLastAuditSequenceAsync();
        var stale = new IncidentPurge(incident.IncidentId, incident.Notices, RetentionRules.Purged(incident, new string('c', 64), Period, Samples.Now));

        var changed = (await Store.GetAsync(ended[0].Id))!;
        await Store.SaveAsync(new ChangeSet([changed], [Samples.Audit(changed, AuditActions.StageAttempt)], false));
        Assert.False(await retention.PurgeAsync(stale));
        var added = await SavedAsync(Samples.Draft(incidentId: incident.IncidentId, version: 2));
        Assert.False(await retention.PurgeAsync(stale with { Notices = [changed] }));

        AssertIdSet(await Store.ListAsync(new NoticeQuery(IncidentId: incident.IncidentId)), changed, added);
        Assert.Equal(lastBefore + 2, await Store.GetLastAuditSequenceAsync());
        Assert.True((await VerifyAuditAsync()).Valid);
    }

    /// <summary>An incident approved at <paramref name="at"/> with <paramref name="versions"/> versions, then withdrawn or expired a day later.</summary>
    private async Task<Notice[]> EndedAsync(DateTimeOffset at, bool withdraw, int versions)
    {
        var incidentId = Samples.NewId();
        var notices = new List<Notice>();
        for (var v = 1; v <= versions; v++)
        {
            var notice = Samples.Live(incidentId: incidentId, version: v, approvedAt: at,
                draft: withdraw ? null : Samples.Text(expiresAt: at + TimeSpan.FromDays(1)));
            if (v < versions) notice.Supersede(at);
            else if (withdraw) notice.Withdraw(Samples.Approver("bo"), "Felaktigt larm.", at + TimeSpan.FromDays(1));
            else Assert.NotNull(notice.ExpireIfDue(at + TimeSpan.FromDays(1)));
            notices.Add(notice);
        }
        await Store.SaveAsync(Samples.Insert([.. notices]));
        return [.. notices];
    }
}
