using CrisisComms.Testing.Fakes;

namespace CrisisComms.Server.Tests;

/// <summary>Social posts as /metrics counts them: every call by channel and outcome, a stage that gave up as a failure.</summary>
public sealed class SocialMetricsTests(SocialServersFixture f) : IClassFixture<SocialServersFixture>
{
    [Fact]
    public async Task EveryCallToAChannelIsCountedByOutcomeAndAFailedStageAsAFailure()
    {
        f.Mastodon.FailNext(new FakeFault.Unavailable(), times: 2);
        f.Facebook.FailNext(new FakeFault.Forbidden(), times: 1);
        var id = await f.PublishAsync(SocialServersFixture.Notice(Guid.NewGuid().ToString("N")[..8]));
        await f.WaitForSocialStagesAsync(id);
        using var http = f.Server.CreateClient();

        var scrape = await MetricsScrape.WaitForAsync(http, s => s.Value("crisiscomms_stage_failures_total", "stage=\"social\"") == 1);

        Assert.Equal(1, scrape.Value("crisiscomms_social_attempts_total", "channel=\"x\"", "outcome=\"posted\""));
        Assert.Equal(2, scrape.Value("crisiscomms_social_attempts_total", "channel=\"mastodon\"", "outcome=\"retry\""));
        Assert.Equal(1, scrape.Value("crisiscomms_social_attempts_total", "channel=\"mastodon\"", "outcome=\"posted\""));
        Assert.Equal(1, scrape.Value("crisiscomms_social_attempts_total", "channel=\"facebook\"", "outcome=\"failed\""));
        Assert.Equal(2, scrape.Value("crisiscomms_stage_delay_seconds_count", "stage=\"social\""));
        Assert.Equal(1, scrape.Value("crisiscomms_stage_failures_total", "stage=\"social\""));
        Assert.Equal(1, scrape.Value("crisiscomms_stage_delay_seconds_count", "stage=\"public\""));
    }
}
