using CrisisComms.Domain.Dispatch;
using CrisisComms.Social.Tests.Support;
using CrisisComms.Testing.Fakes;

namespace CrisisComms.Social.Tests;

/// <summary>
/// Every path a channel has, good and bad, with logging at its most talkative (HTTP client logs included):
/// no outcome and no log line may carry a secret.
/// </summary>
public sealed class SecretsNeverAppearInOutcomesOrLogs
{
    private static readonly FakeFault[] Faults =
    [
        new FakeFault.Unavailable(), new FakeFault.RateLimited(Sample.ResetAt),
        new FakeFault.TokenExpired(), new FakeFault.Forbidden(),
    ];

    [Fact]
    public async Task OnX()
    {
        await using var x = await FakeX.StartAsync();
        var credentials = x.Credentials;
        await AssertNoSecretsAsync(x, x.Configuration(), "x", [credentials.ConsumerSecret, credentials.AccessToken, credentials.AccessTokenSecret]);
    }

    [Fact]
    public async Task OnMastodon()
    {
        await using var mastodon = await FakeMastodon.StartAsync();
        await AssertNoSecretsAsync(mastodon, mastodon.Configuration(), "mastodon", [mastodon.AccessToken]);
    }

    [Fact]
    public async Task OnFacebook()
    {
        await using var facebook = await FakeFacebook.StartAsync();
        await AssertNoSecretsAsync(facebook, facebook.Configuration(), "facebook", [facebook.PageAccessToken]);
    }

    private static async Task AssertNoSecretsAsync(
        FakeSocialServer fake, IEnumerable<KeyValuePair<string, string?>> settings, string name, string[] secrets)
    {
        using var channels = Channels.For(settings);
        var channel = channels[name];
        var outcomes = new List<PostOutcome>();
        foreach (var fault in Faults)
        {
            fake.FailNext(fault);
            outcomes.Add(await channel.PostAsync(Sample.Message with { Headline = fault.GetType().Name }, Sample.Key()));
        }
        var posted = Assert.IsType<PostOutcome.Posted>(await channel.PostAsync(Sample.Message, Sample.Key()));
        outcomes.Add(posted);
        fake.FailNext(new FakeFault.TokenExpired());
        outcomes.Add(await channel.DeleteAsync(posted.ExternalId));
        outcomes.Add(await channel.DeleteAsync(posted.ExternalId));
        outcomes.Add(await channel.DeleteAsync(posted.ExternalId));

        Assert.Contains(outcomes, o => o is PostOutcome.Failed);
        Assert.Contains(outcomes, o => o is PostOutcome.Retry);
        Assert.Contains(channels.Logs.Lines, line => line.Contains("System.Net.Http.HttpClient", StringComparison.Ordinal));
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(outcomes, o => o.ToString().Contains(secret, StringComparison.Ordinal));
            Assert.DoesNotContain(channels.Logs.Lines, line => line.Contains(secret, StringComparison.Ordinal));
            Assert.DoesNotContain(channels.Health.Snapshot(), h => h.LastError?.Contains(secret, StringComparison.Ordinal) == true);
        }
    }
}
