using System.Security.Cryptography;

namespace CrisisComms.Server.Records;

/// <summary>The SHA-256 of an incident's archive, the bytes a download gets, streamed through the hash, never held whole.</summary>
internal sealed class ArchiveDigest(IncidentArchive archive)
{
    /// <summary>Lower-case hex, or null when the store has no such incident.</summary>
    public async Task<string?> Sha256Async(string incidentId, CancellationToken ct)
    {
        using var sha = SHA256.Create();
        await using (var hashing = new CryptoStream(Stream.Null, sha, CryptoStreamMode.Write))
        {
            if (!await archive.WriteAsync(incidentId, hashing, ct)) return null;
            await hashing.FlushFinalBlockAsync(ct);
        }
        return Convert.ToHexStringLower(sha.Hash!);
    }
}
