namespace CrisisComms.Domain.Storage;

/// <summary>
/// A small stored document that is not a notice: a channel's state, the organisation's settings, a
/// template. <see cref="Json"/> is the document itself (its kind decides its shape); both stores keep
/// it as given. <see cref="Revision"/> is the revision it was read at (0: not stored yet).
/// </summary>
public sealed record StoredDocument(string Kind, string Key, string Json)
{
    public long Revision { get; init; }

    /// <summary>In a <see cref="ChangeSet"/>: remove the document (still only over <see cref="Revision"/>).</summary>
    public bool Deleted { get; init; }
}

/// <summary>
/// Reads stored documents and writes the ones nobody audits (channel health). A change that is
/// audited goes through <see cref="ChangeSet.Documents"/>, in the same write as its audit entries.
/// </summary>
public interface IDocumentStore
{
    Task<StoredDocument?> GetAsync(string kind, string key, CancellationToken ct = default);

    /// <summary>Every document of a kind, ordered by key (ordinal).</summary>
    Task<IReadOnlyList<StoredDocument>> ListAsync(string kind, CancellationToken ct = default);

    /// <summary>Writes the document whatever its stored revision (last writer wins), one revision on.</summary>
    Task PutAsync(StoredDocument document, CancellationToken ct = default);
}

/// <summary>The document was saved or removed by someone else since it was read; nothing was written.</summary>
public sealed class DocumentChangedException(string kind, string key)
    : Exception($"The {kind} {key} was changed by someone else; reload and try again.")
{
    public string Kind { get; } = kind;
    public string Key { get; } = key;
}
