namespace CrisisComms.Social.Mastodon;

/// <summary>An instance's post length and what a link counts, from <c>GET /api/v2/instance</c>.</summary>
internal sealed record MastodonLimits(int MaxCharacters, int CharactersReservedPerUrl)
{
    /// <summary>Mastodon's own defaults, used while the instance cannot tell.</summary>
    public static readonly MastodonLimits Default = new(500, 23);
}

/// <summary>
/// Remembers the instance's limits across the (short-lived) channel objects. An instance rarely changes them,
/// so an answer is kept a day; a failed look-up falls back to the defaults and is tried again a few minutes on.
/// </summary>
internal sealed class MastodonLimitsCache(TimeProvider time)
{
    private static readonly TimeSpan KeepAnswer = TimeSpan.FromDays(1);
    private static readonly TimeSpan KeepFallback = TimeSpan.FromMinutes(5);

    // One reference, swapped whole, so concurrent posts never see half of an update.
    private Cached? current;

    public async ValueTask<MastodonLimits> GetAsync(Func<CancellationToken, Task<MastodonLimits?>> fetch, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (current is { } cached && cached.Until > now) return cached.Limits;
        var fetched = await fetch(ct);
        var fresh = new Cached(fetched ?? MastodonLimits.Default, now + (fetched is null ? KeepFallback : KeepAnswer));
        current = fresh;
        return fresh.Limits;
    }

    private sealed record Cached(MastodonLimits Limits, DateTimeOffset Until);
}
