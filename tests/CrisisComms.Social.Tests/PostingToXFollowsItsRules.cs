using CrisisComms.Domain.Dispatch;
using CrisisComms.Social.Tests.Support;
using CrisisComms.Testing.Fakes;

namespace CrisisComms.Social.Tests;

public sealed class PostingToXFollowsItsRules : IAsyncLifetime
{
    private FakeX x = null!;
    private Channels channels = null!;

    private ISocialChannel Channel => channels["x"];

    public async Task InitializeAsync()
    {
        x = await FakeX.StartAsync();
        channels = Channels.For(x.Configuration());
    }

    public async Task DisposeAsync()
    {
        channels.Dispose();
        await x.DisposeAsync();
    }

    [Fact]
    public async Task ASignedPostIsMadeWithThePreviewedText()
    {
        var preview = await Channel.PreviewAsync(Sample.Message);

        var outcome = await Channel.PostAsync(Sample.Message, Sample.Key());

        var post = Assert.Single(x.Posts);
        var posted = Assert.IsType<PostOutcome.Posted>(outcome);
        Assert.Equal(post.Id, posted.ExternalId);
        Assert.Equal(post.Text, posted.Text);
        Assert.Equal($"https://x.com/i/web/status/{post.Id}", posted.Url);
        Assert.Equal(preview.Text, post.Text);
        Assert.EndsWith(Sample.Link, post.Text);
        Assert.Equal(0, x.RejectedSignatures);
    }

    [Fact]
    public async Task WrongSecretsAreRefusedByTheSignatureCheck()
    {
        var wrong = x.Credentials with { AccessTokenSecret = "not-the-secret" };
        using var misconfigured = Channels.For(wrong.Configuration(x.BaseUrl));

        var outcome = await misconfigured["x"].PostAsync(Sample.Message, Sample.Key());

        Assert.Contains("X rejected the credentials", Assert.IsType<PostOutcome.Failed>(outcome).Error);
        Assert.Equal(1, x.RejectedSignatures);
        Assert.Empty(x.Posts);
    }

    [Fact]
    public async Task AnUnavailableServerIsRetriedWithoutANamedTime()
    {
        x.FailNext(new FakeFault.Unavailable(), times: 2);
        var key = Sample.Key();

        var first = await Channel.PostAsync(Sample.Message, key);
        var second = await Channel.PostAsync(Sample.Message, key);
        var third = await Channel.PostAsync(Sample.Message, key);

        Assert.Null(Assert.IsType<PostOutcome.Retry>(first).NotBefore);
        Assert.IsType<PostOutcome.Retry>(second);
        Assert.IsType<PostOutcome.Posted>(third);
        Assert.Single(x.Posts);
    }

    [Fact]
    public async Task ARateLimitIsRetriedAtTheResetXNames()
    {
        var reset = Sample.ResetAt;
        x.FailNext(new FakeFault.RateLimited(reset));

        var outcome = await Channel.PostAsync(Sample.Message, Sample.Key());

        Assert.Equal(reset, Assert.IsType<PostOutcome.Retry>(outcome).NotBefore);
    }

    [Fact]
    public async Task AnExpiredTokenNeedsAPersonAndMakesTheChannelUnhealthy()
    {
        x.FailNext(new FakeFault.TokenExpired());

        var outcome = await Channel.PostAsync(Sample.Message, Sample.Key());

        Assert.Contains("X rejected the credentials", Assert.IsType<PostOutcome.Failed>(outcome).Error);
        Assert.False(Assert.Single(channels.Health.Snapshot()).Healthy);
        await Channel.PostAsync(Sample.Message, Sample.Key());
        Assert.True(Assert.Single(channels.Health.Snapshot()).Healthy);
    }

    [Fact]
    public async Task APolicyRefusalNeedsAPerson()
    {
        x.FailNext(new FakeFault.Forbidden());

        var outcome = await Channel.PostAsync(Sample.Message, Sample.Key());

        Assert.Contains("X refused the post", Assert.IsType<PostOutcome.Failed>(outcome).Error);
    }

    [Fact]
    public async Task ADuplicateIsTheEarlierPostFoundAgain()
    {
        var first = Assert.IsType<PostOutcome.Posted>(await Channel.PostAsync(Sample.Message, Sample.Key()));

        var again = await Channel.PostAsync(Sample.Message, Sample.Key());

        Assert.Equal(first, again);
        Assert.Single(x.Posts);
    }

    [Fact]
    public async Task ADuplicateThatCannotBeFoundIsPostedWithAnUnknownIdThatOnlyAPersonCanDelete()
    {
        x.FailNext(new FakeFault.Duplicate());

        var outcome = Assert.IsType<PostOutcome.Posted>(await Channel.PostAsync(Sample.Message, Sample.Key()));
        var delete = await Channel.DeleteAsync(outcome.ExternalId);

        Assert.Equal("duplicate", outcome.ExternalId);
        Assert.Contains("by hand", Assert.IsType<PostOutcome.Failed>(delete).Error);
        Assert.True(Assert.Single(channels.Health.Snapshot()).Healthy);
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
        Assert.Equal([posted.ExternalId], x.Deletes);
    }
}
