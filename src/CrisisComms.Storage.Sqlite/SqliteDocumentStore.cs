using CrisisComms.Domain.Storage;
using Microsoft.Data.Sqlite;

namespace CrisisComms.Storage.Sqlite;

/// <summary>Stored documents: one table keyed by (kind, key), the revision beside the JSON.</summary>
public sealed class SqliteDocumentStore(SqliteDatabase database) : IDocumentStore
{
    internal const string Schema = """
        CREATE TABLE IF NOT EXISTS documents (
            kind      TEXT NOT NULL,
            key       TEXT NOT NULL,
            revision  INTEGER NOT NULL,
            doc       TEXT NOT NULL,
            PRIMARY KEY (kind, key)
        );
        """;

    public Task<StoredDocument?> GetAsync(string kind, string key, CancellationToken ct = default)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT kind, key, doc, revision FROM documents WHERE kind = $kind AND key = $key";
        command.Parameters.AddWithValue("$kind", kind);
        command.Parameters.AddWithValue("$key", key);
        using var reader = command.ExecuteReader();
        return Task.FromResult(reader.Read() ? Read(reader) : null);
    }

    public Task<IReadOnlyList<StoredDocument>> ListAsync(string kind, CancellationToken ct = default)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        // BINARY collation: the same ordinal order as Redis's list, sorted in C#.
        command.CommandText = "SELECT kind, key, doc, revision FROM documents WHERE kind = $kind ORDER BY key";
        command.Parameters.AddWithValue("$kind", kind);
        using var reader = command.ExecuteReader();
        var found = new List<StoredDocument>();
        while (reader.Read()) found.Add(Read(reader));
        return Task.FromResult<IReadOnlyList<StoredDocument>>(found);
    }

    public Task PutAsync(StoredDocument document, CancellationToken ct = default)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO documents(kind, key, revision, doc) VALUES ($kind, $key, 1, $doc)
            ON CONFLICT(kind, key) DO UPDATE SET doc = excluded.doc, revision = documents.revision + 1
            """;
        command.Parameters.AddWithValue("$kind", document.Kind);
        command.Parameters.AddWithValue("$key", document.Key);
        command.Parameters.AddWithValue("$doc", document.Json);
        command.ExecuteNonQuery();
        return Task.CompletedTask;
    }

    /// <summary>Writes or removes the document only if it is still at the revision it was read at.</summary>
    internal static void WriteOver(SqliteConnection connection, SqliteTransaction transaction, StoredDocument document)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = (document.Deleted, document.Revision) switch
        {
            (true, _) => "DELETE FROM documents WHERE kind = $kind AND key = $key AND revision = $expected",
            (false, 0) => "INSERT INTO documents(kind, key, revision, doc) VALUES ($kind, $key, 1, $doc) ON CONFLICT(kind, key) DO NOTHING",
            _ => "UPDATE documents SET doc = $doc, revision = revision + 1 WHERE kind = $kind AND key = $key AND revision = $expected",
        };
        command.Parameters.AddWithValue("$kind", document.Kind);
        command.Parameters.AddWithValue("$key", document.Key);
        command.Parameters.AddWithValue("$expected", document.Revision);
        command.Parameters.AddWithValue("$doc", document.Json);
        if (command.ExecuteNonQuery() != 1) throw new DocumentChangedException(document.Kind, document.Key);
    }

    private static StoredDocument Read(SqliteDataReader reader) =>
        new(reader.GetString(0), reader.GetString(1), reader.GetString(2)) { Revision = reader.GetInt64(3) };
}
