using System.Text.Json;
using System.Text.Json.Serialization;
using CrisisComms.Domain.Accounts;
using CrisisComms.Domain.Audit;
using CrisisComms.Domain.Notices;

namespace CrisisComms.Domain.Storage;

/// <summary>
/// How every store writes a notice, an audit entry or an account as a document, so that SQLite and
/// Redis hold the very same bytes and a store can be moved to the other.
/// </summary>
public static class StoredJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Serialize(Notice notice) => JsonSerializer.Serialize(notice, Options);
    public static Notice DeserializeNotice(string json) =>
        JsonSerializer.Deserialize<Notice>(json, Options) ?? throw new InvalidDataException("Empty notice document.");

    public static string Serialize(AuditEntry entry) => JsonSerializer.Serialize(entry, Options);
    public static AuditEntry DeserializeAudit(string json) =>
        JsonSerializer.Deserialize<AuditEntry>(json, Options) ?? throw new InvalidDataException("Empty audit document.");

    public static string Serialize(Account account) => JsonSerializer.Serialize(account, Options);
    public static Account DeserializeAccount(string json) =>
        JsonSerializer.Deserialize<Account>(json, Options) ?? throw new InvalidDataException("Empty account document.");
}
