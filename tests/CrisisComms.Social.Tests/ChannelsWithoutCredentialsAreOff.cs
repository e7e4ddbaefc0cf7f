using CrisisComms.Domain.Dispatch;
using CrisisComms.Social.Tests.Support;
using Microsoft.Extensions.Options;

namespace CrisisComms.Social.Tests;

public sealed class ChannelsWithoutCredentialsAreOff
{
    private static readonly KeyValuePair<string, string?>[] X =
    [
        new("CrisisComms:Social:X:ConsumerKey", "ck"), new("CrisisComms:Social:X:ConsumerSecret", "cs-SECRET"),
        new("CrisisComms:Social:X:AccessToken", "at-SECRET"), new("CrisisComms:Social:X:AccessTokenSecret", "ats-SECRET"),
    ];

    private static readonly KeyValuePair<string, string?>[] Mastodon =
    [
        new("CrisisComms:Social:Mastodon:BaseUrl", "https://mastodon.example"), new("CrisisComms:Social:Mastodon:AccessToken", "m-SECRET"),
    ];

    private static readonly KeyValuePair<string, string?>[] Facebook =
    [
        new("CrisisComms:Social:Facebook:PageId", "1234"), new("CrisisComms:Social:Facebook:PageAccessToken", "fb-SECRET"),
    ];

    [Fact]
    public void NoCredentialsMeansNoChannels()
    {
        using var channels = Channels.For([]);

        Assert.Empty(channels.All);
        Assert.Empty(channels.Health.Snapshot());
    }

    [Fact]
    public void OnlyTheChannelsWithCredentialsAreOnAndListed()
    {
        using var channels = Channels.For([.. X, .. Facebook]);

        Assert.Equal(["x", "facebook"], channels.All.Select(c => c.Name));
        Assert.Equal(["x", "facebook"], channels.Health.Snapshot().Select(h => h.Name));
        Assert.All(channels.Health.Snapshot(), h => Assert.True(h.Healthy));
    }

    [Fact]
    public void AllThreeAreOnWithAllCredentials()
    {
        using var channels = Channels.For([.. X, .. Mastodon, .. Facebook]);

        Assert.Equal(["x", "mastodon", "facebook"], channels.All.Select(c => c.Name));
    }

    [Fact]
    public void XAndFacebookHaveTheirPublicBaseUrlsByDefault()
    {
        using var channels = Channels.For([.. X, .. Facebook]);

        var options = channels.Get<IOptions<SocialOptions>>().Value;
        Assert.Equal("https://api.x.com", options.X.BaseUrl);
        Assert.Equal("https://graph.facebook.com/v23.0", options.Facebook.BaseUrl);
        Assert.Equal(TimeSpan.FromSeconds(10), new SocialOptions().Timeout);
    }

    [Fact]
    public void PartlyConfiguredCredentialsStopTheStartNamingTheMissingKeysButNoValues()
    {
        using var channels = Channels.For([X[0], X[1], Mastodon[1]]);

        var error = Assert.Throws<OptionsValidationException>(() => channels.Get<IOptions<SocialOptions>>().Value);

        Assert.Empty(channels.All);
        Assert.Contains("CrisisComms:Social:X is partly configured: AccessToken, AccessTokenSecret missing", error.Message);
        Assert.Contains("CrisisComms:Social:Mastodon:BaseUrl must be an absolute http or https URL", error.Message);
        Assert.DoesNotContain("SECRET", error.Message);
    }

    [Fact]
    public void ChannelsAreTheDomainsInterface()
    {
        using var channels = Channels.For([.. Mastodon]);

        Assert.IsAssignableFrom<ISocialChannel>(Assert.Single(channels.All));
    }
}
