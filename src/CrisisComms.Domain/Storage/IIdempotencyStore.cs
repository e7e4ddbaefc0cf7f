namespace CrisisComms.Domain.Storage;

/// <summary>
/// The <c>Idempotency-Key</c>s officers sent with a create or follow-up: which request each first
/// came with and the id of the notice that request makes. The notice's id is chosen when the key
/// is first claimed, so a retry (after a lost answer, on any node, after a restart) makes the same
/// insert, which the notice store refuses as an existing id: one draft however often it is sent.
/// </summary>
public interface IIdempotencyStore
{
    /// <summary>
    /// Keeps <paramref name="claim"/> under (account, key) unless a claim made within
    /// <paramref name="retention"/> before <see cref="IdempotencyClaim.At"/> is kept there already;
    /// returns the one kept (the given one when it was free or had lapsed). Atomic across nodes.
    /// </summary>
    Task<IdempotencyClaim> ClaimAsync(string account, string key, IdempotencyClaim claim, TimeSpan retention, CancellationToken ct = default);
}

/// <summary>A key's first request (<see cref="Fingerprint"/>: a hash of its endpoint and body) and the notice it makes.</summary>
public sealed record IdempotencyClaim(string Fingerprint, string NoticeId, DateTimeOffset At);
