using System.Net;
using CrisisComms.Testing.Client;
using CrisisComms.Testing.Server;

namespace CrisisComms.Server.Tests;

/// <summary>
/// What the operator's Prometheus reads at /metrics after one published notice: each stage's
/// delay once, and as many open banner connections as there are browsers. Only loopback and the
/// configured networks may read it; the client address is the one the proxy rules decide, so a
/// relayed outside caller is refused end to end.
/// </summary>
public sealed class MetricsTests
{
    [Fact]
    public async Task OnePublishedNoticeShowsEachStageDelayOnceAndTheOpenBannerConnections()
    {
        await using var server = await ServerProcess.StartAsync(new Dictionary<string, string?>
        {
            ["CrisisComms:Dispatch:IntranetLead"] = "00:10:00",
        });
        await server.AddAccountAsync("anna", CrisisServerFixture.Password, "author");
        await server.AddAccountAsync("bosse", CrisisServerFixture.Password, "approver");
        var author = await Officer.SignInAsync(server.BaseAddress, "anna", CrisisServerFixture.Password);
        var approver = await Officer.SignInAsync(server.BaseAddress, "bosse", CrisisServerFixture.Password);
        await using var intranet = await BannerListener.ConnectAsync(server.BaseAddress, "intranet", token: author.Token);
        await using var citizen1 = await BannerListener.ConnectAsync(server.BaseAddress, "public");
        var citizen2 = await BannerListener.ConnectAsync(server.BaseAddress, "public");
        using var http = server.CreateClient();

        var id = await author.DraftAndSubmitAsync(SampleNotices.Water());
        (await approver.ApproveAsync(id)).ShouldBe(HttpStatusCode.OK);
        await intranet.WaitForBannerAsync(id);
        var afterApproval = await MetricsScrape.ReadAsync(http);
        Assert.Equal(1, afterApproval.Value("crisiscomms_stage_delay_seconds_count", "stage=\"intranet\""));
        Assert.Null(afterApproval.Value("crisiscomms_stage_delay_seconds_count", "stage=\"public\""));
        Assert.Equal(2, afterApproval.Value("crisiscomms_banner_connections", "audience=\"public\""));
        Assert.Equal(1, afterApproval.Value("crisiscomms_banner_connections", "audience=\"intranet\""));

        (await approver.ReleaseNextAsync(id)).ShouldBe(HttpStatusCode.OK);
        await citizen1.WaitForBannerAsync(id);
        await citizen2.DisposeAsync();
        var scrape = await MetricsScrape.WaitForAsync(http, s => s.Value("crisiscomms_banner_connections", "audience=\"public\"") == 1);
        Assert.Equal(1, scrape.Value("crisiscomms_stage_delay_seconds_count", "stage=\"intranet\""));
        Assert.Equal(1, scrape.Value("crisiscomms_stage_delay_seconds_count", "stage=\"public\""));
        Assert.Equal(1, scrape.Value("crisiscomms_banner_connections", "audience=\"intranet\""));
        Assert.Contains("# TYPE crisiscomms_stage_delay_seconds histogram", scrape.Text);
        Assert.Contains("http_server_request_duration_seconds", scrape.Text);
    }

    [Fact]
    public async Task OnlyLoopbackAndTheAllowedNetworksMayReadMetrics()
    {
        // The tests' own loopback connection acts as the trusted proxy, so the forwarded address is the caller.
        await using var server = await ServerProcess.StartAsync(new Dictionary<string, string?>
        {
            ["CrisisComms:Http:KnownProxies"] = "127.0.0.1",
            ["CrisisComms:Metrics:AllowFrom"] = "198.51.100.0/24",
        });
        using var http = server.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await GetMetricsAsync(http, forwardedFor: null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetMetricsAsync(http, "198.51.100.7")).StatusCode);
        var outsider = await GetMetricsAsync(http, "203.0.113.5");
        Assert.Equal(HttpStatusCode.NotFound, outsider.StatusCode);
        Assert.DoesNotContain("crisiscomms", await outsider.Content.ReadAsStringAsync());
    }

    private static async Task<HttpResponseMessage> GetMetricsAsync(HttpClient http, string? forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        if (forwardedFor is not null) request.Headers.Add("X-Forwarded-For", forwardedFor);
        return await http.SendAsync(request);
    }
}
