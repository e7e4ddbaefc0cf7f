using CrisisComms.Domain.Audit;

namespace CrisisComms.Storage.Redis;

/// <summary>
/// The audit head as stored: audit:seq and audit:hash, each '' when absent. Save.lua compares
/// exactly these strings, so the entries a caller chained on them are the next ones or none are.
/// </summary>
internal sealed record RedisAuditHead(string StoredSequence, string StoredHash)
{
    public static readonly RedisAuditHead NotRead = new("", "");

    /// <summary>A log from before the hash chain: entries numbered, none hashed.</summary>
    public bool Unchained => StoredSequence is not ("" or "0") && StoredHash == "";

    public AuditHead Head => StoredSequence is "" or "0"
        ? AuditHead.Empty
        : new AuditHead(long.Parse(StoredSequence, System.Globalization.CultureInfo.InvariantCulture), StoredHash);
}
