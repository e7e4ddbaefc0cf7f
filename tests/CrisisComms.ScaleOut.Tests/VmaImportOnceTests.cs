using CrisisComms.ScaleOut.Tests.Support;
using CrisisComms.Testing.Fakes;

namespace CrisisComms.ScaleOut.Tests;

/// <summary>Two nodes on one Redis, both polling the same fake VMA API every second.</summary>
public sealed class TwoNodesImportingVma : Cluster
{
    public FakeVmaApi Vma { get; private set; } = null!;

    protected override int NodeCount => 2;

    protected override async Task<IReadOnlyDictionary<string, string?>> MoreSettingsAsync()
    {
        Vma = await FakeVmaApi.StartAsync();
        return Vma.Configuration();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (Vma is not null) await Vma.DisposeAsync();
    }
}

/// <summary>Both nodes poll; one banner and one audit entry per import and per removal, shown on both.</summary>
public sealed class VmaImportOnceTests(TwoNodesImportingVma cluster) : IClassFixture<TwoNodesImportingVma>
{
    [Fact]
    public async Task TwoNodesImportAndRemoveAVmaOnceAndBothShowIt()
    {
        var title = "Viktigt meddelande till allmänheten (VMA) i Linköpings kommun, två noder";
        cluster.Vma.Put(FakeVmaApi.Alert("SRVMA-NODES-1", @event: title));

        var ids = await Task.WhenAll(cluster.Nodes.Select(node => cluster.Explain(ShownAsync(node, title))));
        Assert.Single(ids.Distinct());
        await cluster.Vma.WaitForPollsAsync(6); // both nodes have polled it again, a few times
        foreach (var node in cluster.Nodes)
            Assert.Single((await node.GetBannersAsync()).Json!["banners"]!.AsArray(), b => b!["source"]!.GetValue<string>() == "vma");
        var log = (await cluster.Approver.SendAsync(HttpMethod.Get, "/api/v1/audit?limit=1000")).Json!.AsArray();
        Assert.Single(log, a => a!["action"]!.GetValue<string>() == "vma.imported");
        var audit = await Audit.OfAsync(cluster.Approver, ids[0]);

        cluster.Vma.Remove("SRVMA-NODES-1");
        foreach (var node in cluster.Nodes) await cluster.Explain(GoneAsync(node, ids[0]));
        await cluster.Vma.WaitForPollsAsync(6);
        audit = await Audit.OfAsync(cluster.Approver, ids[0]);
        Assert.Single(audit, a => a!["action"]!.GetValue<string>() == "vma.removed");
        Assert.Single(audit, a => a!["action"]!.GetValue<string>() == "vma.imported");
    }

    private static async Task<string> ShownAsync(Node node, string title)
    {
        var deadline = DateTimeOffset.UtcNow + Cluster.Generous;
        while (true)
        {
            var banners = (await node.GetBannersAsync()).Json!["banners"]!.AsArray();
            var vma = banners.FirstOrDefault(b => b!["source"]!.GetValue<string>() == "vma"
                && b["content"]!["sv"]!["headline"]!.GetValue<string>() == title);
            if (vma is not null) return vma["id"]!.GetValue<string>();
            if (DateTimeOffset.UtcNow > deadline) throw new TimeoutException($"Node {node.Name} never showed the VMA.");
            await Task.Delay(100);
        }
    }

    private static async Task<bool> GoneAsync(Node node, string id)
    {
        var deadline = DateTimeOffset.UtcNow + Cluster.Generous;
        while ((await node.GetBannersAsync()).Json!["banners"]!.AsArray().Any(b => b!["id"]!.GetValue<string>() == id))
        {
            if (DateTimeOffset.UtcNow > deadline) throw new TimeoutException($"Node {node.Name} still shows the VMA.");
            await Task.Delay(100);
        }
        return true;
    }
}
