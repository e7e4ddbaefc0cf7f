using System.Net;
using CrisisComms.Testing.Client;
using CrisisComms.Testing.Server;

namespace CrisisComms.ScaleOut.Tests.Support;

/// <summary>One service node: a real server process that a test may kill (SIGKILL) and start again.</summary>
public sealed class Node(string name, ServerProcess process) : IAsyncDisposable
{
    public string Name { get; } = name;
    public ServerProcess Process { get; } = process;
    public Uri Address => Process.BaseAddress;
    public bool IsRunning { get; private set; } = true;

    public async Task KillAsync()
    {
        await Process.KillAsync();
        IsRunning = false;
    }

    /// <summary>Starts the node again on its port and data, and waits until it is ready.</summary>
    public async Task StartAsync()
    {
        if (IsRunning) return;
        await Process.StartAsync();
        IsRunning = true;
        await WaitForReadinessAsync(HttpStatusCode.OK);
    }

    public Task<Officer> SignInAsync(string account) => Officer.SignInAsync(Address, account, Cluster.Password);

    public async Task<HttpStatusCode> ReadinessAsync()
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(10) };
        try
        {
            using var response = await http.GetAsync("/health/ready");
            return response.StatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return 0;
        }
    }

    /// <summary>Waits until /health/ready answers <paramref name="expected"/> (the node notices Redis on its own schedule).</summary>
    public async Task WaitForReadinessAsync(HttpStatusCode expected, TimeSpan? timeout = null)
    {
        var deadline = DateTimeOffset.UtcNow + (timeout ?? Cluster.Generous);
        HttpStatusCode last;
        while ((last = await ReadinessAsync()) != expected)
        {
            if (DateTimeOffset.UtcNow > deadline)
                throw new TimeoutException($"Node {Name}: /health/ready stayed {(int)last}, expected {(int)expected}.\n{LogTail()}");
            await Task.Delay(200);
        }
    }

    /// <summary>GET /api/v1/banners as a cache or crawler would: status and body.</summary>
    public async Task<ApiResponse> GetBannersAsync(string audience = "public", string? token = null)
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/banners?audience={audience}");
        if (token is not null) request.Headers.Authorization = new("Bearer", token);
        using var response = await http.SendAsync(request);
        return await ApiResponse.ReadAsync(response);
    }

    /// <summary>Waits until this node's banner endpoint shows the notice (its cache follows other nodes' changes).</summary>
    public async Task<ApiResponse> WaitForBannerOverHttpAsync(string noticeId, string audience = "public", string? token = null)
    {
        var deadline = DateTimeOffset.UtcNow + Cluster.Generous;
        while (true)
        {
            var response = await GetBannersAsync(audience, token);
            if (response.Status == HttpStatusCode.OK && BannerListener.Shows(response.Json!.AsObject(), noticeId)) return response;
            if (DateTimeOffset.UtcNow > deadline)
                throw new TimeoutException($"Node {Name} never served {noticeId} over HTTP; last: {(int)response.Status} {response.Body}\n{LogTail()}");
            await Task.Delay(100);
        }
    }

    public string LogTail(int lines = 40) =>
        $"--- node {Name} log (last {lines} lines) ---\n" + string.Join('\n', Process.Log.Split('\n').TakeLast(lines));

    public ValueTask DisposeAsync() => Process.DisposeAsync();
}
