using System.Text.Json;
using CrisisComms.Domain.Storage;
using Microsoft.Data.Sqlite;

namespace CrisisComms.Storage.Sqlite;

/// <summary>Idempotency keys, one row per (account, key); lapsed rows are dropped as new keys are claimed.</summary>
public sealed class SqliteIdempotencyStore(SqliteDatabase database) : IIdempotencyStore
{
    internal const string Schema = """
        CREATE TABLE IF NOT EXISTS idempotency_keys (
            account  TEXT NOT NULL,
            key      TEXT NOT NULL,
            at_ms    INTEGER NOT NULL,
            doc      TEXT NOT NULL,
            PRIMARY KEY (account, key)
        );
        CREATE INDEX IF NOT EXISTS idempotency_keys_at ON idempotency_keys(at_ms);
        """;

    public Task<IdempotencyClaim> ClaimAsync(string account, string key, IdempotencyClaim claim, TimeSpan retention, CancellationToken ct = default)
    {
        try
        {
            return Task.FromResult(Claim(account, key, claim, retention));
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 5 or 6 or 10 or 13 or 14)
        {
            // As SqliteNoticeStore: busy past the timeout, I/O error, disk full, cannot open.
            throw new StoreUnavailableException($"The SQLite store cannot be written: {e.SqliteErrorCode}", e);
        }
    }

    private IdempotencyClaim Claim(string account, string key, IdempotencyClaim claim, TimeSpan retention)
    {
        using var connection = database.Open();
        // Immediate: the lapse, the insert and the read back are one step against other nodes' claims.
        using var transaction = connection.BeginTransaction(deferred: false);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            DELETE FROM idempotency_keys WHERE at_ms < $lapsed;
            INSERT OR IGNORE INTO idempotency_keys(account, key, at_ms, doc) VALUES ($account, $key, $at, $doc);
            SELECT doc FROM idempotency_keys WHERE account = $account AND key = $key;
            """;
        command.Parameters.AddWithValue("$lapsed", (claim.At - retention).ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$account", account);
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$at", claim.At.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$doc", JsonSerializer.Serialize(claim, StoredJson.Options));
        var kept = (string)command.ExecuteScalar()!;
        transaction.Commit();
        return JsonSerializer.Deserialize<IdempotencyClaim>(kept, StoredJson.Options)!;
    }
}
