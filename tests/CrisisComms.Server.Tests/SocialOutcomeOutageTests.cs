using System.Net;
using System.Text.Json.Nodes;
using CrisisComms.Testing.Client;
using CrisisComms.Testing.Fakes;
using CrisisComms.Testing.Redis;
using CrisisComms.Testing.Server;

namespace CrisisComms.Server.Tests;

/// <summary>
/// The post went out, and then the store went away before its outcome was saved (a Redis restart,
/// a rolling deploy). The failure is logged, the outcome saved once the store is back, and the post
/// is not sent again.
/// </summary>
public sealed class SocialOutcomeOutageTests : IAsyncLifetime
{
    private static readonly TimeSpan Answer = TimeSpan.FromSeconds(3);

    private RedisServer _redis = null!;
    private FakeX _x = null!;
    private ServerProcess _server = null!;

    public async Task InitializeAsync()
    {
        _redis = await RedisServer.StartNewAsync();
        _x = await FakeX.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["CrisisComms:Storage:Provider"] = "Redis",
            ["CrisisComms:Redis:Configuration"] = _redis.ClientConfiguration,
            ["CrisisComms:Redis:KeyPrefix"] = $"outage:{Guid.NewGuid():N}:",
            ["CrisisComms:Auth:SigningKey"] = "social-outage-tests-signing-key-0123456789abcdef",
            ["CrisisComms:Dispatch:IntranetLead"] = "00:10:00",
            ["CrisisComms:Dispatch:SweepInterval"] = "00:00:00.250",
            ["CrisisComms:Social:Timeout"] = "00:00:10",
            // Long enough for the outage below: the outcome is saved while the claim still holds.
            ["CrisisComms:Dispatch:Social:Lease"] = "00:00:30",
        };
        foreach (var (key, value) in _x.Configuration()) settings[key] = value;
        _server = await ServerProcess.StartAsync(settings);
        await _server.AddAccountAsync("anna", CrisisServerFixture.Password, "author");
        await _server.AddAccountAsync("bosse", CrisisServerFixture.Password, "approver");
        await _server.AddAccountAsync("ada", CrisisServerFixture.Password, "admin");
        var admin = await Officer.SignInAsync(_server.BaseAddress, "ada", CrisisServerFixture.Password);
        await admin.ApproveAllChannelsAsync();
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _x.DisposeAsync();
        await _redis.DisposeAsync();
    }

    [Fact]
    public async Task AnOutcomeTheStoreCouldNotTakeIsLoggedAndSavedLaterWithoutPostingAgain()
    {
        var author = await Officer.SignInAsync(_server.BaseAddress, "anna", CrisisServerFixture.Password);
        var approver = await Officer.SignInAsync(_server.BaseAddress, "bosse", CrisisServerFixture.Password);
        var id = await author.DraftAndSubmitAsync(SampleNotices.Water(headline: "Koka vattnet i Ryd (avbrott)", channels: ["x"]));
        (await approver.ApproveAsync(id)).ShouldBe(HttpStatusCode.OK);
        _x.FailNext(new FakeFault.SlowAfterAccepting(Answer));
        (await approver.ReleaseNextAsync(id)).ShouldBe(HttpStatusCode.OK);

        await _x.WaitForPostsAsync(1);
        await _redis.StopAsync();
        await WaitUntilAsync(() => _server.Log.Contains("could not be saved", StringComparison.Ordinal), "the failed save logged");
        await _redis.StartAsync();

        var stage = await WaitForStageAsync(author, id, "social:x", s => s["state"]!.GetValue<string>() is "done" or "failed");
        var post = Assert.Single(_x.Posts);
        Assert.Equal("done", stage["state"]!.GetValue<string>());
        Assert.Equal(post.Id, stage["externalId"]!.GetValue<string>());
        Assert.Equal(1, stage["attempts"]!.GetValue<int>());
        Assert.Equal(1, _x.RequestCount); // the post, and nothing after it
    }

    private async Task<JsonObject> WaitForStageAsync(Officer officer, string id, string name, Func<JsonObject, bool> done)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(60);
        while (true)
        {
            var response = await officer.GetAsync(id);
            if (response.Status == HttpStatusCode.OK && done(response.Stage(name))) return response.Stage(name);
            if (DateTimeOffset.UtcNow > deadline) throw new TimeoutException($"Stage {name} not finished: {response.Body}\n{_server.Log}");
            await Task.Delay(200);
        }
    }

    private async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (!condition())
        {
            if (DateTimeOffset.UtcNow > deadline) throw new TimeoutException($"Not seen: {what}\n{_server.Log}");
            await Task.Delay(50);
        }
    }
}
