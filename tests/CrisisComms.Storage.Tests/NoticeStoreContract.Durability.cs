using CrisisComms.Domain.Audit;
using CrisisComms.Domain.Dispatch;
using CrisisComms.Domain.Storage;

namespace CrisisComms.Storage.Tests;

public abstract partial class NoticeStoreContract
{
    [Fact]
    public async Task AcknowledgedWritesSurviveARestart()
    {
        var live = await SavedAsync(Samples.Live(incidentId: "vatten"));
        live.CompleteBannerStage(Stage.Intranet, Samples.Now, DispatchTimings.Default);
        await Store.SaveAsync(new ChangeSet([live], [Samples.Audit(live, AuditActions.StageDone, "system")], BannersChanged: true));
        var draft = await SavedAsync(Samples.Draft());
        await Accounts.UpsertAsync(Account("anna", "Anna Al"));
        var log = await Store.ListAuditAsync(new AuditQuery());

        await ReopenStoresAsync();

        AssertSameDocument(live, await Store.GetAsync(live.Id));
        AssertSameDocument(draft, await Store.GetAsync(draft.Id));
        AssertIds(await Store.ListAsync(new NoticeQuery(IncidentId: "vatten")), live);
        AssertIds(await Store.ListBannerCandidatesAsync(), live);
        Assert.Equal([(live.Id, live.NextDueAt!.Value)], await Store.ListUpcomingAsync());
        Assert.Equal(2, await Store.GetBannerRevisionAsync());
        Assert.Equal(log, await Store.ListAuditAsync(new AuditQuery()));
        Assert.Equal("Anna Al", (await Accounts.FindAsync("anna"))!.DisplayName);

        // The sequence goes on from where it was, never reusing a number.
        await Store.AppendAuditAsync(Samples.Audit(live, AuditActions.StageAttempt, "system"));
        Assert.Equal(log[0].Sequence + 1, (await Store.ListAuditAsync(new AuditQuery()))[0].Sequence);
    }

    [Fact]
    public async Task OfConcurrentSaversOfOneNoticeExactlyOneWins()
    {
        const int savers = 8;
        var notice = await SavedAsync(Samples.Live());
        var copies = await Task.WhenAll(Enumerable.Range(0, savers).Select(_ => Store.GetAsync(notice.Id)));

        // Every saver loaded the same version before any saves, so at most one may succeed.
        var outcomes = await Task.WhenAll(copies.Select((copy, i) => Task.Run(async () =>
        {
            copy!.Withdraw(Samples.Approver("bo"), $"Återkallat av handläggare {i}.", Samples.Now);
            try
            {
                await Store.SaveAsync(new ChangeSet([copy], [Samples.Audit(copy, AuditActions.Withdrawn, $"saver{i}")], true));
                return $"saver{i}";
            }
            catch (ConcurrencyConflictException)
            {
                return null;
            }
        })));

        var winner = Assert.Single(outcomes.OfType<string>());
        var stored = await Store.GetAsync(notice.Id);
        Assert.Equal(2, stored!.RowVersion);
        Assert.Equal($"Återkallat av handläggare {winner["saver".Length..]}.", stored.Reason);
        Assert.Equal([AuditActions.Withdrawn, AuditActions.Created], (await AuditOfAsync(notice)).Select(e => e.Action));
        Assert.Equal(winner, (await AuditOfAsync(notice))[0].Actor);
        Assert.Equal(2, await Store.GetBannerRevisionAsync());
    }
}
