using System.Collections.Concurrent;
using System.Security.Claims;
using CrisisComms.Domain.Accounts;

namespace CrisisComms.Server.Auth;

/// <summary>
/// Refuses a built-in token of a local account that was disabled, or whose session version moved on
/// (sign-out, password reset, change of roles). Each node keeps what it read of an account for
/// <see cref="Freshness"/> at most, so a change made on any node binds every node within that
/// plus one store read; with Redis every node reads the one shared account store. A token whose
/// subject is no local account is not this class's business: it stays valid until it expires.
/// </summary>
internal sealed class SessionValidator(IAccountStore accounts, TimeProvider time, ILogger<SessionValidator> logger)
{
    public const string VersionClaim = "sv";
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(1);

    // A store that does not answer in time leaves the last known state in force rather than
    // stalling every request, so banners stay up for staff while Redis is away.
    private static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(1);
    private const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<string, Entry> _known = new(StringComparer.Ordinal);

    private sealed record Entry(bool Local, bool Disabled, int SessionVersion, DateTimeOffset ReadAt);

    public ValueTask<bool> IsCurrentAsync(ClaimsPrincipal user, CancellationToken ct) =>
        user.FindFirst("sub")?.Value is { } sub ? IsCurrentAsync(sub, VersionOf(user), ct) : ValueTask.FromResult(true);

    public async ValueTask<bool> IsCurrentAsync(string subject, int tokenVersion, CancellationToken ct)
    {
        var entry = _known.TryGetValue(subject, out var known) && time.GetUtcNow() - known.ReadAt < Freshness
            ? known
            : await ReadAsync(subject, known, ct);
        return !entry.Local || (!entry.Disabled && entry.SessionVersion == tokenVersion);
    }

    /// <summary>A change saved on this node binds here at once.</summary>
    public void Forget(string name) => _known.TryRemove(name, out _);

    /// <summary>Tokens issued before session versions existed carry none: version 0, which the first revocation ends.</summary>
    public static int VersionOf(ClaimsPrincipal user) =>
        int.TryParse(user.FindFirst(VersionClaim)?.Value, out var version) ? version : 0;

    private async Task<Entry> ReadAsync(string subject, Entry? stale, CancellationToken ct)
    {
        try
        {
            var account = await accounts.FindAsync(subject, ct).WaitAsync(ReadTimeout, ct);
            var entry = account is null
                ? new Entry(false, false, 0, time.GetUtcNow())
                : new Entry(true, account.Disabled, account.SessionVersion, time.GetUtcNow());
            if (_known.Count >= MaxEntries) _known.Clear();
            _known[subject] = entry;
            return entry;
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            logger.LogDebug("Could not read account {Account} to check its session: {Error}", subject, e.Message);
            // Asked again after Freshness, not on every request while the store is away.
            var kept = (stale ?? new Entry(false, false, 0, default)) with { ReadAt = time.GetUtcNow() };
            _known[subject] = kept;
            return kept;
        }
    }
}
