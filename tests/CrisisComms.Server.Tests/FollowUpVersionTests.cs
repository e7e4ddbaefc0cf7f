using System.Net;
using CrisisComms.Testing.Client;

namespace CrisisComms.Server.Tests;

/// <summary>An incident's versions are numbered by the store: follow-ups drafted at the same moment are v2, v3, v4, never two v2s.</summary>
[Collection(CrisisServerCollection.Name)]
public sealed class FollowUpVersionTests(CrisisServerFixture f)
{
    [Fact]
    public async Task UpdatesAndAnAllClearDraftedAtOnceGetOneVersionEach()
    {
        var alert = await f.PublishAsync(SampleNotices.Water());

        var drafted = await Task.WhenAll(
            f.Author.UpdateAsync(alert, SampleNotices.Water(headline: "Koka vattnet i Ryd")),
            f.Author.UpdateAsync(alert, SampleNotices.Water(headline: "Koka vattnet i Lambohov")),
            f.Author.AllClearAsync(alert, SampleNotices.Water(headline: "Vattnet är drickbart igen")));

        foreach (var answer in drafted) answer.ShouldBe(HttpStatusCode.Created);
        Assert.Equal([2, 3, 4], drafted.Select(d => d.Json!["version"]!.GetValue<int>()).Order());
        var incident = (await f.Author.GetAsync(alert)).Json!["incidentId"]!.GetValue<string>();
        var stored = (await f.Author.SendAsync(HttpMethod.Get, $"/api/v1/notices?incidentId={incident}")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal([1, 2, 3, 4], stored.Json!.AsArray().Select(n => n!["version"]!.GetValue<int>()).Order());
    }
}
