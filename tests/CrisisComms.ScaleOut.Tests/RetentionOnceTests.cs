using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using CrisisComms.ScaleOut.Tests.Support;
using CrisisComms.Testing.Client;

namespace CrisisComms.ScaleOut.Tests;

/// <summary>Both nodes sweep every second; each ended incident is purged once, with one audit entry, and the chain verifies.</summary>
public sealed class RetentionOnceTests(TwoNodesWithRetention cluster) : IClassFixture<TwoNodesWithRetention>
{
    [Fact]
    public async Task TwoNodesPurgeEachEndedIncidentOnceAndLeaveTheLiveOne()
    {
        await cluster.A.Process.AddAccountAsync("adam", Cluster.Password, "admin");
        var admin = await cluster.B.SignInAsync("adam");
        var live = await PublishAsync("Vattenläcka, pågår");
        var first = await PublishAsync("Strömavbrott i Berga, över");
        (await cluster.Approver.WithdrawAsync(first, "Åtgärdat.")).ShouldBe(HttpStatusCode.OK);
        var firstSha256 = await ArchiveSha256Async(admin, first);
        var second = await PublishAsync("Brand i Tornby, över");
        (await cluster.Approver.WithdrawAsync(second, "Släckt.")).ShouldBe(HttpStatusCode.OK);

        var firstPurged = await cluster.Explain(PurgedAsync(admin, first));
        await cluster.Explain(PurgedAsync(admin, second));

        // By the second purge both nodes have swept the first incident several times over.
        foreach (var incident in new[] { first, second })
            Assert.Single(await AuditAsync(admin, $"incidentId={incident}"), e => e!["action"]!.GetValue<string>() == "incident.purged");
        Assert.Contains($"archive sha256={firstSha256}", firstPurged["detail"]!.GetValue<string>());
        foreach (var node in cluster.Nodes)
        {
            var officer = await node.SignInAsync("bosse");
            (await officer.GetAsync(first)).ShouldBe(HttpStatusCode.NotFound);
            Assert.Equal("live", (await officer.GetAsync(live)).ShouldBe(HttpStatusCode.OK).State);
        }
        var verified = (await admin.SendAsync(HttpMethod.Get, "/api/v1/audit/verify")).ShouldBe(HttpStatusCode.OK).Json!;
        Assert.True(verified["valid"]!.GetValue<bool>(), verified.ToJsonString());
    }

    private async Task<string> PublishAsync(string headline)
    {
        var id = await cluster.Author.DraftAndSubmitAsync(SampleNotices.Water(headline: headline));
        (await cluster.Approver.ApproveAsync(id)).ShouldBe(HttpStatusCode.OK);
        return id;
    }

    private static async Task<string> ArchiveSha256Async(Officer officer, string incidentId)
    {
        using var response = await officer.Http.GetAsync($"/api/v1/incidents/{incidentId}/archive");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Convert.ToHexStringLower(SHA256.HashData(await response.Content.ReadAsByteArrayAsync()));
    }

    private static async Task<JsonArray> AuditAsync(Officer admin, string query) =>
        (await admin.SendAsync(HttpMethod.Get, $"/api/v1/audit?limit=1000&{query}")).ShouldBe(HttpStatusCode.OK).Json!.AsArray();

    private static async Task<JsonObject> PurgedAsync(Officer admin, string incidentId)
    {
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var purged = (await AuditAsync(admin, $"incidentId={incidentId}")).FirstOrDefault(e => e!["action"]!.GetValue<string>() == "incident.purged");
            if (purged is not null) return purged.AsObject();
            if (DateTimeOffset.UtcNow > deadline) throw new TimeoutException($"Incident {incidentId} was not purged.");
            await Task.Delay(200);
        }
    }
}
