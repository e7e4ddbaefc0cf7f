using CrisisComms.Domain.Audit;
using CrisisComms.Domain.Storage;

namespace CrisisComms.Storage.Tests;

public abstract partial class NoticeStoreContract
{
    [Fact]
    public async Task TheAuditLogComesBackNewestFirstNumberedWithoutGapsAndChained()
    {
        var notice = Samples.Pending();
        await Store.AppendAuditAsync(new AuditEntry(Samples.Now, "anna", AuditActions.TokenIssued));
        await Store.SaveAsync(new ChangeSet([notice],
            [Samples.Audit(notice, AuditActions.Created, "anna"), Samples.Audit(notice, AuditActions.Submitted, "anna")], false));
        await Store.AppendAuditAsync(new AuditEntry(Samples.Now, "bo", AuditActions.Rejected, notice.Id, notice.IncidentId, "Fel kommun.\nRad två"));

        var log = await Store.ListAuditAsync(new AuditQuery());

        Assert.Equal([AuditActions.Rejected, AuditActions.Submitted, AuditActions.Created, AuditActions.TokenIssued], log.Select(e => e.Action));
        Assert.Equal([4L, 3L, 2L, 1L], log.Select(e => e.Sequence));
        var previous = AuditChain.Genesis;
        foreach (var entry in log.Reverse())
        {
            Assert.Equal(AuditChain.HashOf(entry, previous), entry.Hash);
            previous = entry.Hash!;
        }
        Assert.Equal(new AuditEntry(Samples.Now, "bo", AuditActions.Rejected, notice.Id, notice.IncidentId, "Fel kommun.\nRad två")
            with { Sequence = 4, Hash = log[0].Hash }, log[0]);
        Assert.Equal(4, await Store.GetLastAuditSequenceAsync());
        Assert.Equal(AuditVerification.ValidWith(4), await VerifyAuditAsync());
    }

    [Fact]
    public async Task PagesBackWithBeforeStayTheSameWhileEntriesAreAdded()
    {
        await AppendAuditAsync(5);

        var first = await Store.ListAuditAsync(new AuditQuery(Limit: 2));
        await AppendAuditAsync(2);
        var second = await Store.ListAuditAsync(new AuditQuery(Limit: 2) { Before = first[^1].Sequence });
        var third = await Store.ListAuditAsync(new AuditQuery(Limit: 2) { Before = second[^1].Sequence });

        Assert.Equal([5L, 4L], first.Select(e => e.Sequence));
        Assert.Equal([3L, 2L], second.Select(e => e.Sequence));
        Assert.Equal([1L], third.Select(e => e.Sequence));
        Assert.Empty(await Store.ListAuditAsync(new AuditQuery { Before = 1 }));
        Assert.Equal([7L, 6L, 5L], (await Store.ListAuditAsync(new AuditQuery(Limit: 3))).Select(e => e.Sequence));
    }

    [Fact]
    public async Task TheAuditLogCanBeSearchedByNoticeIncidentActorAndTime()
    {
        var first = Samples.Live(incidentId: "vatten");
        var update = Samples.Live(incidentId: "vatten", version: 2);
        var storm = Samples.Live(incidentId: "storm");
        await Store.SaveAsync(Samples.Insert(first, update, storm));
        await Store.AppendAuditAsync(Samples.Audit(first, AuditActions.Superseded) with { At = Samples.Now.AddMinutes(5) });
        await Store.AppendAuditAsync(new AuditEntry(Samples.Now.AddMinutes(10), "admin", AuditActions.AccountAdded));

        Assert.Equal([AuditActions.Superseded, AuditActions.Created], (await AuditOfAsync(first)).Select(e => e.Action));
        Assert.Equal([first.Id, update.Id, first.Id],
            (await Store.ListAuditAsync(new AuditQuery(IncidentId: "vatten"))).Select(e => e.NoticeId));
        Assert.Equal([update.Id], (await Store.ListAuditAsync(new AuditQuery(update.Id, "vatten"))).Select(e => e.NoticeId));
        Assert.Empty(await Store.ListAuditAsync(new AuditQuery(storm.Id, "vatten")));
        Assert.Equal([5L, 4L], (await Store.ListAuditAsync(new AuditQuery(Limit: 2))).Select(e => e.Sequence));
        Assert.Equal([3L, 2L, 1L], (await Store.ListAuditAsync(new AuditQuery { Actor = "anna" })).Select(e => e.Sequence));
        Assert.Equal([1L], (await Store.ListAuditAsync(new AuditQuery(IncidentId: "vatten") { Actor = "anna", Before = 2 })).Select(e => e.Sequence));
        Assert.Equal([4L], (await Store.ListAuditAsync(new AuditQuery { From = Samples.Now.AddMinutes(1), To = Samples.Now.AddMinutes(10) }))
            .Select(e => e.Sequence));
        Assert.Equal([5L, 4L], (await Store.ListAuditAsync(new AuditQuery { From = Samples.Now.AddMinutes(5) })).Select(e => e.Sequence));
        Assert.Equal(5, (await Store.ListAuditAsync(new AuditQuery())).Count);
    }

    [Fact]
    public async Task ConcurrentWritersNumberTheLogWithoutGapsInOneChain()
    {
        const int writers = 8;
        await Task.WhenAll(Enumerable.Range(0, writers).Select(i => Task.Run(() =>
            Store.AppendAuditAsync(new AuditEntry(Samples.Now, $"writer{i}", AuditActions.TokenIssued)))));

        var log = await Store.ListAuditAsync(new AuditQuery());

        Assert.Equal(Enumerable.Range(1, writers).Reverse().Select(i => (long)i), log.Select(e => e.Sequence));
        Assert.Equal(writers, log.Select(e => e.Actor).Distinct().Count());
        Assert.Equal(AuditVerification.ValidWith(writers), await VerifyAuditAsync());
    }

    [Fact]
    public async Task TheWholeChainIsReadAPageAtATime()
    {
        const int entries = 2100;
        await Store.SaveAsync(new ChangeSet([],
            [.. Enumerable.Range(0, entries).Select(i => new AuditEntry(Samples.Now, "system", AuditActions.StageAttempt, Detail: $"#{i}"))], false));

        var read = new List<long>();
        await foreach (var entry in Store.ReadAuditChainAsync()) read.Add(entry.Sequence);

        Assert.Equal(Enumerable.Range(1, entries).Select(i => (long)i), read);
        Assert.Equal(AuditVerification.ValidWith(entries), await VerifyAuditAsync());
    }

    protected async Task AppendAuditAsync(int count)
    {
        for (var i = 0; i < count; i++)
            await Store.AppendAuditAsync(new AuditEntry(Samples.Now.AddSeconds(i), "bo", AuditActions.Rejected, Reason: $"Skäl {i}"));
    }

    protected async Task<AuditVerification> VerifyAuditAsync() =>
        await AuditChain.VerifyAsync(Store);
}
