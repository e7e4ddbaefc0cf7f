using CrisisComms.Domain.Audit;
using CrisisComms.Domain.Storage;

namespace CrisisComms.Storage.Tests;

public abstract partial class NoticeStoreContract
{
    [Fact]
    public async Task ADocumentIsSavedWithItsAuditEntryOnlyOverTheRevisionItWasRead()
    {
        var created = new StoredDocument("template", "water", """{"name":"Vatten"}""");
        await Store.SaveAsync(new ChangeSet([], [DocumentAudit("created")], false) { Documents = [created] });
        var read = (await Documents.GetAsync("template", "water"))!;
        Assert.Equal(("""{"name":"Vatten"}""", 1L), (read.Json, read.Revision));

        await Store.SaveAsync(new ChangeSet([], [DocumentAudit("edited")], false) { Documents = [read with { Json = """{"name":"Dricksvatten"}""" }] });
        var before = (await Store.ListAuditAsync(new AuditQuery(Limit: 1000))).Count;

        // Another admin's edit over the revision read before, and a second "create": both stale, nothing lands.
        await Assert.ThrowsAsync<DocumentChangedException>(() => Store.SaveAsync(new ChangeSet([], [DocumentAudit("edited")], false)
            { Documents = [read with { Json = """{"name":"Stale"}""" }] }));
        await Assert.ThrowsAsync<DocumentChangedException>(() => Store.SaveAsync(new ChangeSet([], [DocumentAudit("created")], false)
            { Documents = [created] }));
        // Removing over a stale revision fails too, and so does removing what was never stored.
        await Assert.ThrowsAsync<DocumentChangedException>(() => Store.SaveAsync(new ChangeSet([], [], false)
            { Documents = [read with { Deleted = true }] }));
        await Assert.ThrowsAsync<DocumentChangedException>(() => Store.SaveAsync(new ChangeSet([], [], false)
            { Documents = [new StoredDocument("template", "storm", "{}") { Deleted = true }] }));

        var stored = (await Documents.GetAsync("template", "water"))!;
        Assert.Equal(("""{"name":"Dricksvatten"}""", 2L), (stored.Json, stored.Revision));
        Assert.Equal(before, (await Store.ListAuditAsync(new AuditQuery(Limit: 1000))).Count);
        Assert.Null(await Documents.GetAsync("template", "storm"));
    }

    [Fact]
    public async Task ADocumentRemovedOverItsRevisionIsGoneAndCanBeCreatedAgain()
    {
        await Store.SaveAsync(new ChangeSet([], [], false) { Documents = [new StoredDocument("template", "fire", "{}")] });
        var read = (await Documents.GetAsync("template", "fire"))!;

        await Store.SaveAsync(new ChangeSet([], [DocumentAudit("deleted")], false) { Documents = [read with { Deleted = true }] });
        Assert.Null(await Documents.GetAsync("template", "fire"));
        Assert.Empty(await Documents.ListAsync("template"));

        await Store.SaveAsync(new ChangeSet([], [], false) { Documents = [new StoredDocument("template", "fire", """{"v":2}""")] });
        Assert.Equal(1, (await Documents.GetAsync("template", "fire"))!.Revision);
    }

    [Fact]
    public async Task DocumentsAreListedPerKindInKeyOrderAndPutWhateverTheirRevision()
    {
        await Documents.PutAsync(new StoredDocument("channel-health", "x", """{"healthy":true}"""));
        await Documents.PutAsync(new StoredDocument("channel-health", "facebook", """{"healthy":true}"""));
        await Documents.PutAsync(new StoredDocument("channel-health", "x", """{"healthy":false}"""));
        await Documents.PutAsync(new StoredDocument("organisation", "settings", "{}"));

        var health = await Documents.ListAsync("channel-health");
        Assert.Equal(["facebook", "x"], health.Select(d => d.Key));
        Assert.Equal(("""{"healthy":false}""", 2L), (health[1].Json, health[1].Revision));
        Assert.All(health, d => Assert.Equal("channel-health", d.Kind));
    }

    [Fact]
    public async Task StoredDocumentsSurviveAReopen()
    {
        await Store.SaveAsync(new ChangeSet([], [DocumentAudit("created")], false)
            { Documents = [new StoredDocument("organisation", "settings", """{"name":"Åre kommun"}""")] });
        await Documents.PutAsync(new StoredDocument("channel-health", "mastodon", """{"healthy":true}"""));

        await ReopenStoresAsync();

        Assert.Equal("""{"name":"Åre kommun"}""", (await Documents.GetAsync("organisation", "settings"))!.Json);
        Assert.Equal(1, (await Documents.GetAsync("channel-health", "mastodon"))!.Revision);
    }

    private static AuditEntry DocumentAudit(string what) =>
        new(DateTimeOffset.UnixEpoch, "admin", "template." + what, Detail: "water");
}
