using CrisisComms.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace CrisisComms.Storage.Tests;

public sealed class SqliteDatabaseTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("crisiscomms-sqlite-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public void EveryConnectionWaitsForLocksAndSyncsEachCommitWhetherNewOrTakenAgainFromThePool()
    {
        var database = new SqliteDatabase(Path.Combine(_folder.FullName, "crisiscomms.db"));
        for (var round = 0; round < 4; round++)
        {
            // Four at once: the pool opens new native connections; the rounds after take them again.
            var open = Enumerable.Range(0, 4).Select(_ => database.Open()).ToList();
            foreach (var connection in open)
            {
                Assert.Equal("wal", Pragma(connection, "journal_mode"));
                Assert.Equal(2L, Pragma(connection, "synchronous"));
                Assert.Equal(10_000L, Pragma(connection, "busy_timeout"));
                Assert.Equal(1L, Pragma(connection, "foreign_keys"));
            }
            // Round 3 empties the pool, as pruning does to idle connections: the new ones are set up too.
            if (round == 2) SqliteConnection.ClearPool(open[0]);
            foreach (var connection in open) connection.Dispose();
        }
    }

    private static object? Pragma(SqliteConnection connection, string name)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {name}";
        return command.ExecuteScalar();
    }
}
