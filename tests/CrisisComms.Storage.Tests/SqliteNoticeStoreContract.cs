using CrisisComms.Domain.Accounts;
using CrisisComms.Domain.Audit;
using CrisisComms.Domain.Storage;
using CrisisComms.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace CrisisComms.Storage.Tests;

/// <summary>The contract on a SQLite file of its own per test; reopening opens the same file anew.</summary>
public sealed class SqliteNoticeStoreContract : NoticeStoreContract
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("crisiscomms-sqlite-");

    private string DatabasePath => Path.Combine(_folder.FullName, "crisiscomms.db");

    protected override Task<(INoticeStore, IAccountStore, IDocumentStore)> CreateStoresAsync() => Task.FromResult(Open());

    protected override Task<(INoticeStore, IAccountStore, IDocumentStore)> ReopenAsync() => Task.FromResult(Open());

    public override Task DisposeAsync()
    {
        _folder.Delete(recursive: true);
        return Task.CompletedTask;
    }

    private (INoticeStore, IAccountStore, IDocumentStore) Open()
    {
        var database = new SqliteDatabase(DatabasePath);
        return (new SqliteNoticeStore(database), new SqliteAccountStore(database), new SqliteDocumentStore(database));
    }

    protected override Task TamperWithReasonAsync(long seq, string reason) =>
        TamperAsync("UPDATE audit SET doc = json_set(doc, '$.reason', $reason) WHERE seq = $seq", ("$reason", reason), ("$seq", seq));

    protected override Task TamperRemoveAsync(long seq) => TamperAsync("DELETE FROM audit WHERE seq = $seq", ("$seq", seq));

    protected override Task TamperInsertAsync(AuditEntry entry) => TamperAsync(
        "INSERT INTO audit(seq, notice_id, incident_id, actor, at_ms, hash, doc) VALUES ($seq, $notice, $incident, $actor, $at, $hash, $doc)",
        ("$seq", entry.Sequence), ("$notice", entry.NoticeId), ("$incident", entry.IncidentId), ("$actor", entry.Actor),
        ("$at", entry.At.ToUnixTimeMilliseconds()), ("$hash", entry.Hash), ("$doc", StoredJson.Serialize(entry)));

    // The audit table as the first version created it.
    protected override async Task StoreUnhashedLogAsync(IReadOnlyList<AuditEntry> entries)
    {
        await TamperAsync("""
            DROP TABLE audit;
            CREATE TABLE audit (seq INTEGER PRIMARY KEY AUTOINCREMENT, notice_id TEXT NULL, incident_id TEXT NULL, doc TEXT NOT NULL);
            CREATE INDEX audit_notice ON audit(notice_id);
            CREATE INDEX audit_incident ON audit(incident_id);
            CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
            CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
            """);
        foreach (var entry in entries)
            await TamperAsync("INSERT INTO audit(notice_id, incident_id, doc) VALUES ($notice, $incident, $doc)",
                ("$notice", entry.NoticeId), ("$incident", entry.IncidentId), ("$doc", StoredJson.Serialize(entry with { Sequence = 0 })));
    }

    // As someone with the file would: the append-only triggers dropped first.
    private Task TamperAsync(string sql, params (string Name, object? Value)[] parameters)
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "DROP TRIGGER IF EXISTS audit_no_update; DROP TRIGGER IF EXISTS audit_no_delete; " + sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        command.ExecuteNonQuery();
        return Task.CompletedTask;
    }
}
