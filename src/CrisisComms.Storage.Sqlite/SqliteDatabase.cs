using Microsoft.Data.Sqlite;

namespace CrisisComms.Storage.Sqlite;

/// <summary>
/// Opens connections to the one SQLite file and creates its tables. WAL lets banner reads go on
/// while an officer writes; synchronous=FULL because an acknowledged notice must survive a power cut.
/// </summary>
public sealed class SqliteDatabase
{
    private readonly string _connectionString;

    public SqliteDatabase(string path)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = full,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        using var connection = Open();
        Execute(connection, Schema);
        SqliteAuditMigration.ChainUnhashedLog(connection);
        Execute(connection, AuditIndexes);
        Execute(connection, SqliteDocumentStore.Schema);
        Execute(connection, SqliteIdempotencyStore.Schema);
        SqliteNoticeIndexes.Migrate(connection);
    }

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON;");
        return connection;
    }

    internal static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    // The audit log is append-only: the database itself refuses to change or drop a line.
    internal const string AuditNoUpdate = """
        CREATE TRIGGER IF NOT EXISTS audit_no_update BEFORE UPDATE ON audit
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
        """;

    // After the migration, which adds the columns to a log from before the hash chain.
    private const string AuditIndexes = """
        CREATE INDEX IF NOT EXISTS audit_actor ON audit(actor);
        CREATE INDEX IF NOT EXISTS audit_at ON audit(at_ms);
        """;

    private const string Schema = """
        CREATE TABLE IF NOT EXISTS notices (
            id           TEXT PRIMARY KEY,
            incident_id  TEXT NOT NULL,
            state        TEXT NOT NULL,
            created_at   INTEGER NOT NULL,
            next_due_at  INTEGER NULL,
            row_version  INTEGER NOT NULL,
            doc          TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS notices_incident ON notices(incident_id);
        CREATE INDEX IF NOT EXISTS notices_state ON notices(state);
        CREATE INDEX IF NOT EXISTS notices_due ON notices(next_due_at) WHERE next_due_at IS NOT NULL;
        CREATE TABLE IF NOT EXISTS audit (
            seq          INTEGER PRIMARY KEY AUTOINCREMENT,
            notice_id    TEXT NULL,
            incident_id  TEXT NULL,
            actor        TEXT NULL,
            at_ms        INTEGER NULL,
            hash         TEXT NULL,
            doc          TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS audit_notice ON audit(notice_id);
        CREATE INDEX IF NOT EXISTS audit_incident ON audit(incident_id);
        CREATE TABLE IF NOT EXISTS counters (
            name   TEXT PRIMARY KEY,
            value  INTEGER NOT NULL
        );
        INSERT OR IGNORE INTO counters(name, value) VALUES ('banner_revision', 1);
        CREATE TABLE IF NOT EXISTS accounts (
            name  TEXT PRIMARY KEY,
            doc   TEXT NOT NULL
        );
        """ + AuditNoUpdate + """
        CREATE TRIGGER IF NOT EXISTS audit_no_delete BEFORE DELETE ON audit
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
        """;
}
