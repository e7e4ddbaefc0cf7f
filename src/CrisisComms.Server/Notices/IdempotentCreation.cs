using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CrisisComms.Domain.Notices;
using CrisisComms.Domain.Storage;
using CrisisComms.Domain.Validation;
using CrisisComms.Server.Http;

namespace CrisisComms.Server.Notices;

/// <summary>
/// Which id a new notice gets. Without a key a new one; with an <see cref="IdempotencyKey"/> the id
/// the key's first request chose (stored, so every node and a restarted one agree), provided the
/// request is the same one (same endpoint, same body); within <see cref="Retention"/>, as Stripe.
/// </summary>
internal sealed class IdempotentCreation(IIdempotencyStore keys, TimeProvider time)
{
    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    /// <param name="endpoint">What the request asks for ("create", "update:{id}"): the same body sent elsewhere is another request.</param>
    public async Task<string> NoticeIdAsync(IdempotencyKey? key, Actor actor, string endpoint, NoticeInput input, CancellationToken ct)
    {
        var id = NewId();
        if (key is null) return id;
        var fingerprint = Fingerprint(endpoint, input);
        var kept = await keys.ClaimAsync(actor.Subject, key.Value, new IdempotencyClaim(fingerprint, id, time.GetUtcNow()), Retention, ct);
        return kept.Fingerprint == fingerprint ? kept.NoticeId : throw new IdempotencyKeyReusedException();
    }

    public static string NewId() => Guid.CreateVersion7().ToString("N");

    // The body as read (not its bytes): the same notice sent with other spacing is the same request.
    private static string Fingerprint(string endpoint, NoticeInput input) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(endpoint + "\n" + JsonSerializer.Serialize(input, ApiJson.Options))));
}

/// <summary>A created notice, and whether it was made by an earlier request with the same key.</summary>
internal sealed record CreatedNotice(Notice Notice, bool Replayed);
