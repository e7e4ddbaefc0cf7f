using System.Net;
using System.Net.Http.Json;
using CrisisComms.ScaleOut.Tests.Support;
using CrisisComms.Testing.Client;
using Microsoft.AspNetCore.SignalR.Client;

namespace CrisisComms.ScaleOut.Tests;

public sealed class TwoNodesForRevocation : Cluster
{
    protected override int NodeCount => 2;
}

/// <summary>An account disabled through one node is stopped on every node: its token refused and its hub connection there closed within 5 seconds.</summary>
public sealed class RevocationAcrossNodesTests(TwoNodesForRevocation cluster) : IClassFixture<TwoNodesForRevocation>
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task DisabledOnNodeAItsTokenIsRefusedAndItsHubConnectionClosedOnNodeB()
    {
        await cluster.A.Process.AddAccountAsync("root", Cluster.Password, "admin");
        var admin = await cluster.A.SignInAsync("root");
        (await admin.SendAsync(HttpMethod.Put, "/api/v1/accounts/pia", new { roles = new[] { "author" }, password = Cluster.Password }))
            .ShouldBe(HttpStatusCode.Created);
        var pia = await cluster.B.SignInAsync("pia");
        var closed = new TaskCompletionSource<DateTimeOffset>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(cluster.B.Address, "/hubs/banners?audience=intranet"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(pia.Token))
            .Build();
        hub.Closed += _ => Task.FromResult(closed.TrySetResult(DateTimeOffset.UtcNow));
        await hub.StartAsync();
        Assert.Equal(HttpStatusCode.OK, (await cluster.B.GetBannersAsync("intranet", pia.Token)).Status);

        var at = DateTimeOffset.UtcNow;
        (await admin.SendAsync(HttpMethod.Post, "/api/v1/accounts/pia/disable", new { reason = "Misstänkt intrång" })).ShouldBe(HttpStatusCode.OK);

        while ((await cluster.B.GetBannersAsync("intranet", pia.Token)).Status != HttpStatusCode.Unauthorized)
        {
            Assert.True(DateTimeOffset.UtcNow - at < Bound, $"node B still accepted the token {Bound} after the account was disabled on node A\n{cluster.Logs()}");
            await Task.Delay(50);
        }
        var closedAt = await closed.Task.WaitAsync(Cluster.Generous);
        Assert.True(closedAt - at < Bound, $"node B closed the hub connection {closedAt - at} after the account was disabled");
        Assert.Equal(HttpStatusCode.Unauthorized, (await cluster.A.GetBannersAsync("intranet", pia.Token)).Status);
    }

    [Fact]
    public async Task FailedSignInsOnNodeALockThatNameOnNodeBToo()
    {
        using var a = new HttpClient { BaseAddress = cluster.A.Address };
        using var b = new HttpClient { BaseAddress = cluster.B.Address };
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await a.PostAsJsonAsync("/api/v1/auth/token", new { username = "anna", password = "a guess" })).StatusCode);
        var locked = await b.PostAsJsonAsync("/api/v1/auth/token", new { username = "anna", password = Cluster.Password });
        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
        Assert.NotNull(locked.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, (await b.PostAsJsonAsync("/api/v1/auth/token", new { username = "bosse", password = Cluster.Password })).StatusCode);
    }
}
