using CrisisComms.Domain.Audit;
using CrisisComms.Domain.Notices;
using CrisisComms.Domain.Storage;
using Microsoft.Data.Sqlite;

namespace CrisisComms.Storage.Sqlite;

/// <summary>Notices as JSON documents beside the few columns the queries need.</summary>
public sealed class SqliteNoticeStore(SqliteDatabase database) : INoticeStore
{
    public SqliteNoticeStore(string path) : this(new SqliteDatabase(path)) { }

    public Task<Notice?> GetAsync(string id, CancellationToken ct = default)
    {
        using var connection = database.Open();
        var found = Query(connection, "SELECT doc, row_version FROM notices WHERE id = $id", ("$id", id));
        return Task.FromResult(found.FirstOrDefault());
    }

    public Task<IReadOnlyList<Notice>> ListAsync(NoticeQuery query, CancellationToken ct = default)
    {
        using var connection = database.Open();
        // Only the filters asked for, so that SQLite walks the index that matches them in order.
        var where = new List<string>();
        if (query.State is not null) where.Add("state = $state");
        if (query.IncidentId is not null) where.Add("incident_id = $incident");
        if (query.EndedAfter is not null) where.Add("ended_at > $ended");
        if (query.Before is not null) where.Add("(created_at, id) < (SELECT created_at, id FROM notices WHERE id = $before)");
        var sql = "SELECT doc, row_version FROM notices"
            + (query.EndedAfter is null ? "" : " INDEXED BY notices_ended")
            + (where.Count == 0 ? "" : " WHERE " + string.Join(" AND ", where))
            + " ORDER BY created_at DESC, id DESC LIMIT $limit";
        IReadOnlyList<Notice> found = Query(connection, sql,
            ("$state", query.State?.ToCamelCase()), ("$incident", query.IncidentId),
            ("$ended", query.EndedAfter?.ToUnixTimeMilliseconds()), ("$before", query.Before), ("$limit", query.Limit));
        return Task.FromResult(found);
    }

    public Task<IReadOnlyList<Notice>> ListDueAsync(DateTimeOffset now, CancellationToken ct = default)
    {
        using var connection = database.Open();
        IReadOnlyList<Notice> found = Query(connection,
            "SELECT doc, row_version FROM notices WHERE next_due_at IS NOT NULL AND next_due_at <= $now ORDER BY next_due_at",
            ("$now", now.ToUnixTimeMilliseconds()));
        return Task.FromResult(found);
    }

