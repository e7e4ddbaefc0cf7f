using System.Globalization;
using System.Text;
using CrisisComms.Domain.Audit;

namespace CrisisComms.Server.Audit;

/// <summary>
/// The audit log as RFC 4180 CSV for a spreadsheet: a header row, CRLF line ends, every field quoted
/// when it holds a comma, quote or line break, UTF-8 with a byte order mark (so Excel reads å, ä, ö).
/// A field that a spreadsheet would run as a formula (= + - @, tab, carriage return first) is written
/// with a leading apostrophe: an audit entry carries text typed by others, such as a reason.
/// </summary>
internal static class AuditCsv
{
    public static readonly string[] Header = ["seq", "at", "actor", "actorName", "action", "noticeId", "incidentId", "reason", "detail", "hash"];

    /// <summary>Times as an instant with Sweden's offset ("2026-12-03T15:20:36+01:00"): exact, and the clock an officer read.</summary>
    private static readonly TimeZoneInfo Sweden =
        TimeZoneInfo.TryFindSystemTimeZoneById("Europe/Stockholm", out var zone) ? zone : TimeZoneInfo.Utc;

    public static readonly Encoding Utf8WithBom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    public static string Row(AuditEntry e, string? actorName) => Line(
        e.Sequence.ToString(CultureInfo.InvariantCulture),
        TimeZoneInfo.ConvertTime(e.At, Sweden).ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture),
        e.Actor, actorName, e.Action, e.NoticeId, e.IncidentId, e.Reason, e.Detail, e.Hash);

    public static string Line(params string?[] fields) => string.Join(',', fields.Select(Field)) + "\r\n";

    public static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
