using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR.Client;

namespace CrisisComms.Testing.Client;

/// <summary>
/// A real SignalR .NET client on the banner hub that records every snapshot it receives with the
/// moment it arrived, and lets a test wait for the one it expects.
/// </summary>
public sealed class BannerListener : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly List<(DateTimeOffset At, JsonObject Snapshot)> _received = [];
    private readonly SemaphoreSlim _arrived = new(0);

    private BannerListener(HubConnection connection)
    {
        _connection = connection;
        _connection.On<JsonObject>("banners", snapshot =>
        {
            lock (_received) _received.Add((DateTimeOffset.UtcNow, snapshot));
            _arrived.Release();
        });
    }

    public HubConnection Connection => _connection;

    public static async Task<BannerListener> ConnectAsync(Uri server, string audience, string? mode = null, string? token = null)
    {
        var url = new Uri(server, $"/hubs/banners?audience={audience}" + (mode is null ? "" : $"&mode={mode}"));
        var connection = new HubConnectionBuilder()
            .WithUrl(url, o => { if (token is not null) o.AccessTokenProvider = () => Task.FromResult<string?>(token); })
            .WithAutomaticReconnect()
            .Build();
        var listener = new BannerListener(connection);
        await connection.StartAsync();
        return listener;
    }

    public IReadOnlyList<(DateTimeOffset At, JsonObject Snapshot)> Received
    {
        get { lock (_received) return [.. _received]; }
    }

    /// <summary>The newest snapshot received (highest revision).</summary>
    public JsonObject? Latest => Received.OrderBy(r => r.Snapshot["revision"]!.GetValue<long>()).Select(r => r.Snapshot).LastOrDefault();

    /// <summary>Waits until a received snapshot satisfies <paramref name="condition"/>; returns when it arrived.</summary>
    public async Task<(DateTimeOffset At, JsonObject Snapshot)> WaitForAsync(Func<JsonObject, bool> condition, TimeSpan? timeout = null, string? what = null)
    {
        var deadline = DateTimeOffset.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var match = Received.FirstOrDefault(r => condition(r.Snapshot));
            if (match.Snapshot is not null) return match;
            var left = deadline - DateTimeOffset.UtcNow;
            if (left <= TimeSpan.Zero || !await _arrived.WaitAsync(left))
                if (Received.FirstOrDefault(r => condition(r.Snapshot)) is { Snapshot: not null } late) return late;
                else throw new TimeoutException($"No snapshot {what ?? "matching"} arrived; last: {Latest?.ToJsonString()}");
        }
    }

    public static bool Shows(JsonObject snapshot, string noticeId) =>
        snapshot["banners"]!.AsArray().Any(b => b!["id"]!.GetValue<string>() == noticeId);

    public Task<(DateTimeOffset At, JsonObject Snapshot)> WaitForBannerAsync(string noticeId, TimeSpan? timeout = null) =>
        WaitForAsync(s => Shows(s, noticeId), timeout, $"showing {noticeId}");

    /// <summary>Waits for the latest snapshot to no longer show the notice.</summary>
    public Task<(DateTimeOffset At, JsonObject Snapshot)> WaitForGoneAsync(string noticeId, TimeSpan? timeout = null) =>
        WaitForAsync(s => !Shows(s, noticeId) && s["revision"]!.GetValue<long>() >= Latest!["revision"]!.GetValue<long>(),
            timeout, $"without {noticeId}");

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();
}
