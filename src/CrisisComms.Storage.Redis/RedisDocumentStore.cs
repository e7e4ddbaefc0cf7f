using CrisisComms.Domain.Storage;
using StackExchange.Redis;

namespace CrisisComms.Storage.Redis;

/// <summary>
/// Stored documents: per kind, one hash key → JSON and one hash key → revision (the pair Save.lua
/// checks and writes for <see cref="ChangeSet.Documents"/>).
/// </summary>
public sealed class RedisDocumentStore(IConnectionMultiplexer redis, string keyPrefix = RedisKeys.DefaultPrefix) : IDocumentStore
{
    private readonly RedisKeys _keys = new(keyPrefix);

    private IDatabase Db => redis.GetDatabase();

    public Task<StoredDocument?> GetAsync(string kind, string key, CancellationToken ct = default) => RedisErrors.Guard(async () =>
    {
        var batch = Db.CreateBatch();
        var doc = batch.HashGetAsync(_keys.Documents(kind), key);
        var revision = batch.HashGetAsync(_keys.DocumentRevisions(kind), key);
        batch.Execute();
        await Task.WhenAll(doc, revision).WaitAsync(ct);
        return doc.Result.IsNull ? null : new StoredDocument(kind, key, doc.Result!) { Revision = (long)revision.Result };
    });

    public Task<IReadOnlyList<StoredDocument>> ListAsync(string kind, CancellationToken ct = default) => RedisErrors.Guard(async () =>
    {
        var batch = Db.CreateBatch();
        var docs = batch.HashGetAllAsync(_keys.Documents(kind));
        var revisions = batch.HashGetAllAsync(_keys.DocumentRevisions(kind));
        batch.Execute();
        await Task.WhenAll(docs, revisions).WaitAsync(ct);
        var revisionOf = revisions.Result.ToDictionary(entry => (string)entry.Name!, entry => (long)entry.Value, StringComparer.Ordinal);
        return (IReadOnlyList<StoredDocument>)docs.Result
            .Select(entry => new StoredDocument(kind, entry.Name!, entry.Value!) { Revision = revisionOf.GetValueOrDefault((string)entry.Name!) })
            .OrderBy(document => document.Key, StringComparer.Ordinal)
            .ToList();
    });

    public Task PutAsync(StoredDocument document, CancellationToken ct = default) => RedisErrors.Guard(async () =>
    {
        ct.ThrowIfCancellationRequested();
        // MULTI/EXEC: the document and its revision move together.
        var transaction = Db.CreateTransaction();
        _ = transaction.HashSetAsync(_keys.Documents(document.Kind), document.Key, document.Json);
        _ = transaction.HashIncrementAsync(_keys.DocumentRevisions(document.Kind), document.Key);
        await transaction.ExecuteAsync();
    });
}
