using System.Text.Json;
using CrisisComms.Server.Configuration;
using CrisisComms.Server.Http;
using CrisisComms.Storage.Sqlite;
using Microsoft.Extensions.Options;

namespace CrisisComms.Server.Backups;

/// <summary>
/// <c>backup FILE</c>: a consistent copy of the SQLite store, taken while the service runs.
/// <c>restore FILE</c>: with the service stopped, puts a copy back, the store as it was kept beside
/// it (<c>crisiscomms.db.before-restore-…</c>). The signing key is not in the copy (runbooks/06).
/// Exit code 0 when done, 1 when refused, 2 for a wrong command.
/// </summary>
internal static class BackupCommand
{
    private const string Usage = """
        Usage: backup FILE     writes a consistent copy of the store to FILE while the service runs
               restore FILE    puts FILE back as the store; stop the service first
        """;

    public static bool Matches(string[] args) => Array.IndexOf(args, "backup") >= 0 || Array.IndexOf(args, "restore") >= 0;

    public static int Run(string[] args, IServiceProvider services)
    {
        // Host options such as --contentRoot may stand before the command.
        var at = Math.Max(Array.IndexOf(args, "backup"), Array.IndexOf(args, "restore"));
        args = args[at..];
        if (args.Length != 2 || args[1].StartsWith('-'))
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }
        var storage = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        if (storage.IsRedis)
        {
            Console.Error.WriteLine("The store is Redis: back up its append-only file instead (runbooks/03-restore-from-aof.md).");
            return 1;
        }
        var file = Path.GetFullPath(args[1]);
        try
        {
            var summary = args[0] == "backup" ? SqliteBackup.Backup(storage.SqlitePath, file) : Restore(file, storage.SqlitePath, services);
            Console.WriteLine(JsonSerializer.Serialize(summary, ApiJson.Options));
            return 0;
        }
        catch (BackupException e)
        {
            Console.Error.WriteLine(e.Message);
            return 1;
        }
    }

    private static SqliteBackup.Summary Restore(string file, string store, IServiceProvider services)
    {
        using var inUse = StoreInUse.TryTake(store)
            ?? throw new BackupException($"The service is running on {store}: stop it (every node on this store) before restoring.");
        var stamp = services.GetRequiredService<TimeProvider>().GetUtcNow().ToString("yyyyMMddTHHmmssZ", System.Globalization.CultureInfo.InvariantCulture);
        var aside = $"{store}.before-restore-{stamp}";
        var summary = SqliteBackup.Restore(file, store, aside);
        Console.Error.WriteLine(File.Exists(aside) ? $"The store as it was is kept in {aside}." : "There was no store before.");
        return summary;
    }
}