    public Task<IReadOnlyList<(string Id, DateTimeOffset DueAt)>> ListUpcomingAsync(CancellationToken ct = default)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, next_due_at FROM notices WHERE next_due_at IS NOT NULL ORDER BY next_due_at";
        using var reader = command.ExecuteReader();
        var found = new List<(string, DateTimeOffset)>();
        while (reader.Read()) found.Add((reader.GetString(0), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1))));
        return Task.FromResult<IReadOnlyList<(string, DateTimeOffset)>>(found);
    }

    public Task<IReadOnlyList<Notice>> ListBannerCandidatesAsync(CancellationToken ct = default)
    {
        using var connection = database.Open();
        IReadOnlyList<Notice> found = Query(connection,
            "SELECT doc, row_version FROM notices WHERE banner = 1");
        return Task.FromResult(found);
    }

    public Task<long> GetBannerRevisionAsync(CancellationToken ct = default)
    {
        using var connection = database.Open();
        return Task.FromResult(ReadRevision(connection));
    }

    public Task SaveAsync(ChangeSet changes, CancellationToken ct = default)
    {
        try
        {
            Save(changes);
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 5 or 6 or 10 or 13 or 14)
        {
            // Busy or locked past the timeout, I/O error, disk full, cannot open: nothing was written.
            throw new StoreUnavailableException($"The SQLite store cannot be written: {e.SqliteErrorCode}", e);
        }
        return Task.CompletedTask;
    }

    private void Save(ChangeSet changes)
    {
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction(deferred: false);
        foreach (var notice in changes.Notices) Write(connection, transaction, notice);
        SqliteNoticeIndexes.UpdateCandidates(connection, transaction, changes.Notices);
        SqliteAuditLog.Append(connection, transaction, changes.Audit);
        foreach (var account in changes.Accounts) SqliteAccountStore.WriteOver(connection, transaction, account);
        foreach (var document in changes.Documents) SqliteDocumentStore.WriteOver(connection, transaction, document);
        if (changes.BannersChanged)
            Execute(connection, transaction, "UPDATE counters SET value = value + 1 WHERE name = 'banner_revision'");
        transaction.Commit();

        // Only once committed do the callers' objects take the stored values.
        foreach (var notice in changes.Notices) notice.RowVersion++;
    }

    public Task AppendAuditAsync(AuditEntry entry, CancellationToken ct = default) =>
        SaveAsync(new ChangeSet([], [entry], BannersChanged: false), ct);

    public Task<IReadOnlyList<AuditEntry>> ListAuditAsync(AuditQuery query, CancellationToken ct = default)
    {
        using var connection = database.Open();
        return Task.FromResult<IReadOnlyList<AuditEntry>>(SqliteAuditLog.List(connection, query));
    }

    public IAsyncEnumerable<AuditEntry> ReadAuditChainAsync(CancellationToken ct = default) =>
        SqliteAuditLog.ReadChainAsync(database, ct);

    public Task<long> GetLastAuditSequenceAsync(CancellationToken ct = default)
    {
        using var connection = database.Open();
        return Task.FromResult(SqliteAuditLog.LastSequence(connection, null));
    }

    public Task PingAsync(CancellationToken ct = default)
    {
        using var connection = database.Open();
        ReadRevision(connection);
        return Task.CompletedTask;
    }

    private static void Write(SqliteConnection connection, SqliteTransaction transaction, Notice notice)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        var expected = notice.RowVersion;
        notice.RowVersion = expected + 1;
        try
        {
            // A new notice must not take a version its incident already has: two follow-ups drafted
            // at once both read vN and chose vN+1. The write lock is held (an immediate transaction),
            // so the check and the insert are one step; the second is refused and drafted again.
            command.CommandText = expected == 0
                ? "INSERT OR IGNORE INTO notices(id, incident_id, state, created_at, next_due_at, ended_at, row_version, doc) "
                  + "SELECT $id, $incident, $state, $created, $due, $ended, $version, $doc WHERE NOT EXISTS (SELECT 1 FROM notices "
                  + "WHERE incident_id = $incident AND json_extract(doc, '$.version') = $number)"
                : "UPDATE notices SET state = $state, next_due_at = $due, ended_at = $ended, row_version = $version, doc = $doc "
                  + "WHERE id = $id AND row_version = $expected";
            command.Parameters.AddWithValue("$id", notice.Id);
            command.Parameters.AddWithValue("$incident", notice.IncidentId);
            command.Parameters.AddWithValue("$state", notice.State.ToCamelCase());
            command.Parameters.AddWithValue("$created", notice.CreatedAt.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$due", (object?)notice.NextDueAt?.ToUnixTimeMilliseconds() ?? DBNull.Value);
            command.Parameters.AddWithValue("$ended", SqliteNoticeIndexes.EndedAt(notice));
            command.Parameters.AddWithValue("$version", notice.RowVersion);
            command.Parameters.AddWithValue("$expected", expected);
            command.Parameters.AddWithValue("$number", notice.Version);
            command.Parameters.AddWithValue("$doc", StoredJson.Serialize(notice));
            if (command.ExecuteNonQuery() != 1) throw new ConcurrencyConflictException(notice.Id);
        }
        finally
        {
            notice.RowVersion = expected;
        }
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static long ReadRevision(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT value FROM counters WHERE name = 'banner_revision'";
        return (long)command.ExecuteScalar()!;
    }

    private static List<Notice> Query(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return SqliteNoticeRows.ReadAll(command);
    }
}
