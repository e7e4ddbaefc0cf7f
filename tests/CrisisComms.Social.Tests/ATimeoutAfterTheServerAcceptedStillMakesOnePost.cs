using CrisisComms.Domain.Dispatch;
using CrisisComms.Social.Tests.Support;
using CrisisComms.Testing.Fakes;

namespace CrisisComms.Social.Tests;

/// <summary>
/// The server records the post, then answers only after the client has given up. The retry, with the same
/// idempotency key, must come back with that post rather than make a second one.
/// </summary>
public sealed class ATimeoutAfterTheServerAcceptedStillMakesOnePost
{
    private static readonly TimeSpan ClientTimeout = TimeSpan.FromSeconds(2);
    private static readonly FakeFault Slow = new FakeFault.SlowAfterAccepting(TimeSpan.FromMinutes(1));

    [Fact]
    public async Task OnX()
    {
        await using var x = await FakeX.StartAsync();
        await AssertOnePostAsync(x, x.Configuration(), "x");
    }

    [Fact]
    public async Task OnMastodon()
    {
        await using var mastodon = await FakeMastodon.StartAsync();
        await AssertOnePostAsync(mastodon, mastodon.Configuration(), "mastodon");
    }

    [Fact]
    public async Task OnFacebook()
    {
        await using var facebook = await FakeFacebook.StartAsync();
        await AssertOnePostAsync(facebook, facebook.Configuration(), "facebook");
    }

    private static async Task AssertOnePostAsync(FakeSocialServer fake, IEnumerable<KeyValuePair<string, string?>> settings, string name)
    {
        using var channels = Channels.For(settings, ClientTimeout);
        // A first request pays for connecting and JIT; made here, it cannot be what times out below.
        Assert.IsType<PostOutcome.Posted>(await channels[name].DeleteAsync("warm-up"));
        fake.FailNext(Slow);
        var key = Sample.Key();

        var first = await channels[name].PostAsync(Sample.Message, key);
        var second = await channels[name].PostAsync(Sample.Message, key);

        Assert.Contains("did not answer within 2 s", Assert.IsType<PostOutcome.Retry>(first).Error);
        var post = Assert.Single(fake.Posts);
        Assert.Equal(post.Id, Assert.IsType<PostOutcome.Posted>(second).ExternalId);
    }
}
