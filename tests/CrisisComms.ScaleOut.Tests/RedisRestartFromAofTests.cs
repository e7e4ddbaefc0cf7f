using System.Net;
using System.Text.Json.Nodes;
using CrisisComms.ScaleOut.Tests.Support;
using CrisisComms.Testing.Client;

namespace CrisisComms.ScaleOut.Tests;

public sealed class OneNodeOnARestartingRedis : Cluster
{
    protected override int NodeCount => 1;

    // Stages are released by hand here, so the clock must not run them first on a busy machine.
    public override TimeSpan IntranetLead => TimeSpan.FromMinutes(10);
}

/// <summary>
/// Redis is killed (no shutdown, no final rewrite) right after the last acknowledged write and
/// started again from its append-only file: every notice, stage, audit line, account and banner
/// that the API acknowledged is still there.
/// </summary>
public sealed class RedisRestartFromAofTests(OneNodeOnARestartingRedis cluster) : IClassFixture<OneNodeOnARestartingRedis>
{
    [Fact]
    public async Task EverythingAcknowledgedSurvivesAKillAndARestartFromTheAppendOnlyFile()
    {
        var (author, approver) = (cluster.Author, cluster.Approver);
        var draft = (await author.CreateAsync(SampleNotices.Water(headline: "Utkast om elavbrott"))).ShouldBe(HttpStatusCode.Created).Id;
        var pending = await author.DraftAndSubmitAsync(SampleNotices.Water(headline: "Väntar på godkännande"));
        var withdrawn = await PublishAsync(SampleNotices.Water(headline: "Fel utskick"));
        (await approver.WithdrawAsync(withdrawn, "Fel kommun")).ShouldBe(HttpStatusCode.OK);
        var alert = await PublishAsync(SampleNotices.Water());
        var update = (await author.UpdateAsync(alert, SampleNotices.Water(headline: "Koka vattnet även i Ryd"))).ShouldBe(HttpStatusCode.Created).Id;
        (await author.SubmitAsync(update)).ShouldBe(HttpStatusCode.OK);
        (await approver.ApproveAsync(update)).ShouldBe(HttpStatusCode.OK);
        // The last acknowledged write: the update's public stage, then the kill at once.
        (await approver.ReleaseNextAsync(update)).ShouldBe(HttpStatusCode.OK);
        var before = await ReadEverythingAsync();

        await cluster.Redis.StopAsync();
        // The node goes too, so that what it serves afterwards comes from Redis alone, not its memory.
        await cluster.A.KillAsync();
        await cluster.Redis.StartAsync();
        await cluster.A.StartAsync();

        var after = await ReadEverythingAsync();
        Assert.Equal(before["notices"]!.ToJsonString(), after["notices"]!.ToJsonString());
        Assert.Equal(before["audit"]!.ToJsonString(), after["audit"]!.ToJsonString());
        Assert.Equal(before["public"]!.ToJsonString(), after["public"]!.ToJsonString());
        Assert.Equal(before["intranet"]!.ToJsonString(), after["intranet"]!.ToJsonString());
        var states = after["notices"]!.AsArray().ToDictionary(n => n!["id"]!.GetValue<string>(), n => n!["state"]!.GetValue<string>());
        Assert.Equal(["draft", "pendingApproval", "withdrawn", "superseded", "live"], new[] { draft, pending, withdrawn, alert, update }.Select(id => states[id]));
        Assert.True(BannerListener.Shows(after["public"]!.AsObject(), update), "the update is on the public site");
        // The accounts came back too: both officers can sign in again.
        await cluster.A.SignInAsync("anna");
        await cluster.A.SignInAsync("bosse");
    }

    private async Task<string> PublishAsync(object notice)
    {
        var id = await cluster.Author.DraftAndSubmitAsync(notice);
        (await cluster.Approver.ApproveAsync(id)).ShouldBe(HttpStatusCode.OK);
        (await cluster.Approver.ReleaseNextAsync(id)).ShouldBe(HttpStatusCode.OK);
        return id;
    }

    /// <summary>What the API shows: every notice, the whole audit log, and the banners read fresh from the store.</summary>
    private async Task<JsonObject> ReadEverythingAsync()
    {
        var approver = cluster.Approver;
        return new JsonObject
        {
            ["notices"] = (await approver.SendAsync(HttpMethod.Get, "/api/v1/notices")).ShouldBe(HttpStatusCode.OK).Json!.DeepClone(),
            ["audit"] = (await approver.SendAsync(HttpMethod.Get, "/api/v1/audit?limit=1000")).ShouldBe(HttpStatusCode.OK).Json!.DeepClone(),
            ["public"] = (await cluster.A.GetBannersAsync()).ShouldBe(HttpStatusCode.OK).Json!.DeepClone(),
            ["intranet"] = (await cluster.A.GetBannersAsync("intranet", approver.Token)).ShouldBe(HttpStatusCode.OK).Json!.DeepClone(),
        };
    }
}
