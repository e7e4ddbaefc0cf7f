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
}
