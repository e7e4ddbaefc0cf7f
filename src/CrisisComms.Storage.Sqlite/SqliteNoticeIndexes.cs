using CrisisComms.Domain.Banners;
using CrisisComms.Domain.Notices;
using CrisisComms.Domain.Storage;
using Microsoft.Data.Sqlite;

namespace CrisisComms.Storage.Sqlite;

/// <summary>
/// The columns and indexes that keep reads from growing with history: <c>banner</c> marks the
/// banner candidates (<see cref="BannerCandidates"/>), <c>ended_at</c> when a notice ended, and
/// (created_at, id) orders every listing, so a page is read from an index and not sorted.
/// </summary>
internal static class SqliteNoticeIndexes
{
    private const string Indexes = """
        CREATE INDEX IF NOT EXISTS notices_created ON notices(created_at, id);
        CREATE INDEX IF NOT EXISTS notices_state_created ON notices(state, created_at, id);
        CREATE INDEX IF NOT EXISTS notices_incident_created ON notices(incident_id, created_at, id);
        CREATE INDEX IF NOT EXISTS notices_banner ON notices(incident_id) WHERE banner = 1;
        CREATE INDEX IF NOT EXISTS notices_ended ON notices(ended_at);
        """;

    /// <summary>
    /// Adds the columns to a file from before them and fills them in once, in one transaction:
    /// every old superseded version that no audience can show any more leaves the candidates
    /// there and then, at the first start after the upgrade.
    /// </summary>
    public static void Migrate(SqliteConnection connection)
    {
        using var transaction = connection.BeginTransaction(deferred: false);
        if (!HasColumn(connection, transaction, "banner"))
        {
            SqliteDatabase.Execute(connection, """
                ALTER TABLE notices ADD COLUMN banner INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE notices ADD COLUMN ended_at INTEGER NULL;
                """, transaction);
            FillIn(connection, transaction);
        }
        SqliteDatabase.Execute(connection, Indexes, transaction);
        transaction.Commit();
    }

    /// <summary>
    /// After the notices of a change set are written: each touched incident's candidates, as the
    /// domain decides from the incident's stored candidates and the versions just saved. A superseded
    /// version only ever leaves (the rule never takes one back), so one stored as gone stays gone.
    /// </summary>
    public static void UpdateCandidates(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<Notice> saved)
    {
        foreach (var incident in saved.GroupBy(n => n.IncidentId))
        {
            var stored = Read(connection, transaction,
                "SELECT doc, row_version FROM notices WHERE incident_id = $incident AND banner = 1", ("$incident", incident.Key));
            var wasCandidate = stored.Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
            var inserted = incident.Where(n => n.RowVersion == 0).Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
            var changed = incident.ToDictionary(n => n.Id, StringComparer.Ordinal);
            List<Notice> versions = [.. stored.Where(n => !changed.ContainsKey(n.Id)), .. changed.Values];
            foreach (var notice in versions)
            {
                var keep = BannerCandidates.IsCandidate(notice, versions)
                    && (notice.State == NoticeState.Live || wasCandidate.Contains(notice.Id) || inserted.Contains(notice.Id));
                if (keep == wasCandidate.Contains(notice.Id) && !changed.ContainsKey(notice.Id)) continue;
                SetCandidate(connection, transaction, notice.Id, keep);
            }
        }
    }

    public static object EndedAt(Notice notice) =>
        notice.IsEnded && notice.EndedAt is { } at ? at.ToUnixTimeMilliseconds() : DBNull.Value;

    private static void FillIn(SqliteConnection connection, SqliteTransaction transaction)
    {
        var shown = Read(connection, transaction, """
            SELECT doc, row_version FROM notices
            WHERE incident_id IN (SELECT incident_id FROM notices WHERE state IN ('live', 'superseded'))
            """);
        foreach (var incident in shown.GroupBy(n => n.IncidentId))
            foreach (var notice in incident.Where(n => BannerCandidates.IsCandidate(n, incident)))
                SetCandidate(connection, transaction, notice.Id, true);
        foreach (var ended in Read(connection, transaction,
                     "SELECT doc, row_version FROM notices WHERE state IN ('withdrawn', 'expired', 'closed')"))
        {
            using var command = Command(connection, transaction, "UPDATE notices SET ended_at = $ended WHERE id = $id",
                ("$ended", EndedAt(ended)), ("$id", ended.Id));
            command.ExecuteNonQuery();
        }
    }

    private static void SetCandidate(SqliteConnection connection, SqliteTransaction transaction, string id, bool candidate)
    {
        using var command = Command(connection, transaction, "UPDATE notices SET banner = $banner WHERE id = $id",
            ("$banner", candidate ? 1 : 0), ("$id", id));
        command.ExecuteNonQuery();
    }

    private static bool HasColumn(SqliteConnection connection, SqliteTransaction transaction, string column)
    {
        using var command = Command(connection, transaction,
            "SELECT COUNT(*) FROM pragma_table_info('notices') WHERE name = $column", ("$column", column));
        return (long)command.ExecuteScalar()! > 0;
    }

    private static List<Notice> Read(SqliteConnection connection, SqliteTransaction transaction, string sql,
        params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        return SqliteNoticeRows.ReadAll(command);
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql,
        params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }
}
