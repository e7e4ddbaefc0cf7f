using CrisisComms.Domain.Audit;
using CrisisComms.Domain.Storage;

namespace CrisisComms.Storage.Tests;

/// <summary>
/// Someone with access to the store itself, not the service, changes the log. The subclasses
/// tamper as such a person would: SQLite with its triggers dropped, Redis with plain commands.
/// </summary>
public abstract partial class NoticeStoreContract
{
    /// <summary>Rewrites the stored entry's reason, leaving its hash as it was.</summary>
    protected abstract Task TamperWithReasonAsync(long seq, string reason);

    /// <summary>Deletes the stored entry and its index entries.</summary>
    protected abstract Task TamperRemoveAsync(long seq);

    /// <summary>Stores the entry (with its sequence and hash) directly, as if the service had.</summary>
    protected abstract Task TamperInsertAsync(AuditEntry entry);

    /// <summary>Replaces the whole log with entries as the first version of the service stored them: numbered, no hash.</summary>
    protected abstract Task StoreUnhashedLogAsync(IReadOnlyList<AuditEntry> entries);

    [Fact]
    public async Task VerifyFindsAnEntryChanged()
    {
        await AppendAuditAsync(5);

        await TamperWithReasonAsync(3, "Inget fel alls.");

        Assert.Equal(AuditVerification.InvalidAt(3), await VerifyAuditAsync());
        Assert.Equal("Inget fel alls.", (await Store.ListAuditAsync(new AuditQuery { Before = 4 }))[0].Reason);
    }

    [Fact]
    public async Task VerifyFindsAnEntryRemovedInTheMiddleOrAtTheEnd()
    {
        await AppendAuditAsync(5);

        await TamperRemoveAsync(5);
        Assert.Equal(AuditVerification.InvalidAt(5), await VerifyAuditAsync());

        await TamperRemoveAsync(2);
        Assert.Equal(AuditVerification.InvalidAt(2), await VerifyAuditAsync());
    }

    [Fact]
    public async Task VerifyFindsAnEntryInserted()
    {
        await AppendAuditAsync(4);
        var newest = (await Store.ListAuditAsync(new AuditQuery(Limit: 1)))[0];

        // Numbered next and carrying a hash, as a careless forger would: the newest one's.
        await TamperInsertAsync(newest with { Sequence = 5, Actor = "mallory", Reason = "Godkänt i efterhand." });

        Assert.Equal(AuditVerification.InvalidAt(5), await VerifyAuditAsync());
    }

    [Fact]
    public async Task AServiceAppendingAfterTamperingLeavesTheDamageVisible()
    {
        await AppendAuditAsync(3);
        await TamperRemoveAsync(3);

        await AppendAuditAsync(1);

        Assert.Equal([4L, 2L, 1L], (await Store.ListAuditAsync(new AuditQuery())).Select(e => e.Sequence));
        Assert.Equal(AuditVerification.InvalidAt(3), await VerifyAuditAsync());
    }

    [Fact]
    public async Task ALogFromBeforeTheChainIsChainedOnceAndExtended()
    {
        await StoreUnhashedLogAsync(
        [
            new AuditEntry(Samples.Now, "anna", AuditActions.TokenIssued) { Sequence = 1 },
            new AuditEntry(Samples.Now, "bo", AuditActions.Rejected, Reason: "Fel kommun.") { Sequence = 2 },
        ]);
        await ReopenStoresAsync();

        Assert.Equal(AuditVerification.ValidWith(2), await VerifyAuditAsync());
        await AppendAuditAsync(1);

        var log = await Store.ListAuditAsync(new AuditQuery());
        Assert.Equal([3L, 2L, 1L], log.Select(e => e.Sequence));
        Assert.Equal("Fel kommun.", log[1].Reason);
        Assert.Equal(AuditVerification.ValidWith(3), await VerifyAuditAsync());
    }
}
