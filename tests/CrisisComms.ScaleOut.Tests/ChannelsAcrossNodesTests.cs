using System.Net;
using System.Text.Json.Nodes;
using CrisisComms.ScaleOut.Tests.Support;
using CrisisComms.Testing.Client;
using CrisisComms.Testing.Fakes;

namespace CrisisComms.ScaleOut.Tests;

/// <summary>Two nodes on one Redis with X and Facebook configured (fakes on loopback), and an admin, ada.</summary>
public sealed class TwoNodesWithChannels : Cluster
{
    public FakeX X { get; private set; } = null!;
    public FakeFacebook Facebook { get; private set; } = null!;

    protected override int NodeCount => 2;

    protected override async Task<IReadOnlyDictionary<string, string?>> MoreSettingsAsync()
    {
        X = await FakeX.StartAsync();
        Facebook = await FakeFacebook.StartAsync();
        return X.Configuration().Concat(Facebook.Configuration()).ToDictionary(p => p.Key, p => p.Value);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (X is not null) await X.DisposeAsync();
        if (Facebook is not null) await Facebook.DisposeAsync();
    }
}

/// <summary>
/// A channel's state and health are stored, not kept by each node: whichever node made the post,
/// both show the same, and so do they after both were killed and started again.
/// </summary>
public sealed class ChannelsAcrossNodesTests(TwoNodesWithChannels cluster) : IClassFixture<TwoNodesWithChannels>
{
    [Fact]
    public async Task StateAndHealthAreTheSameFromBothNodesAndAfterARestart()
    {
        await cluster.A.Process.AddAccountAsync("ada", Cluster.Password, "admin");
        var admin = await cluster.A.SignInAsync("ada");
        (await admin.ApproveChannelAsync("x", "Beslut av systemägarombudet")).ShouldBe(HttpStatusCode.OK);
        (await admin.ApproveChannelAsync("facebook", "Beslut av systemägarombudet")).ShouldBe(HttpStatusCode.OK);

        cluster.Facebook.FailNext(new FakeFault.TokenExpired());
        var id = await cluster.Author.DraftAndSubmitAsync(SampleNotices.Water(headline: "Koka vattnet, två noder", channels: ["x", "facebook"]));
        (await cluster.Approver.ApproveAsync(id)).ShouldBe(HttpStatusCode.OK);
        await cluster.X.WaitForPostsAsync(1);

        var authorOnB = await cluster.B.SignInAsync("anna");
        var seen = new List<JsonArray>();
        foreach (var officer in new[] { cluster.Author, authorOnB })
            seen.Add(await cluster.Explain(SettledAsync(officer)));
        Assert.Equal(seen[0].ToJsonString(), seen[1].ToJsonString());
        var facebook = Channel(seen[0], "facebook");
        Assert.Equal("approved", facebook["state"]!.GetValue<string>());
        Assert.Equal("ada", facebook["changedBy"]!.GetValue<string>());
        Assert.False(facebook["healthy"]!.GetValue<bool>());
        Assert.False(string.IsNullOrEmpty(facebook["lastError"]!.GetValue<string>()));
        Assert.True(Channel(seen[0], "x")["healthy"]!.GetValue<bool>());

        foreach (var node in cluster.Nodes) await node.KillAsync();
        foreach (var node in cluster.Nodes) await node.StartAsync();
        var afterRestart = await ChannelsAsync(await cluster.B.SignInAsync("anna"));
        Assert.Equal(seen[0].ToJsonString(), afterRestart.ToJsonString());
    }

    /// <summary>The channels once both posts have left their marks: x's last post, facebook's error.</summary>
    private static async Task<JsonArray> SettledAsync(Officer officer)
    {
        var deadline = DateTimeOffset.UtcNow + Cluster.Generous;
        while (true)
        {
            var channels = await ChannelsAsync(officer);
            if (Channel(channels, "x")["lastPostAt"] is not null && Channel(channels, "facebook")["lastErrorAt"] is not null) return channels;
            if (DateTimeOffset.UtcNow > deadline) throw new TimeoutException($"The channels' health never showed both posts: {channels.ToJsonString()}");
            await Task.Delay(200);
        }
    }

    private static async Task<JsonArray> ChannelsAsync(Officer officer) =>
        (await officer.SendAsync(HttpMethod.Get, "/api/v1/channels")).ShouldBe(HttpStatusCode.OK).Json!.AsArray();

    private static JsonNode Channel(JsonArray channels, string name) => channels.Single(c => c!["name"]!.GetValue<string>() == name)!;
}
