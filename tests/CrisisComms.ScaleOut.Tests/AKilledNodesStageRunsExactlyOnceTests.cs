using System.Net;
using CrisisComms.ScaleOut.Tests.Support;
using CrisisComms.Testing.Client;

namespace CrisisComms.ScaleOut.Tests;

public sealed class TwoNodesWithALongerLead : Cluster
{
    protected override int NodeCount => 2;

    // Long enough to place a kill well before the public stage is due even on a busy machine,
    // short enough to keep the run short.
    public override TimeSpan IntranetLead => TimeSpan.FromSeconds(5);
}

public enum KillPoint
{
    RightAfterApproval,
    JustBeforeThePublicStageIsDue,
    RightAfterThePublicStageRan,
}

/// <summary>
/// Node A approves a notice and so sets itself a wake-up for its public stage; then it is killed
/// without warning. Node B runs the stage (the store, not A's clock, holds the work); when A comes
/// back it finds the stage done and runs nothing again. The audit log counts every run.
/// </summary>
public sealed class AKilledNodesStageRunsExactlyOnceTests(TwoNodesWithALongerLead cluster) : IClassFixture<TwoNodesWithALongerLead>
{
    [Theory]
    [InlineData(KillPoint.RightAfterApproval)]
    [InlineData(KillPoint.JustBeforeThePublicStageIsDue)]
    [InlineData(KillPoint.RightAfterThePublicStageRan)]
    public async Task ThePublicStageRunsOnceWhereverNodeAIsKilled(KillPoint killPoint)
    {
        await cluster.A.StartAsync();
        var (author, approver) = (await cluster.A.SignInAsync("anna"), await cluster.A.SignInAsync("bosse"));
        await using var publicOnB = await BannerListener.ConnectAsync(cluster.B.Address, "public");
        var id = await author.DraftAndSubmitAsync(SampleNotices.Water(headline: $"Avbrott ({killPoint})"));

        var approved = (await approver.ApproveAsync(id)).ShouldBe(HttpStatusCode.OK);
        var dueAt = DateTimeOffset.Parse(approved.Stage("public")["dueAt"]!.GetValue<string>());
        Assert.Contains(approved.Stage("public")["state"]!.GetValue<string>(), new[] { "pending", "scheduled" });

        switch (killPoint)
        {
            case KillPoint.RightAfterApproval:
                await cluster.A.KillAsync();
                break;
            case KillPoint.JustBeforeThePublicStageIsDue:
                // Placing the kill, not waiting for an outcome: A dies holding its wake-up for dueAt.
                var left = dueAt - TimeSpan.FromSeconds(1) - DateTimeOffset.UtcNow;
                if (left > TimeSpan.Zero) await Task.Delay(left);
                await cluster.A.KillAsync();
                break;
            case KillPoint.RightAfterThePublicStageRan:
                await cluster.Explain(publicOnB.WaitForBannerAsync(id, Cluster.Generous));
                await cluster.A.KillAsync();
                break;
        }
        var killedAt = DateTimeOffset.UtcNow;

        var seen = await cluster.Explain(publicOnB.WaitForBannerAsync(id, Cluster.Generous));
        await cluster.A.StartAsync();

        // Give a repeat on the restarted node A every chance to happen (many sweeps) before counting.
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var audit = await Audit.OfAsync(approver, id);
        Assert.True(1 == audit.Runs("intranet"), $"intranet ran {audit.Runs("intranet")} times: {audit.ToJsonString()}");
        Assert.True(1 == audit.Runs("public"), $"public ran {audit.Runs("public")} times: {audit.ToJsonString()}");
        var publicStage = (await approver.GetAsync(id)).ShouldBe(HttpStatusCode.OK).Stage("public");
        Assert.Equal("done", publicStage["state"]!.GetValue<string>());
        Assert.Equal(1, publicStage["attempts"]!.GetValue<int>());
        var doneAt = DateTimeOffset.Parse(publicStage["doneAt"]!.GetValue<string>());
        Assert.True(doneAt >= dueAt, "the public stage ran before it was due");
        if (killPoint != KillPoint.RightAfterThePublicStageRan)
            Assert.True(doneAt > killedAt, $"node A was to be dead before the public stage ran, leaving it to node B: killed {killedAt:O}, done {doneAt:O}");
        Assert.True(seen.At >= dueAt - TimeSpan.FromMilliseconds(100), "the public on node B saw the banner before it was due");
    }
}
