using CrisisComms.Domain.Audit;
using CrisisComms.Domain.Storage;

namespace CrisisComms.Storage.Tests;

public abstract partial class NoticeStoreContract
{
    [Fact]
    public async Task AccountsAreFoundByNameListedInNameOrderAndReplacedByUpsert()
    {
        await Accounts.UpsertAsync(Account("bo", "Bo Ek"));
        await Accounts.UpsertAsync(Account("anna", "Anna Al"));
        await Accounts.UpsertAsync(Account("bo", "Bo Ek, krisledare"));

        Assert.Equal(StoredJson.Serialize(Account("anna", "Anna Al")), StoredJson.Serialize((await Accounts.FindAsync("anna"))!));
        Assert.Equal("Bo Ek, krisledare", (await Accounts.FindAsync("bo"))!.DisplayName);
        Assert.Null(await Accounts.FindAsync("cecilia"));
        Assert.Equal(["anna", "bo"], (await Accounts.ListAsync()).Select(a => a.Name));
    }

    [Fact]
    public async Task AnAccountIsSavedOnlyOverTheRevisionItWasReadAndNothingElseOfThatWriteLands()
    {
        var created = Account("cecilia", "Cecilia Berg");
        await Store.SaveAsync(new ChangeSet([], [AccountAudit("cecilia", "created")], false) { Accounts = [created] });
        var read = (await Accounts.FindAsync("cecilia"))!;
        Assert.Equal(1, read.Revision);

        // An admin disables the account; a sign-in that read it before tries to note its time over it.
        await Store.SaveAsync(new ChangeSet([], [AccountAudit("cecilia", "disabled")], false)
            { Accounts = [read with { Disabled = true }] });
        var staleSignIn = read with { LastSignInAt = DateTimeOffset.UnixEpoch };
        var before = (await Store.ListAuditAsync(new AuditQuery(Limit: 1000))).Count;
        await Assert.ThrowsAsync<AccountChangedException>(() => Store.SaveAsync(
            new ChangeSet([], [AccountAudit("cecilia", "signedIn")], false) { Accounts = [staleSignIn] }));

        var stored = (await Accounts.FindAsync("cecilia"))!;
        Assert.True(stored.Disabled);
        Assert.Null(stored.LastSignInAt);
        Assert.Equal(2, stored.Revision);
        Assert.Equal(before, (await Store.ListAuditAsync(new AuditQuery(Limit: 1000))).Count);
        // A second "create" of the same name is a stale write too.
        await Assert.ThrowsAsync<AccountChangedException>(() => Store.SaveAsync(
            new ChangeSet([], [], false) { Accounts = [Account("cecilia", "Someone else")] }));
        Assert.Equal("Cecilia Berg", (await Accounts.FindAsync("cecilia"))!.DisplayName);
    }

    [Fact]
    public async Task ARoundOneAccountWithoutARevisionIsSavedOverAsRevisionZero()
    {
        await Accounts.UpsertAsync(Account("dag", "Dag Ek"));
        var read = (await Accounts.FindAsync("dag"))!;
        await Store.SaveAsync(new ChangeSet([], [], false) { Accounts = [read with { DisplayName = "Dag Ek, IT" }] });
        Assert.Equal(("Dag Ek, IT", 1L), ((await Accounts.FindAsync("dag"))!.DisplayName, (await Accounts.FindAsync("dag"))!.Revision));
    }

    private static AuditEntry AccountAudit(string name, string what) =>
        new(DateTimeOffset.UnixEpoch, "admin", "account." + what, Detail: name);
}
