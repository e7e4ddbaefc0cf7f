using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CrisisComms.Domain.Storage;

namespace CrisisComms.Domain.Audit;

/// <summary>
/// The hash chain that makes the audit log tamper-evident, the same for every store. Entry n's
/// <see cref="AuditEntry.Hash"/> is the lower-case hex SHA-256 of its canonical form, which ends with
/// the hash of entry n − 1 (64 zeros for entry 1). Changing, removing or inserting an entry without
/// recomputing every hash after it breaks the chain at that entry.
/// </summary>
/// <remarks>
/// The canonical form is UTF-8 text, one field a line, each line ending in '\n', in this order:
/// <code>
/// crisiscomms-audit-v1
/// seq=42
/// at=2026-12-03T11:24:50.1234567Z        (UTC, always seven fractional digits)
/// actor=5:bosse                           (byte length in UTF-8, ':', the text)
/// action=16:notice.approved
/// noticeId=-                              ('-' when absent; "0:" is an empty text)
/// incidentId=6:vatten
/// reason=-
/// detail=-
/// previous=0000…0000                      (64 hex digits)
/// </code>
/// The lengths make every text, line breaks included, unambiguous.
/// </remarks>
public static class AuditChain
{
    /// <summary>The "previous hash" of the first entry.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>The entries numbered and hashed on from the chain's head (0 and <see cref="Genesis"/> when empty).</summary>
    public static IReadOnlyList<AuditEntry> Extend(AuditHead head, IEnumerable<AuditEntry> entries)
    {
        var chained = new List<AuditEntry>();
        var (seq, previous) = (head.Sequence, head.Hash);
        foreach (var entry in entries)
        {
            var numbered = entry with { Sequence = ++seq, Hash = null };
            previous = HashOf(numbered, previous);
            chained.Add(numbered with { Hash = previous });
        }
        return chained;
    }

    public static string HashOf(AuditEntry entry, string previousHash) =>
        Convert.ToHexStringLower(SHA256.HashData(Canonical(entry, previousHash)));

    public static byte[] Canonical(AuditEntry entry, string previousHash)
    {
        var text = new StringBuilder("crisiscomms-audit-v1\n")
            .Append("seq=").Append(entry.Sequence.ToString(CultureInfo.InvariantCulture)).Append('\n')
            .Append("at=").Append(entry.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture)).Append('\n');
        Field(text, "actor", entry.Actor);
        Field(text, "action", entry.Action);
        Field(text, "noticeId", entry.NoticeId);
        Field(text, "incidentId", entry.IncidentId);
        Field(text, "reason", entry.Reason);
        Field(text, "detail", entry.Detail);
        text.Append("previous=").Append(previousHash).Append('\n');
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>Checks the store's whole log, read a page at a time.</summary>
    public static async Task<AuditVerification> VerifyAsync(INoticeStore store, CancellationToken ct = default)
    {
        // The last number first: entries appended while the log is read come after it and are checked too.
        var last = await store.GetLastAuditSequenceAsync(ct);
        return await VerifyAsync(store.ReadAuditChainAsync(ct), last, ct);
    }

    /// <summary>
    /// Checks a whole log read oldest first. <paramref name="lastSequence"/> is the last number the
    /// store handed out, so that entries removed from the end are found too.
    /// </summary>
    public static async Task<AuditVerification> VerifyAsync(IAsyncEnumerable<AuditEntry> oldestFirst, long lastSequence,
        CancellationToken ct = default)
    {
        var (expected, previous) = (1L, Genesis);
        await foreach (var entry in oldestFirst.WithCancellation(ct))
        {
            // A gap is an entry removed; the first number missing is where the log was changed.
            if (entry.Sequence != expected) return AuditVerification.InvalidAt(expected);
            if (entry.Hash is null || !string.Equals(entry.Hash, HashOf(entry, previous), StringComparison.Ordinal))
                return AuditVerification.InvalidAt(expected);
            (previous, expected) = (entry.Hash, expected + 1);
        }
        return expected - 1 < lastSequence ? AuditVerification.InvalidAt(expected) : AuditVerification.ValidWith(expected - 1);
    }

    private static void Field(StringBuilder text, string name, string? value)
    {
        text.Append(name).Append('=');
        if (value is null) text.Append('-');
        else text.Append(Encoding.UTF8.GetByteCount(value).ToString(CultureInfo.InvariantCulture)).Append(':').Append(value);
        text.Append('\n');
    }
}

/// <summary>The newest entry of the chain: its number and hash (0 and <see cref="AuditChain.Genesis"/> when empty).</summary>
public sealed record AuditHead(long Sequence, string Hash)
{
    public static readonly AuditHead Empty = new(0, AuditChain.Genesis);
}

/// <summary>What verifying the whole log found: valid with its number of entries, or the first entry that is not.</summary>
public sealed record AuditVerification(bool Valid, long Entries, long? FirstInvalidSeq)
{
    public static AuditVerification ValidWith(long entries) => new(true, entries, null);
    public static AuditVerification InvalidAt(long seq) => new(false, 0, seq);
}
