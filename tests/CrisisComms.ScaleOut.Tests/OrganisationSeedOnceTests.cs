using System.Net;
using CrisisComms.ScaleOut.Tests.Support;

namespace CrisisComms.ScaleOut.Tests;

/// <summary>Three nodes started together on one empty Redis, each seeding at its start.</summary>
public sealed class ThreeNodesStartingTogether : Cluster
{
    protected override int NodeCount => 3;

    protected override Task<IReadOnlyDictionary<string, string?>> MoreSettingsAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, string?>>(new Dictionary<string, string?> { ["CrisisComms:Organisation:Name"] = "Motala kommun" });
}

/// <summary>The organisation and its templates are seeded once for all nodes: one write wins, the others change nothing.</summary>
public sealed class OrganisationSeedOnceTests(ThreeNodesStartingTogether cluster) : IClassFixture<ThreeNodesStartingTogether>
{
    [Fact]
    public async Task NodesStartingTogetherSeedOnceAndServeTheSameTemplates()
    {
        var lists = new List<string>();
        foreach (var node in cluster.Nodes)
        {
            var author = await node.SignInAsync("anna");
            var templates = (await author.SendAsync(HttpMethod.Get, "/api/v1/templates")).ShouldBe(HttpStatusCode.OK);
            Assert.Equal(7, templates.Json!.AsArray().Count);
            Assert.Contains("Motala kommun", templates.Body);
            lists.Add(templates.Body);
        }
        Assert.Single(lists.Distinct());
        var audit = (await cluster.Approver.SendAsync(HttpMethod.Get, "/api/v1/audit?limit=1000")).ShouldBe(HttpStatusCode.OK).Json!.AsArray();
        Assert.Single(audit, e => e!["action"]!.GetValue<string>() == "organisation.seeded");
    }
}
