using System.Text.Json;
using CrisisComms.Domain.Banners;
using CrisisComms.Domain.Storage;
using CrisisComms.Server.Http;
using Microsoft.AspNetCore.SignalR;

namespace CrisisComms.Server.Banners;

/// <summary>
/// The node's current banner snapshots, one per audience and mode, kept serialised so the public
/// endpoint only copies bytes. After every change it rebuilds them from the store and sends each
/// one whose banners changed to that audience's hub group. Clients render the last snapshot they
/// got, so a missed message heals with the next one.
/// </summary>
internal sealed class BannerFeed(
    INoticeStore store,
    TimeProvider time,
    IHubContext<BannerHub> hub,
    IEnumerable<IBannerChangeSignal> signals,
    ILogger<BannerFeed> logger)
{
    public const string ClientMethod = "banners";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private Dictionary<BannerQuery, CachedSnapshot> _current = [];
    private long _revision = -1;

    public sealed record CachedSnapshot(BannerSnapshot Snapshot, byte[] Json, string ETag, byte[] BannersJson);

    /// <summary>The last snapshot this node built; built now if there is none yet.</summary>
    public async ValueTask<CachedSnapshot> GetAsync(BannerQuery query, CancellationToken ct = default)
    {
        if (_current.TryGetValue(query, out var cached)) return cached;
        await RefreshAsync(broadcast: false, ct);
        return _current[query];
    }

    /// <summary>
    /// The snapshot as the store has it now, for a client that has just joined its group. A change
    /// broadcast while the client was joining never reached it, and this node's cache may not have
    /// it yet (another node's signal is on its way, or this node is between its write and its
    /// broadcast): one look at the store's revision closes that gap. When the store is ahead, the
    /// snapshot is built for this client alone; the cache, and what it decides to broadcast, stay
    /// with the refresh that owns them (updating it here would make that refresh skip the broadcast).
    /// Without the store (Redis away) the last known snapshot is sent.
    /// </summary>
    public async ValueTask<CachedSnapshot> GetCurrentAsync(BannerQuery query, CancellationToken ct = default)
    {
        try
        {
            var revision = await store.GetBannerRevisionAsync(ct);
            if (revision != Volatile.Read(ref _revision))
            {
                var candidates = await store.ListBannerCandidatesAsync(ct);
                return Cache(BannerSelector.Select(candidates, query.Audience, query.Mode, revision, time.GetUtcNow()));
            }
        }
        catch (StoreUnavailableException e)
        {
            logger.LogDebug("Sending the last known snapshot, the store is unavailable: {Error}", e.Message);
        }
        return await GetAsync(query, ct);
    }

    /// <summary>Called by whoever changed banners: rebuild, send, and tell the other nodes.</summary>
    public async Task PublishChangeAsync(CancellationToken ct = default)
    {
        await RefreshAsync(broadcast: true, ct);
        foreach (var signal in signals) await signal.PublishAsync(ct);
    }

    /// <summary>Rebuilds from the store when the revision moved (or always, when forced).</summary>
    public async Task RefreshAsync(bool broadcast, CancellationToken ct = default, bool force = false)
    {
        await _gate.WaitAsync(ct);
        try
        {
            // Read the revision before the notices: a change in between then shows up again next time.
            var revision = await store.GetBannerRevisionAsync(ct);
            if (revision == _revision && !force) return;
            var candidates = await store.ListBannerCandidatesAsync(ct);
            var now = time.GetUtcNow();
            var next = new Dictionary<BannerQuery, CachedSnapshot>();
            var changed = new List<CachedSnapshot>();
            foreach (var query in BannerQuery.All)
            {
                var snapshot = BannerSelector.Select(candidates, query.Audience, query.Mode, revision, now);
                var cached = Cache(snapshot);
                next[query] = cached;
                if (force || !_current.TryGetValue(query, out var before) || !before.BannersJson.AsSpan().SequenceEqual(cached.BannersJson))
                    changed.Add(cached);
            }
            _current = next;
            _revision = revision;
            if (!broadcast) return;
            foreach (var cached in changed)
            {
                var query = new BannerQuery(cached.Snapshot.Audience, cached.Snapshot.Mode);
                try
                {
                    await hub.Clients.Group(query.Group).SendAsync(ClientMethod, cached.Snapshot, ct);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The change is stored; clients get it with the next snapshot sent (the backplane heals on reconnect).
                    logger.LogWarning("Could not send revision {Revision} to {Group}: {Error}", revision, query.Group, e.Message);
                }
            }
            if (changed.Count > 0) logger.LogInformation("Banner revision {Revision} sent to {Groups} groups", revision, changed.Count);
        }
        finally
        {
            _gate.Release();
        }
    }

    private static CachedSnapshot Cache(BannerSnapshot snapshot) => new(
        snapshot,
        JsonSerializer.SerializeToUtf8Bytes(snapshot, ApiJson.Options),
        $"\"r{snapshot.Revision}\"",
        JsonSerializer.SerializeToUtf8Bytes(snapshot.Banners, ApiJson.Options));
}

/// <summary>How a change on one node reaches the others' caches (Redis pub/sub); none on one node.</summary>
internal interface IBannerChangeSignal
{
    Task PublishAsync(CancellationToken ct);
}
