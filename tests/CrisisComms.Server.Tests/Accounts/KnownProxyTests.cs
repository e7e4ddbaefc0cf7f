using System.Net;
using CrisisComms.Testing.Server;

namespace CrisisComms.Server.Tests.Accounts;

/// <summary>
/// Behind a configured proxy (CrisisComms:Http:KnownProxies) the client's address is the one the
/// proxy forwards, so throttling counts each visitor apart; a sender that is no known proxy gets
/// its own address, whatever header it sends.
/// </summary>
public sealed class KnownProxyTests : IAsyncLifetime
{
    private ServerProcess _server = null!;

    public async Task InitializeAsync()
    {
        _server = await ServerProcess.StartAsync(new Dictionary<string, string?> { ["CrisisComms:Http:KnownProxies"] = "127.0.0.1" });
        await _server.AddAccountAsync("zed", AccountServerFixture.Password, "author");
    }

    public Task DisposeAsync() => _server.DisposeAsync().AsTask();

    [Fact]
    public async Task TheAddressAKnownProxyForwardsIsTheOneThrottled()
    {
        using var proxy = AccountServerFixture.ClientFrom(_server.BaseAddress, "127.0.0.1");
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await AccountServerFixture.SignInAsync(proxy, "zed", "a guess", forwardedFor: "203.0.113.7")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests,
            (await AccountServerFixture.SignInAsync(proxy, "zed", AccountServerFixture.Password, forwardedFor: "203.0.113.7")).StatusCode);

        // Another visitor through the same proxy is not affected.
        Assert.Equal(HttpStatusCode.OK,
            (await AccountServerFixture.SignInAsync(proxy, "zed", AccountServerFixture.Password, forwardedFor: "198.51.100.23")).StatusCode);
        // Nor can a client that is no proxy claim to be the locked visitor: its own address counts.
        using var direct = AccountServerFixture.ClientFrom(_server.BaseAddress, "127.0.0.2");
        Assert.Equal(HttpStatusCode.OK,
            (await AccountServerFixture.SignInAsync(direct, "zed", AccountServerFixture.Password, forwardedFor: "203.0.113.7")).StatusCode);
    }
}
