using System.Runtime.CompilerServices;
using System.Text;
using CrisisComms.Domain.Audit;
using CrisisComms.Domain.Storage;
using Microsoft.Data.Sqlite;

namespace CrisisComms.Storage.Sqlite;

/// <summary>
/// The audit table: sequence (the primary key), the columns the filters use, the chain hash and the
/// entry's document. Entries are numbered and hashed inside the write transaction, which holds the
/// database's one write lock, so no other writer can take the same head.
/// </summary>
internal static class SqliteAuditLog
{
    private const int ChainPage = 1000;

    public static void Append(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<AuditEntry> entries)
    {
        if (entries.Count == 0) return;
        foreach (var entry in AuditChain.Extend(ReadHead(connection, transaction), entries))
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "INSERT INTO audit(seq, notice_id, incident_id, actor, at_ms, hash, doc) "
                + "VALUES ($seq, $notice, $incident, $actor, $at, $hash, $doc)";
            command.Parameters.AddWithValue("$seq", entry.Sequence);
            command.Parameters.AddWithValue("$notice", (object?)entry.NoticeId ?? DBNull.Value);
            command.Parameters.AddWithValue("$incident", (object?)entry.IncidentId ?? DBNull.Value);
            command.Parameters.AddWithValue("$actor", entry.Actor);
            command.Parameters.AddWithValue("$at", entry.At.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$hash", entry.Hash);
            command.Parameters.AddWithValue("$doc", StoredJson.Serialize(entry));
            command.ExecuteNonQuery();
        }
    }

    public static List<AuditEntry> List(SqliteConnection connection, AuditQuery query)
    {
        using var command = connection.CreateCommand();
        var where = new StringBuilder("1 = 1");
        void Filter(string sql, string name, object? value)
        {
            if (value is null) return;
            where.Append(" AND ").Append(sql);
            command.Parameters.AddWithValue(name, value);
        }
        Filter("seq < $before", "$before", query.Before);
        Filter("notice_id = $notice", "$notice", query.NoticeId);
        Filter("incident_id = $incident", "$incident", query.IncidentId);
        Filter("actor = $actor", "$actor", query.Actor);
        Filter("at_ms >= $from", "$from", query.From?.ToUnixTimeMilliseconds());
        Filter("at_ms < $to", "$to", query.To?.ToUnixTimeMilliseconds());
        command.CommandText = $"SELECT seq, hash, doc FROM audit WHERE {where} ORDER BY seq DESC LIMIT $limit";
        command.Parameters.AddWithValue("$limit", query.Limit);
        return Read(command);
    }

    public static async IAsyncEnumerable<AuditEntry> ReadChainAsync(SqliteDatabase database, [EnumeratorCancellation] CancellationToken ct)
    {
        // A page per connection, so that no read transaction stays open over the whole log.
        for (var after = 0L; ; )
        {
            ct.ThrowIfCancellationRequested();
            List<AuditEntry> page;
            using (var connection = database.Open())
            using (var command = connection.CreateCommand())
            {
                command.CommandText = "SELECT seq, hash, doc FROM audit WHERE seq > $after ORDER BY seq LIMIT $limit";
                command.Parameters.AddWithValue("$after", after);
                command.Parameters.AddWithValue("$limit", ChainPage);
                page = Read(command);
            }
            foreach (var entry in page) yield return entry;
            if (page.Count < ChainPage) yield break;
            after = page[^1].Sequence;
            await Task.Yield();
        }
    }

    /// <summary>
    /// The last number handed out (AUTOINCREMENT keeps it even when the row is gone) and the hash of
    /// the newest row, so a row removed from the end leaves a gap rather than being written over.
    /// </summary>
    public static AuditHead ReadHead(SqliteConnection connection, SqliteTransaction? transaction)
    {
        var seq = LastSequence(connection, transaction);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT hash FROM audit ORDER BY seq DESC LIMIT 1";
        return new AuditHead(seq, command.ExecuteScalar() as string ?? AuditChain.Genesis);
    }

    public static long LastSequence(SqliteConnection connection, SqliteTransaction? transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT seq FROM sqlite_sequence WHERE name = 'audit'";
        return command.ExecuteScalar() is long seq ? seq : 0;
    }

    private static List<AuditEntry> Read(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        var found = new List<AuditEntry>();
        while (reader.Read())
            found.Add(StoredJson.DeserializeAudit(reader.GetString(2)) with
            {
                Sequence = reader.GetInt64(0),
                Hash = reader.IsDBNull(1) ? null : reader.GetString(1),
            });
        return found;
    }
}
