using Microsoft.Data.Sqlite;

namespace CrisisComms.Storage.Sqlite;

/// <summary>
/// Copies of the store through SQLite's online backup API: the copy is one transaction's view of
/// the file, WAL included, taken while the service goes on writing. A copy is written beside its
/// destination first and moved into place, so a half-written copy never looks like a backup.
/// </summary>
public static class SqliteBackup
{
    private static readonly string[] Tables = ["notices", "audit", "accounts"];

    /// <summary>What a backup holds, for the operator to check.</summary>
    public sealed record Summary(string File, long Notices, long AuditEntries, long Accounts, long Bytes);

    /// <summary>Writes a consistent copy of the store at <paramref name="store"/> to <paramref name="file"/>.</summary>
    public static Summary Backup(string store, string file)
    {
        if (!File.Exists(store)) throw new BackupException($"There is no store at {store}.");
        Copy(store, file);
        return Describe(file);
    }

    /// <summary>
    /// Puts <paramref name="file"/> in the place of the store, after keeping the store as it was in
    /// <paramref name="asideFile"/>. The caller makes sure the service is stopped.
    /// </summary>
    public static Summary Restore(string file, string store, string asideFile)
    {
        var summary = Describe(file);
        if (File.Exists(store)) Copy(store, asideFile);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(store))!);
        // Into the live file through the backup API, so its WAL is replaced along with it.
        using (var source = Open(file, SqliteOpenMode.ReadOnly))
        using (var target = Open(store, SqliteOpenMode.ReadWriteCreate))
        {
            source.BackupDatabase(target);
            Execute(target, "PRAGMA wal_checkpoint(TRUNCATE);");
        }
        return summary with { File = store };
    }

    /// <summary>Refuses anything that is not a whole CrisisComms store: another file, another database, a damaged copy.</summary>
    public static Summary Describe(string file)
    {
        if (!File.Exists(file)) throw new BackupException($"{file} does not exist.");
        try
        {
            using var connection = Open(file, SqliteOpenMode.ReadOnly);
            var tables = Tables.Count(t => Scalar(connection, $"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '{t}'") == 1);
            if (tables != Tables.Length) throw new BackupException($"{file} is not a CrisisComms database: it has no notices, audit and accounts tables.");
            using (var check = connection.CreateCommand())
            {
                check.CommandText = "PRAGMA integrity_check;";
                if (check.ExecuteScalar() as string != "ok") throw new BackupException($"{file} is damaged: SQLite's integrity check fails.");
            }
            return new Summary(Path.GetFullPath(file), Scalar(connection, "SELECT count(*) FROM notices"),
                Scalar(connection, "SELECT count(*) FROM audit"), Scalar(connection, "SELECT count(*) FROM accounts"), new FileInfo(file).Length);
        }
        catch (SqliteException e)
        {
            throw new BackupException($"{file} is not a CrisisComms database: {e.Message}");
        }
    }

    private static void Copy(string store, string file)
    {
        var full = Path.GetFullPath(file);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var partial = full + ".partial";
        File.Delete(partial);
        using (var source = Open(store, SqliteOpenMode.ReadOnly))
        using (var target = Open(partial, SqliteOpenMode.ReadWriteCreate))
        {
            // One step: the whole copy under one read transaction, whatever the service writes meanwhile.
            source.BackupDatabase(target);
            // A backup is one self-contained file, whatever journal the store uses.
            Execute(target, "PRAGMA journal_mode=DELETE;");
        }
        // Password hashes and second-factor secrets are in it: readable by the service account only.
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(partial, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.Move(partial, full, overwrite: true);
    }

    // No pooling: the files are closed when the command ends, before anything moves them.
    private static SqliteConnection Open(string file, SqliteOpenMode mode)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path.GetFullPath(file),
            Mode = mode,
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString());
        connection.Open();
        Execute(connection, "PRAGMA busy_timeout=10000;");
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}

/// <summary>A backup or restore that cannot be done; the message says why, for the operator.</summary>
public sealed class BackupException(string message) : Exception(message);
