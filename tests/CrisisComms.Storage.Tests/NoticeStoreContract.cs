using CrisisComms.Domain.Accounts;
using CrisisComms.Domain.Audit;
using CrisisComms.Domain.Notices;
using CrisisComms.Domain.Storage;

namespace CrisisComms.Storage.Tests;

/// <summary>
/// What every store promises the service, run against each implementation by a concrete subclass.
/// Each test starts with its own empty store. The tests are split by topic over the partial files
/// NoticeStoreContract.*.cs.
/// </summary>
public abstract partial class NoticeStoreContract : IAsyncLifetime
{
    private (INoticeStore Notices, IAccountStore Accounts, IDocumentStore Documents)? _stores;

    /// <summary>A fresh, empty store for one test.</summary>
    protected abstract Task<(INoticeStore, IAccountStore, IDocumentStore)> CreateStoresAsync();

    /// <summary>
    /// The same data reopened as after a restart of the whole store (the process, or the server
    /// killed and started again): what comes back is only what was durably kept.
    /// </summary>
    protected abstract Task<(INoticeStore, IAccountStore, IDocumentStore)> ReopenAsync();

    protected INoticeStore Store => Stores.Notices;
    protected IAccountStore Accounts => Stores.Accounts;
    protected IDocumentStore Documents => Stores.Documents;

    private (INoticeStore Notices, IAccountStore Accounts, IDocumentStore Documents) Stores =>
        _stores ?? throw new InvalidOperationException("The stores are created in InitializeAsync.");

    public async Task InitializeAsync() => _stores = await CreateStoresAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    protected async Task ReopenStoresAsync() => _stores = await ReopenAsync();

    protected static void AssertSameDocument(Notice expected, Notice? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(StoredJson.Serialize(expected), StoredJson.Serialize(actual));
    }

    protected static void AssertIds(IEnumerable<Notice> actual, params Notice[] expected) =>
        Assert.Equal(expected.Select(n => n.Id), actual.Select(n => n.Id));

    protected static void AssertIdSet(IEnumerable<Notice> actual, params Notice[] expected) =>
        Assert.Equal(expected.Select(n => n.Id).Order(StringComparer.Ordinal), actual.Select(n => n.Id).Order(StringComparer.Ordinal));

    protected async Task<Notice> SavedAsync(Notice notice)
    {
        await Store.SaveAsync(Samples.Insert(notice));
        return notice;
    }

    /// <summary>Newest first.</summary>
    protected Task<IReadOnlyList<AuditEntry>> AuditOfAsync(Notice notice) =>
        Store.ListAuditAsync(new AuditQuery(NoticeId: notice.Id));

    protected static Account Account(string name, string displayName) =>
        new(name, displayName, [Roles.Author, Roles.Approver], "pbkdf2$100000$c2FsdA==$aGFzaA==", Samples.Now);
}
