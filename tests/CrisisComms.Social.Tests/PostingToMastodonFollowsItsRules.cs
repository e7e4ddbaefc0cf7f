using CrisisComms.Domain.Dispatch;
using CrisisComms.Social.Tests.Support;
using CrisisComms.Testing.Fakes;

namespace CrisisComms.Social.Tests;

public sealed class PostingToMastodonFollowsItsRules : IAsyncLifetime
{
    private FakeMastodon mastodon = null!;
    private Channels channels = null!;

    private ISocialChannel Channel => channels["mastodon"];

    public async Task InitializeAsync()
    {
        mastodon = await FakeMastodon.StartAsync();
        channels = Channels.For(mastodon.Configuration());
    }

    public async Task DisposeAsync()
    {
        channels.Dispose();
        await mastodon.DisposeAsync();
    }

    [Fact]
    public async Task APublicStatusIsPostedWithTheIdempotencyKey()
    {
        var key = Sample.Key();

        var outcome = await Channel.PostAsync(Sample.Update, key);

        var post = Assert.Single(mastodon.Posts);
        var posted = Assert.IsType<PostOutcome.Posted>(outcome);
        Assert.Equal(post.Id, posted.ExternalId);
        Assert.Equal(post.Text, posted.Text);
        Assert.EndsWith($"/web/statuses/{post.Id}", posted.Url);
        Assert.Equal("public", post.Visibility);
        Assert.Equal(key, post.IdempotencyKey);
        Assert.StartsWith("UPPDATERING: Kokningsrådet", post.Text);
        Assert.EndsWith(Sample.Link, post.Text);
    }

    [Fact]
    public async Task TheSameKeyGivesTheSameStatusNotASecond()
    {
        var key = Sample.Key();

        var first = await Channel.PostAsync(Sample.Message, key);
        var second = await Channel.PostAsync(Sample.Message, key);

        Assert.Equal(first, second);
        Assert.Single(mastodon.Posts);
    }

    [Fact]
    public async Task AnUnavailableServerIsRetried()
    {
        mastodon.FailNext(new FakeFault.Unavailable());
        var key = Sample.Key();

        var first = await Channel.PostAsync(Sample.Message, key);
        var second = await Channel.PostAsync(Sample.Message, key);

        Assert.Null(Assert.IsType<PostOutcome.Retry>(first).NotBefore);
        Assert.IsType<PostOutcome.Posted>(second);
    }

    [Fact]
    public async Task ARateLimitIsRetriedAtTheResetMastodonNames()
    {
        var reset = Sample.ResetAt;
        mastodon.FailNext(new FakeFault.RateLimited(reset));

        var outcome = await Channel.PostAsync(Sample.Message, Sample.Key());

        Assert.Equal(reset, Assert.IsType<PostOutcome.Retry>(outcome).NotBefore);
    }

    [Fact]
    public async Task ARevokedTokenNeedsAPerson()
    {
        mastodon.FailNext(new FakeFault.TokenExpired());

        var outcome = await Channel.PostAsync(Sample.Message, Sample.Key());

        Assert.Contains("Mastodon rejected the access token", Assert.IsType<PostOutcome.Failed>(outcome).Error);
        Assert.False(Assert.Single(channels.Health.Snapshot()).Healthy);
    }

    [Fact]
    public async Task AForbiddenPostNeedsAPerson()
    {
        mastodon.FailNext(new FakeFault.Forbidden());

        var outcome = await Channel.PostAsync(Sample.Message, Sample.Key());

        Assert.Contains("This action is not allowed", Assert.IsType<PostOutcome.Failed>(outcome).Error);
    }

    [Fact]
    public async Task AWrongTokenIsRefused()
    {
        using var misconfigured = Channels.For(
            [.. mastodon.Configuration().Where(s => !s.Key.EndsWith("AccessToken")), new("CrisisComms:Social:Mastodon:AccessToken", "wrong")]);

        var outcome = await misconfigured["mastodon"].PostAsync(Sample.Message, Sample.Key());

        Assert.IsType<PostOutcome.Failed>(outcome);
        Assert.Empty(mastodon.Posts);
    }

    [Fact]
    public async Task WithdrawingDeletesTheStatus()
    {
        var posted = Assert.IsType<PostOutcome.Posted>(await Channel.PostAsync(Sample.Message, Sample.Key()));

        var deleted = await Channel.DeleteAsync(posted.ExternalId);

        // A deletion answers with the post's id alone: what was posted is kept on the stage, not here.
        Assert.Equal(new PostOutcome.Posted(posted.ExternalId), deleted);
        Assert.Equal([posted.ExternalId], mastodon.Deletes);
    }
}
