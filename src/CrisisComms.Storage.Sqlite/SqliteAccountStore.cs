using CrisisComms.Domain.Accounts;
using CrisisComms.Domain.Storage;
using Microsoft.Data.Sqlite;

namespace CrisisComms.Storage.Sqlite;

public sealed class SqliteAccountStore(SqliteDatabase database) : IAccountStore
{
    public Task<Account?> FindAsync(string name, CancellationToken ct = default)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT doc FROM accounts WHERE name = $name";
        command.Parameters.AddWithValue("$name", name);
        return Task.FromResult(command.ExecuteScalar() is string doc ? StoredJson.DeserializeAccount(doc) : null);
    }

    public Task<IReadOnlyList<Account>> ListAsync(CancellationToken ct = default)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT doc FROM accounts ORDER BY name";
        using var reader = command.ExecuteReader();
        var found = new List<Account>();
        while (reader.Read()) found.Add(StoredJson.DeserializeAccount(reader.GetString(0)));
        return Task.FromResult<IReadOnlyList<Account>>(found);
    }

    public Task UpsertAsync(Account account, CancellationToken ct = default)
    {
        using var connection = database.Open();
        Write(connection, null, account);
        return Task.CompletedTask;
    }

    internal static void Write(SqliteConnection connection, SqliteTransaction? transaction, Account account)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO accounts(name, doc) VALUES ($name, $doc) ON CONFLICT(name) DO UPDATE SET doc = excluded.doc";
        command.Parameters.AddWithValue("$name", account.Name);
        command.Parameters.AddWithValue("$doc", StoredJson.Serialize(account));
        command.ExecuteNonQuery();
    }

    /// <summary>Saves the account one revision on, only if the stored one is still at the revision it was read at.</summary>
    internal static void WriteOver(SqliteConnection connection, SqliteTransaction transaction, Account account)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        // A round-one document has no revision: it counts as 0.
        command.CommandText = """
            INSERT INTO accounts(name, doc) VALUES ($name, $doc)
            ON CONFLICT(name) DO UPDATE SET doc = excluded.doc
            WHERE coalesce(json_extract(accounts.doc, '$.revision'), 0) = $expected
            """;
        command.Parameters.AddWithValue("$name", account.Name);
        command.Parameters.AddWithValue("$expected", account.Revision);
        command.Parameters.AddWithValue("$doc", StoredJson.Serialize(account with { Revision = account.Revision + 1 }));
        if (command.ExecuteNonQuery() != 1) throw new AccountChangedException(account.Name);
    }
}
