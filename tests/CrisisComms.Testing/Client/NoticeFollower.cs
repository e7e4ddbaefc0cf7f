using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR.Client;

namespace CrisisComms.Testing.Client;

/// <summary>
/// A real SignalR .NET client on /hubs/notices, as the console's incident view uses it: it keeps
/// every <c>noticeChanged</c> message it gets and lets a test wait for the n-th.
/// </summary>
public sealed class NoticeFollower : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly List<JsonObject> _messages = [];
    private readonly SemaphoreSlim _arrived = new(0);

    private NoticeFollower(HubConnection connection)
    {
        _connection = connection;
        connection.On<JsonObject>("noticeChanged", m =>
        {
            lock (_messages) _messages.Add(m);
            _arrived.Release();
        });
    }

    public int Count { get { lock (_messages) return _messages.Count; } }

    /// <summary>Follows one incident, as the incident view does.</summary>
    public static Task<NoticeFollower> ConnectAsync(Uri server, string incident, string token) =>
        OpenAsync(server, $"incident={Uri.EscapeDataString(incident)}", token);

    /// <summary>Follows every saved change, as the approval queue does.</summary>
    public static Task<NoticeFollower> ConnectToApprovalQueueAsync(Uri server, string token) =>
        OpenAsync(server, "queue=approval", token);

    private static async Task<NoticeFollower> OpenAsync(Uri server, string query, string token)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server, $"/hubs/notices?{query}"),
                o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .Build();
        var follower = new NoticeFollower(connection);
        await connection.StartAsync();
        return follower;
    }

    /// <summary>Waits for the <paramref name="n"/>th message and returns what it says of the notice.</summary>
    public async Task<JsonObject> WaitForAsync(int n, string noticeId, TimeSpan? timeout = null)
    {
        var deadline = DateTimeOffset.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (Count < n)
        {
            var left = deadline - DateTimeOffset.UtcNow;
            if (left <= TimeSpan.Zero || !await _arrived.WaitAsync(left) && Count < n)
                throw new TimeoutException($"message {n} did not arrive; got {Count}");
        }
        JsonObject message;
        lock (_messages) message = _messages[n - 1];
        return message["notices"]!.AsArray().Single(x => x!["id"]!.GetValue<string>() == noticeId)!.AsObject();
    }

    /// <summary>Waits for a message that says the notice is now in <paramref name="state"/>.</summary>
    public async Task WaitForStateAsync(string noticeId, string state, TimeSpan? timeout = null)
    {
        var deadline = DateTimeOffset.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            lock (_messages)
                if (_messages.Any(m => m["notices"]!.AsArray().Any(n => n!["id"]!.GetValue<string>() == noticeId && n["state"]!.GetValue<string>() == state)))
                    return;
            var left = deadline - DateTimeOffset.UtcNow;
            if (left <= TimeSpan.Zero) throw new TimeoutException($"no message said {noticeId} is {state}; got {Count} messages");
            await _arrived.WaitAsync(left);
        }
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
