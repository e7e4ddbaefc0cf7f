using System.Net;
using System.Text.Json.Nodes;
using CrisisComms.ScaleOut.Tests.Support;
using CrisisComms.Testing.Client;

namespace CrisisComms.ScaleOut.Tests;

public sealed class TwoNodesOnAFailingRedis : Cluster
{
    protected override int NodeCount => 2;

    // Stages are released by hand here, so the clock must not run them first on a busy machine.
    public override TimeSpan IntranetLead => TimeSpan.FromMinutes(10);
}

/// <summary>
/// Redis goes away in the middle of a crisis while visitors' browsers are connected to both nodes.
/// Banners stay readable, writes are refused cleanly, readiness tells the load balancer; when
/// Redis is back every node heals by itself and nothing acknowledged is lost.
/// </summary>
public sealed class RedisOutageTests(TwoNodesOnAFailingRedis cluster) : IClassFixture<TwoNodesOnAFailingRedis>
{
    [Fact]
    public async Task BannersStayUpWritesAreRefusedAndEverythingHealsWhenRedisReturns()
    {
        var live = await PublishAsync(SampleNotices.Water());
        var waiting = await cluster.Author.DraftAndSubmitAsync(SampleNotices.Water(headline: "Vattnet är tillbaka i Ryd"));
        var listeners = new[]
        {
            await BannerListener.ConnectAsync(cluster.A.Address, "public"),
            await BannerListener.ConnectAsync(cluster.B.Address, "public"),
            await BannerListener.ConnectAsync(cluster.B.Address, "intranet", token: cluster.Author.Token),
        };
        try
        {
            var reconnects = 0;
            foreach (var l in listeners) l.Connection.Reconnecting += _ => { Interlocked.Increment(ref reconnects); return Task.CompletedTask; };
            foreach (var l in listeners) await cluster.Explain(l.WaitForBannerAsync(live, Cluster.Generous));
            var before = await ReadEverythingAsync(cluster.Approver);
            var approverOnB = await cluster.B.SignInAsync("bosse");

            await cluster.Redis.StopAsync();

            await Task.WhenAll(cluster.Nodes.Select(n => n.WaitForReadinessAsync(HttpStatusCode.ServiceUnavailable)));
            foreach (var node in cluster.Nodes)
            {
                var banners = (await node.GetBannersAsync()).ShouldBe(HttpStatusCode.OK);
                Assert.True(BannerListener.Shows(banners.Json!.AsObject(), live), $"node {node.Name} lost its last snapshot: {banners.Body}");
            }
            Assert.Equal(HttpStatusCode.OK, (await cluster.B.GetBannersAsync("intranet", cluster.Author.Token)).Status);
            var refusedWrites = new[]
            {
                await cluster.Author.CreateAsync(SampleNotices.Water(headline: "Skrivet under avbrottet")),
                await cluster.Approver.ApproveAsync(waiting),
                await approverOnB.WithdrawAsync(live, "Skrivet under avbrottet"),
            };
            foreach (var refused in refusedWrites)
            {
                Assert.True(refused.Status == HttpStatusCode.ServiceUnavailable, $"a write during the outage answered {(int)refused.Status}: {refused.Body}");
                Assert.Equal("application/problem+json", refused.ContentType);
            }

            var received = listeners.Select(l => l.Received.Select(r => r.Snapshot).ToHashSet(ReferenceEqualityComparer.Instance)).ToArray();
            await cluster.Redis.StartAsync();

            await Task.WhenAll(cluster.Nodes.Select(n => n.WaitForReadinessAsync(HttpStatusCode.OK)));
            // Every client that stayed connected is sent the current snapshot again, unasked.
            for (var i = 0; i < listeners.Length; i++)
            {
                var old = received[i];
                await cluster.Explain(listeners[i].WaitForAsync(s => !old.Contains(s) && BannerListener.Shows(s, live), Cluster.Generous,
                    $"re-sent after Redis returned (listener {i})"));
            }
            var after = await ReadEverythingAsync(cluster.Approver);
            AssertNothingLost(before, after);
            Assert.DoesNotContain("Skrivet under avbrottet", after.ToJsonString());

            // A change made through node A right after recovery reaches a visitor on node B who stayed connected.
            (await cluster.Approver.ApproveAsync(waiting)).ShouldBe(HttpStatusCode.OK);
            (await cluster.Approver.ReleaseNextAsync(waiting)).ShouldBe(HttpStatusCode.OK);
            await cluster.Explain(listeners[1].WaitForBannerAsync(waiting, Cluster.Generous));
            await cluster.B.WaitForBannerOverHttpAsync(waiting);
            Assert.Equal(0, reconnects);
        }
        finally
        {
            foreach (var l in listeners) await l.DisposeAsync();
        }
    }

    private async Task<string> PublishAsync(object notice)
    {
        var id = await cluster.Author.DraftAndSubmitAsync(notice);
        (await cluster.Approver.ApproveAsync(id)).ShouldBe(HttpStatusCode.OK);
        (await cluster.Approver.ReleaseNextAsync(id)).ShouldBe(HttpStatusCode.OK);
        return id;
    }

    /// <summary>Every notice and the whole audit log, as the API shows them.</summary>
    private static async Task<JsonObject> ReadEverythingAsync(Officer approver) => new()
    {
        ["notices"] = (await approver.SendAsync(HttpMethod.Get, "/api/v1/notices")).ShouldBe(HttpStatusCode.OK).Json!.DeepClone(),
        ["audit"] = (await approver.SendAsync(HttpMethod.Get, "/api/v1/audit?limit=1000")).ShouldBe(HttpStatusCode.OK).Json!.DeepClone(),
    };

    private static void AssertNothingLost(JsonObject before, JsonObject after)
    {
        var noticesAfter = after["notices"]!.AsArray().ToDictionary(n => n!["id"]!.GetValue<string>(), n => n!.ToJsonString());
        foreach (var notice in before["notices"]!.AsArray())
            Assert.Equal(notice!.ToJsonString(), noticesAfter.GetValueOrDefault(notice["id"]!.GetValue<string>()));
        var auditAfter = after["audit"]!.AsArray().Select(a => a!.ToJsonString()).ToHashSet();
        foreach (var entry in before["audit"]!.AsArray())
            Assert.Contains(entry!.ToJsonString(), auditAfter);
    }
}
