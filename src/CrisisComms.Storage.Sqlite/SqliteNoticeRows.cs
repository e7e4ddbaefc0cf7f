using CrisisComms.Domain.Notices;
using CrisisComms.Domain.Storage;
using Microsoft.Data.Sqlite;

namespace CrisisComms.Storage.Sqlite;

/// <summary>Notices read from rows of (doc, row_version): the one way every query here reads them.</summary>
internal static class SqliteNoticeRows
{
    public static List<Notice> ReadAll(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        var found = new List<Notice>();
        while (reader.Read())
        {
            var notice = StoredJson.DeserializeNotice(reader.GetString(0));
            notice.RowVersion = reader.GetInt64(1);
            found.Add(notice);
        }
        return found;
    }
}
