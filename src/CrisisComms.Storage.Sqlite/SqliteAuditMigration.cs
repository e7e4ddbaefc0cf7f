using CrisisComms.Domain.Audit;
using CrisisComms.Domain.Storage;
using Microsoft.Data.Sqlite;

namespace CrisisComms.Storage.Sqlite;

/// <summary>
/// A database from before the hash chain has an audit table without the actor, at_ms and hash
/// columns. On the first start of this version, one transaction adds them and chains the entries it
/// finds, oldest first, from <see cref="AuditChain.Genesis"/>: the chain vouches for those entries
/// from that moment on, not for what happened to them before. The update trigger is dropped for that
/// one transaction only and is back when it commits; this runs once, because afterwards the columns
/// are there.
/// </summary>
internal static class SqliteAuditMigration
{
    public static void ChainUnhashedLog(SqliteConnection connection)
    {
        if (HasHashColumn(connection, null)) return;
        using var transaction = connection.BeginTransaction(deferred: false);
        // Another process may have migrated while this one waited for the write lock.
        if (HasHashColumn(connection, transaction)) return;
        SqliteDatabase.Execute(connection, """
            ALTER TABLE audit ADD COLUMN actor TEXT NULL;
            ALTER TABLE audit ADD COLUMN at_ms INTEGER NULL;
            ALTER TABLE audit ADD COLUMN hash TEXT NULL;
            DROP TRIGGER IF EXISTS audit_no_update;
            """, transaction);
        var previous = AuditChain.Genesis;
        foreach (var entry in ReadAll(connection, transaction))
        {
            previous = AuditChain.HashOf(entry, previous);
            using var update = connection.CreateCommand();
            update.Transaction = transaction;
            update.CommandText = "UPDATE audit SET actor = $actor, at_ms = $at, hash = $hash WHERE seq = $seq";
            update.Parameters.AddWithValue("$actor", entry.Actor);
            update.Parameters.AddWithValue("$at", entry.At.ToUnixTimeMilliseconds());
            update.Parameters.AddWithValue("$hash", previous);
            update.Parameters.AddWithValue("$seq", entry.Sequence);
            update.ExecuteNonQuery();
        }
        SqliteDatabase.Execute(connection, SqliteDatabase.AuditNoUpdate, transaction);
        transaction.Commit();
    }

    private static bool HasHashColumn(SqliteConnection connection, SqliteTransaction? transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT COUNT(*) FROM pragma_table_info('audit') WHERE name = 'hash'";
        return (long)command.ExecuteScalar()! > 0;
    }

    private static List<AuditEntry> ReadAll(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT seq, doc FROM audit ORDER BY seq";
        using var reader = command.ExecuteReader();
        var found = new List<AuditEntry>();
        while (reader.Read()) found.Add(StoredJson.DeserializeAudit(reader.GetString(1)) with { Sequence = reader.GetInt64(0) });
        return found;
    }
}
