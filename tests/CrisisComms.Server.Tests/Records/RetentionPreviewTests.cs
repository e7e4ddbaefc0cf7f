using System.Net;
using System.Text.Json.Nodes;
using CrisisComms.Testing.Client;
using CrisisComms.Testing.Server;

namespace CrisisComms.Server.Tests.Records;

/// <summary><c>retention preview</c> lists what a sweep would purge under the periods given, and changes nothing.</summary>
public sealed class RetentionPreviewTests : IAsyncLifetime
{
    private ServerProcess _server = null!;
    private Officer _author = null!;
    private Officer _approver = null!;

    public async Task InitializeAsync()
    {
        // No period configured: the running server keeps everything.
        _server = await ServerProcess.StartAsync(new Dictionary<string, string?> { ["CrisisComms:Dispatch:IntranetLead"] = "00:00:01" });
        await _server.AddAccountAsync("anna", CrisisServerFixture.Password, "author");
        await _server.AddAccountAsync("bosse", CrisisServerFixture.Password, "approver");
        _author = await Officer.SignInAsync(_server.BaseAddress, "anna", CrisisServerFixture.Password);
        _approver = await Officer.SignInAsync(_server.BaseAddress, "bosse", CrisisServerFixture.Password);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task PreviewListsTheEndedIncidentsPastThePeriodWithTheirNoticesAndChangesNothing()
    {
        var live = await PublishAsync("Vattenläcka, pågår");
        var ended = await PublishAsync("Strömavbrott, över");
        (await _approver.WithdrawAsync(ended, "Åtgärdat.")).ShouldBe(HttpStatusCode.OK);
        var history = await AuditOfAsync(ended);

        var none = await PreviewAsync();
        Assert.Null(none["endedIncidents"]);
        Assert.Empty(none["incidents"]!.AsArray());

        var preview = await PreviewAsync("--CrisisComms:Retention:EndedIncidents=00:00:00.001");
        var incident = Assert.Single(preview["incidents"]!.AsArray())!;
        Assert.Equal(ended, incident["incidentId"]!.GetValue<string>());
        Assert.True(incident["endedAt"]!.GetValue<DateTimeOffset>() <= DateTimeOffset.UtcNow);
        var notice = Assert.Single(incident["notices"]!.AsArray())!;
        Assert.Equal((ended, "withdrawn", "Strömavbrott, över"),
            (notice["id"]!.GetValue<string>(), notice["state"]!.GetValue<string>(), notice["headline"]!.GetValue<string>()));
        Assert.Empty((await PreviewAsync("--CrisisComms:Retention:EndedIncidents=365.00:00:00"))["incidents"]!.AsArray());

        Assert.Equal("withdrawn", (await _approver.GetAsync(ended)).ShouldBe(HttpStatusCode.OK).State);
        Assert.Equal("live", (await _approver.GetAsync(live)).ShouldBe(HttpStatusCode.OK).State);
        Assert.Equal(history, await AuditOfAsync(ended));
    }

    private async Task<JsonNode> PreviewAsync(params string[] settings)
    {
        var (exitCode, output) = await _server.RunCommandAsync(null, ["retention", "preview", .. settings]);
        Assert.True(exitCode == 0, output);
        return JsonNode.Parse(output.Split('\n').Single(l => l.StartsWith("{\"endedIncidents\"", StringComparison.Ordinal)))!;
    }

    private async Task<string> PublishAsync(string headline)
    {
        var id = await _author.DraftAndSubmitAsync(SampleNotices.Water(headline: headline));
        (await _approver.ApproveAsync(id)).ShouldBe(HttpStatusCode.OK);
        return id;
    }

    private async Task<string> AuditOfAsync(string incidentId) =>
        (await _approver.SendAsync(HttpMethod.Get, $"/api/v1/audit?incidentId={incidentId}")).ShouldBe(HttpStatusCode.OK).Body;
}
