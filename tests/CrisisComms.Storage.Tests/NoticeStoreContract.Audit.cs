using CrisisComms.Domain.Audit;
using CrisisComms.Domain.Storage;

namespace CrisisComms.Storage.Tests;

public abstract partial class NoticeStoreContract
{
    [Fact]
    public async Task TheAuditLogComesBackOldestFirstWithStrictlyIncreasingSequences()
    {
        var notice = Samples.Pending();
        await Store.AppendAuditAsync(new AuditEntry(Samples.Now, "anna", AuditActions.TokenIssued));
        await Store.SaveAsync(new ChangeSet([notice],
            [Samples.Audit(notice, AuditActions.Created, "anna"), Samples.Audit(notice, AuditActions.Submitted, "anna")], false));
        await Store.AppendAuditAsync(new AuditEntry(Samples.Now, "bo", AuditActions.Rejected, notice.Id, notice.IncidentId, "Fel kommun."));

        var log = await Store.ListAuditAsync(new AuditQuery());

        Assert.Equal([AuditActions.TokenIssued, AuditActions.Created, AuditActions.Submitted, AuditActions.Rejected],
            log.Select(e => e.Action));
        Assert.True(log[0].Sequence > 0);
        Assert.All(log.Zip(log.Skip(1)), pair => Assert.True(pair.First.Sequence < pair.Second.Sequence));
        Assert.Equal(new AuditEntry(Samples.Now, "bo", AuditActions.Rejected, notice.Id, notice.IncidentId, "Fel kommun.")
            with { Sequence = log[3].Sequence }, log[3]);
    }

    [Fact]
    public async Task TheAuditLogCanBeReadForOneNoticeOrOneIncident()
    {
        var first = Samples.Live(incidentId: "vatten");
        var update = Samples.Live(incidentId: "vatten", version: 2);
        var storm = Samples.Live(incidentId: "storm");
        await Store.SaveAsync(Samples.Insert(first, update, storm));
        await Store.AppendAuditAsync(Samples.Audit(first, AuditActions.Superseded));
        await Store.AppendAuditAsync(new AuditEntry(Samples.Now, "admin", AuditActions.AccountAdded));

        Assert.Equal([AuditActions.Created, AuditActions.Superseded], (await AuditOfAsync(first)).Select(e => e.Action));
        Assert.Equal([first.Id, update.Id, first.Id],
            (await Store.ListAuditAsync(new AuditQuery(IncidentId: "vatten"))).Select(e => e.NoticeId));
        Assert.Equal([update.Id], (await Store.ListAuditAsync(new AuditQuery(update.Id, "vatten"))).Select(e => e.NoticeId));
        Assert.Empty(await Store.ListAuditAsync(new AuditQuery(storm.Id, "vatten")));
        Assert.Equal([first.Id, update.Id], (await Store.ListAuditAsync(new AuditQuery(Limit: 2))).Select(e => e.NoticeId));
        Assert.Equal(5, (await Store.ListAuditAsync(new AuditQuery())).Count);
    }
}
