using CrisisComms.Domain.Dispatch;
using CrisisComms.Social.Tests.Support;
using CrisisComms.Testing.Fakes;

namespace CrisisComms.Social.Tests;

public sealed class PostingToFacebookFollowsItsRules : IAsyncLifetime
{
    private FakeFacebook facebook = null!;
    private Channels channels = null!;

    private ISocialChannel Channel => channels["facebook"];

    public async Task InitializeAsync()
    {
        facebook = await FakeFacebook.StartAsync();
        channels = Channels.For(facebook.Configuration());
    }

    public async Task DisposeAsync()
    {
        channels.Dispose();
        await facebook.DisposeAsync();
    }

    [Fact]
    public async Task APostCarriesTheLinkInItsFieldAndAtTheEndOfTheMessage()
    {
        var outcome = await Channel.PostAsync(Sample.Message, Sample.Key());

        var post = Assert.Single(facebook.Posts);
        var posted = Assert.IsType<PostOutcome.Posted>(outcome);
        Assert.Equal(post.Id, posted.ExternalId);
        Assert.Equal(post.Text, posted.Text);
        Assert.Equal($"https://www.facebook.com/{post.Id}", posted.Url);
        Assert.StartsWith(FakeFacebook.SamplePageId + "_", post.Id);
        Assert.Equal(Sample.Link, post.Link);
        Assert.Equal($"{Sample.Message.Headline}\n\n{Sample.Message.Lead}\n\n{Sample.Link}", post.Text);
    }

    [Fact]
    public async Task AnUnavailableServerIsRetried()
    {
        facebook.FailNext(new FakeFault.Unavailable());
        var key = Sample.Key();

        var first = await Channel.PostAsync(Sample.Message, key);
        var second = await Channel.PostAsync(Sample.Message, key);

        Assert.IsType<PostOutcome.Retry>(first);
        Assert.IsType<PostOutcome.Posted>(second);
        Assert.Single(facebook.Posts);
    }

    [Fact]
    public async Task AThrottledPostIsRetriedAfterTheRetryAfterTime()
    {
        var reset = Sample.ResetAt;
        facebook.FailNext(new FakeFault.RateLimited(reset));

        var outcome = await Channel.PostAsync(Sample.Message, Sample.Key());

        var retry = Assert.IsType<PostOutcome.Retry>(outcome);
        Assert.Equal(reset, retry.NotBefore);
        Assert.Contains("code 32", retry.Error);
    }

    [Fact]
    public async Task AnExpiredPageTokenIsError190AndNeedsAPerson()
    {
        facebook.FailNext(new FakeFault.TokenExpired());

        var outcome = await Channel.PostAsync(Sample.Message, Sample.Key());

        Assert.Contains("Facebook rejected the Page access token", Assert.IsType<PostOutcome.Failed>(outcome).Error);
        Assert.False(Assert.Single(channels.Health.Snapshot()).Healthy);
    }

    [Fact]
    public async Task APolicyBlockNeedsAPerson()
    {
        facebook.FailNext(new FakeFault.Forbidden());

        var outcome = await Channel.PostAsync(Sample.Message, Sample.Key());

        Assert.Contains("code 368", Assert.IsType<PostOutcome.Failed>(outcome).Error);
    }

    [Fact]
    public async Task ADuplicateIsTheEarlierPostFoundAgain()
    {
        var first = await Channel.PostAsync(Sample.Message, Sample.Key());

        var again = await Channel.PostAsync(Sample.Message, Sample.Key());

        Assert.Equal(first, again);
        Assert.Single(facebook.Posts);
    }

    [Fact]
    public async Task WithdrawingDeletesThePostAndAGoneOneStaysGone()
    {
        var posted = Assert.IsType<PostOutcome.Posted>(await Channel.PostAsync(Sample.Message, Sample.Key()));

        var deleted = await Channel.DeleteAsync(posted.ExternalId);
        var again = await Channel.DeleteAsync(posted.ExternalId);

        // A deletion answers with the post's id alone: what was posted is kept on the stage, not here.
        Assert.Equal(new PostOutcome.Posted(posted.ExternalId), deleted);
        Assert.Equal(new PostOutcome.Posted(posted.ExternalId), again);
        Assert.Equal([posted.ExternalId], facebook.Deletes);
    }
}
