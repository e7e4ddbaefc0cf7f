using System.Net;
using CrisisComms.ScaleOut.Tests.Support;
using CrisisComms.Testing.Client;

namespace CrisisComms.ScaleOut.Tests;

public sealed class TwoNodes : Cluster
{
    protected override int NodeCount => 2;
}

/// <summary>
/// Two nodes on one Redis behind a load balancer act as one service: whichever node an officer
/// reaches, the clients on the other node see the same banners, in the same order.
/// </summary>
public sealed class TwoNodesActAsOneTests(TwoNodes cluster) : IClassFixture<TwoNodes>
{
    [Fact]
    public async Task ApprovedOnNodeAItReachesTheIntranetThenThePublicOnNodeB()
    {
        await using var intranetOnB = await BannerListener.ConnectAsync(cluster.B.Address, "intranet", token: cluster.Author.Token);
        await using var publicOnB = await BannerListener.ConnectAsync(cluster.B.Address, "public");
        var id = await cluster.Author.DraftAndSubmitAsync(SampleNotices.Water());

        var approvedAt = DateTimeOffset.UtcNow;
        (await cluster.Approver.ApproveAsync(id)).ShouldBe(HttpStatusCode.OK);

        var seenByStaff = await cluster.Explain(intranetOnB.WaitForBannerAsync(id, Cluster.Generous));
        var seenByPublic = await cluster.Explain(publicOnB.WaitForBannerAsync(id, Cluster.Generous));
        Assert.True(seenByStaff.At < seenByPublic.At, "staff on node B must see the banner before the public on node B does");
        Assert.True(seenByPublic.At >= approvedAt + cluster.IntranetLead - TimeSpan.FromMilliseconds(100),
            $"the public on node B saw it {seenByPublic.At - approvedAt} after approval, before the lead of {cluster.IntranetLead}");

        // Node B's own cache (what caches and crawlers read) follows node A's change too.
        await cluster.B.WaitForBannerOverHttpAsync(id);
        await cluster.B.WaitForBannerOverHttpAsync(id, "intranet", cluster.Author.Token);
        await Task.Delay(TimeSpan.FromSeconds(1));
        var audit = await Audit.OfAsync(cluster.Approver, id);
        Assert.Equal(1, audit.Runs("intranet"));
        Assert.Equal(1, audit.Runs("public"));
    }

    [Fact]
    public async Task ClientsJoiningNodeBWhileNodeAPublishesAllSeeTheBanner()
    {
        // Whoever joins at the moment of publishing must not fall between the broadcast (before they
        // joined their group) and the snapshot they get on joining (from node B's cache, which may
        // not have heard of the change yet).
        for (var round = 1; round <= 3; round++)
        {
            var id = await cluster.Author.DraftAndSubmitAsync(SampleNotices.Water(audience: "staff", headline: $"Personal ansluter, omgång {round}"));
            var joining = Enumerable.Range(0, 40).Select(async i =>
            {
                await Task.Delay(i * 10);
                return await BannerListener.ConnectAsync(cluster.B.Address, "intranet", token: cluster.Author.Token);
            }).ToList();
            await Task.Delay(200);
            (await cluster.Approver.ApproveAsync(id)).ShouldBe(HttpStatusCode.OK);
            var listeners = await Task.WhenAll(joining);
            try
            {
                foreach (var listener in listeners) await cluster.Explain(listener.WaitForBannerAsync(id, TimeSpan.FromSeconds(10)));
            }
            finally
            {
                foreach (var listener in listeners) await listener.DisposeAsync();
                (await cluster.Approver.WithdrawAsync(id, "Test över")).ShouldBe(HttpStatusCode.OK);
            }
        }
    }

    [Fact]
    public async Task ClientsJoiningTheNodeThatPublishesDoNotKeepTheBannerFromThoseAlreadyThere()
    {
        // A client joining node A between its write and its broadcast gets the new snapshot; the
        // broadcast to everyone already connected, on both nodes, must still go out.
        await using var waitingOnA = await BannerListener.ConnectAsync(cluster.A.Address, "intranet", token: cluster.Author.Token);
        await using var waitingOnB = await BannerListener.ConnectAsync(cluster.B.Address, "intranet", token: cluster.Author.Token);
        for (var round = 1; round <= 5; round++)
        {
            var id = await cluster.Author.DraftAndSubmitAsync(SampleNotices.Water(audience: "staff", headline: $"Ansluter till nod A, omgång {round}"));
            var joining = Enumerable.Range(0, 80).Select(async i =>
            {
                await Task.Delay(i * 3);
                return await BannerListener.ConnectAsync(cluster.A.Address, "intranet", token: cluster.Author.Token);
            }).ToList();
            await Task.Delay(100);
            (await cluster.Approver.ApproveAsync(id)).ShouldBe(HttpStatusCode.OK);
            var listeners = await Task.WhenAll(joining);
            try
            {
                await cluster.Explain(waitingOnA.WaitForBannerAsync(id, TimeSpan.FromSeconds(10)));
                await cluster.Explain(waitingOnB.WaitForBannerAsync(id, TimeSpan.FromSeconds(10)));
                foreach (var listener in listeners) await cluster.Explain(listener.WaitForBannerAsync(id, TimeSpan.FromSeconds(10)));
            }
            finally
            {
                foreach (var listener in listeners) await listener.DisposeAsync();
                (await cluster.Approver.WithdrawAsync(id, "Test över")).ShouldBe(HttpStatusCode.OK);
            }
        }
    }

    [Fact]
    public async Task AWithdrawalOnNodeBTakesTheBannerDownForClientsOnNodeAAndTellsItsConsoles()
    {
        await using var publicOnA = await BannerListener.ConnectAsync(cluster.A.Address, "public");
        var id = await cluster.Author.DraftAndSubmitAsync(SampleNotices.Water(headline: "Strömavbrott i centrum"));
        (await cluster.Approver.ApproveAsync(id)).ShouldBe(HttpStatusCode.OK);
        (await cluster.Approver.ReleaseNextAsync(id)).ShouldBe(HttpStatusCode.OK);
        await cluster.Explain(publicOnA.WaitForBannerAsync(id, Cluster.Generous));
        var approverOnB = await cluster.B.SignInAsync("bosse");
        var incident = (await approverOnB.GetAsync(id)).ShouldBe(HttpStatusCode.OK).Json!["incidentId"]!.GetValue<string>();
        await using var consoleOnA = await NoticeFollower.ConnectAsync(cluster.A.Address, incident, cluster.Approver.Token);

        (await approverOnB.WithdrawAsync(id, "Fel kommun")).ShouldBe(HttpStatusCode.OK);

        await cluster.Explain(publicOnA.WaitForGoneAsync(id, Cluster.Generous));
        // An officer watching the incident in the console on node A hears of it too.
        var told = await cluster.Explain(consoleOnA.WaitForAsync(1, id, Cluster.Generous));
        Assert.Equal("withdrawn", told["state"]!.GetValue<string>());
        var onA = await cluster.A.GetBannersAsync();
        for (var deadline = DateTimeOffset.UtcNow + Cluster.Generous; BannerListener.Shows(onA.Json!.AsObject(), id); onA = await cluster.A.GetBannersAsync())
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, $"node A still serves the withdrawn banner over HTTP\n{cluster.Logs()}");
            await Task.Delay(100);
        }
    }
}
