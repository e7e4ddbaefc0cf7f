using CrisisComms.Domain.Notices;
using CrisisComms.Domain.Storage;
using Microsoft.Data.Sqlite;

namespace CrisisComms.Storage.Sqlite;

/// <summary>
/// Retention's deletes. The audit table refuses deletes (its trigger), so the entries of a purged
/// incident stay; the <c>incident.purged</c> entry is appended in the transaction that deletes.
/// </summary>
public sealed class SqliteRetentionStore(SqliteDatabase database) : IRetentionStore
{
    public Task<IReadOnlyList<Notice>> ListNoticesOfEndingIncidentsAsync(CancellationToken ct = default)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT doc, row_version FROM notices WHERE incident_id IN "
            + "(SELECT incident_id FROM notices WHERE state IN ('withdrawn', 'expired', 'closed')) ORDER BY incident_id, created_at, id";
        return Task.FromResult<IReadOnlyList<Notice>>(SqliteNoticeRows.ReadAll(command));
    }

    public Task<bool> PurgeAsync(IncidentPurge purge, CancellationToken ct = default)
    {
        try
        {
            return Task.FromResult(Purge(purge));
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 5 or 6 or 10 or 13 or 14)
        {
            throw new StoreUnavailableException($"The SQLite store cannot be written: {e.SqliteErrorCode}", e);
        }
    }

    private bool Purge(IncidentPurge purge)
    {
        using var connection = database.Open();
        // Immediate: the write lock is held from the check to the commit, so no save comes between.
        using var transaction = connection.BeginTransaction(deferred: false);
        var expected = purge.Notices.ToDictionary(n => n.Id, n => n.RowVersion, StringComparer.Ordinal);
        var stored = new Dictionary<string, long>(StringComparer.Ordinal);
        using (var read = connection.CreateCommand())
        {
            read.Transaction = transaction;
            read.CommandText = "SELECT id, row_version FROM notices WHERE incident_id = $incident";
            read.Parameters.AddWithValue("$incident", purge.IncidentId);
            using var reader = read.ExecuteReader();
            while (reader.Read()) stored[reader.GetString(0)] = reader.GetInt64(1);
        }
        if (stored.Count == 0 || stored.Count != expected.Count
            || stored.Any(s => !expected.TryGetValue(s.Key, out var version) || version != s.Value))
            return false;

        using (var delete = connection.CreateCommand())
        {
            delete.Transaction = transaction;
            delete.CommandText = "DELETE FROM notices WHERE incident_id = $incident";
            delete.Parameters.AddWithValue("$incident", purge.IncidentId);
            delete.ExecuteNonQuery();
        }
        SqliteAuditLog.Append(connection, transaction, [purge.Entry]);
        transaction.Commit();
        return true;
    }
}
