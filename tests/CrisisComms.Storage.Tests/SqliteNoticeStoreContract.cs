using CrisisComms.Domain.Accounts;
using CrisisComms.Domain.Storage;
using CrisisComms.Storage.Sqlite;

namespace CrisisComms.Storage.Tests;

/// <summary>The contract on a SQLite file of its own per test; reopening opens the same file anew.</summary>
public sealed class SqliteNoticeStoreContract : NoticeStoreContract
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("crisiscomms-sqlite-");

    private string DatabasePath => Path.Combine(_folder.FullName, "crisiscomms.db");

    protected override Task<(INoticeStore, IAccountStore)> CreateStoresAsync() => Task.FromResult(Open());

    protected override Task<(INoticeStore, IAccountStore)> ReopenAsync() => Task.FromResult(Open());

    public override Task DisposeAsync()
    {
        _folder.Delete(recursive: true);
        return Task.CompletedTask;
    }

    private (INoticeStore, IAccountStore) Open()
    {
        var database = new SqliteDatabase(DatabasePath);
        return (new SqliteNoticeStore(database), new SqliteAccountStore(database));
    }
}
