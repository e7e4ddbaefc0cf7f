using System.Globalization;
using System.Net;
using CrisisComms.Testing.Fakes;

namespace CrisisComms.Server.Tests;

/// <summary>Social posts come last, point to the site, fit, and are made once whatever happens.</summary>
public sealed class SocialDispatchTests(SocialServersFixture f) : IClassFixture<SocialServersFixture>
{
    private static string Marker() => Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task EachChannelGetsOnePostAfterThePublicBannerWithTheLinkAndWithinItsLimit()
    {
        var marker = Marker();
        // 280 characters as a reader counts them, with å, ä, ö and an emoji: more than X allows with a link.
        var start = $"Kokningsrekommendation {marker} 💧 ";
        var headline = start + string.Concat(Enumerable.Repeat("Vattnet från Råberga är otjänligt för människor och djur, ", 10));
        headline = new StringInfo(headline).SubstringByTextElements(0, 280).TrimEnd();
        var id = await f.PublishAsync(SocialServersFixture.Notice(marker, headline));

        var notice = await f.WaitForSocialStagesAsync(id);

        var publicDone = DateTimeOffset.Parse(notice.Stage("public")["doneAt"]!.GetValue<string>(), CultureInfo.InvariantCulture);
        foreach (var (fake, channel) in new (FakeSocialServer, string)[] { (f.X, "x"), (f.Mastodon, "mastodon"), (f.Facebook, "facebook") })
        {
            var post = Assert.Single(SocialServersFixture.PostsWith(fake, marker));
            Assert.True(post.ReceivedAt >= publicDone, $"{channel} was posted before the public banner was up");
            Assert.Contains("https://www.linkoping.se/kris/vatten", post.Text);
            var stage = notice.Stage($"social:{channel}");
            Assert.Equal("done", stage["state"]!.GetValue<string>());
            Assert.Equal(post.Id, stage["externalId"]!.GetValue<string>());
        }
        Assert.True(FakeX.WeightedLength(SocialServersFixture.PostsWith(f.X, marker)[0].Text) <= 280);
        Assert.Contains("…", SocialServersFixture.PostsWith(f.X, marker)[0].Text);
        Assert.True(f.Mastodon.Length(SocialServersFixture.PostsWith(f.Mastodon, marker)[0].Text) <= f.Mastodon.MaxCharacters);
        Assert.Equal("https://www.linkoping.se/kris/vatten", SocialServersFixture.PostsWith(f.Facebook, marker)[0].Link);
        Assert.Equal("public", SocialServersFixture.PostsWith(f.Mastodon, marker)[0].Visibility);
    }

    [Fact]
    public async Task ApproversSeeEachPostBeforeTheyApprove()
    {
        var marker = Marker();
        var id = await f.Author.DraftAndSubmitAsync(SocialServersFixture.Notice(marker));

        var pending = (await f.Approver.GetAsync(id)).ShouldBe(HttpStatusCode.OK);

        var previews = pending.Json!["previews"]!.AsArray();
        Assert.Equal(["x", "mastodon", "facebook"], previews.Select(p => p!["channel"]!.GetValue<string>()).OrderBy(c => c == "facebook").ThenBy(c => c == "mastodon"));
        Assert.All(previews, p => Assert.Contains(marker, p!["text"]!.GetValue<string>()));
        Assert.All(previews, p => Assert.True(p!["length"]!.GetValue<int>() <= p["limit"]!.GetValue<int>()));
        (await f.Approver.RejectAsync(id, "Bara en förhandsvisning")).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task AChannelThatFailsTwiceIsRetriedAndPostsOnce()
    {
        var marker = Marker();
        f.Mastodon.FailNext(new FakeFault.Unavailable(), times: 2);
        var id = await f.PublishAsync(SocialServersFixture.Notice(marker));

        var notice = await f.WaitForSocialStagesAsync(id);

        Assert.Single(SocialServersFixture.PostsWith(f.Mastodon, marker));
        Assert.Equal("done", notice.Stage("social:mastodon")["state"]!.GetValue<string>());
        Assert.Equal(3, notice.Stage("social:mastodon")["attempts"]!.GetValue<int>());
        var audit = (await f.Approver.AuditAsync(id)).Json!.AsArray();
        Assert.Equal(3, audit.Count(a => a!["action"]!.GetValue<string>() == "stage.attempt" && a["detail"]!.GetValue<string>().StartsWith("social:mastodon attempt")));
    }

    [Fact]
    public async Task ARateLimitedChannelWaitsForTheResetItNamed()
    {
        var marker = Marker();
        var reset = DateTimeOffset.UtcNow.AddSeconds(4);
        f.X.FailNext(new FakeFault.RateLimited(reset));
        var id = await f.PublishAsync(SocialServersFixture.Notice(marker));

        var notice = await f.WaitForSocialStagesAsync(id);

        var post = Assert.Single(SocialServersFixture.PostsWith(f.X, marker));
        // X names the reset in whole epoch seconds.
        Assert.True(post.ReceivedAt >= reset.AddSeconds(-1), $"posted at {post.ReceivedAt:O}, before the reset {reset:O}");
        Assert.Equal(2, notice.Stage("social:x")["attempts"]!.GetValue<int>());
    }

    [Fact]
    public async Task ATimeoutAfterTheChannelAcceptedStillMakesOnePost()
    {
        var marker = Marker();
        foreach (var fake in f.Fakes) fake.FailNext(new FakeFault.SlowAfterAccepting(TimeSpan.FromSeconds(10)));
        var id = await f.PublishAsync(SocialServersFixture.Notice(marker));

        var notice = await f.WaitForSocialStagesAsync(id);

        foreach (var fake in f.Fakes) Assert.Single(SocialServersFixture.PostsWith(fake, marker));
        foreach (var channel in new[] { "x", "mastodon", "facebook" })
        {
            Assert.Equal("done", notice.Stage($"social:{channel}")["state"]!.GetValue<string>());
            Assert.True(notice.Stage($"social:{channel}")["attempts"]!.GetValue<int>() >= 2);
        }
    }

    [Fact]
    public async Task AnExpiredTokenFailsThatChannelOnlyAndMarksItUnhealthy()
    {
        var marker = Marker();
        f.Facebook.FailNext(new FakeFault.TokenExpired());
        var id = await f.PublishAsync(SocialServersFixture.Notice(marker));

        var notice = await f.WaitForSocialStagesAsync(id);

        var facebook = notice.Stage("social:facebook");
        Assert.Equal("failed", facebook["state"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(facebook["error"]!.GetValue<string>()));
        Assert.DoesNotContain(FakeFacebook.SampleToken, notice.Body);
        Assert.Single(SocialServersFixture.PostsWith(f.X, marker));
        Assert.Single(SocialServersFixture.PostsWith(f.Mastodon, marker));
        // The health is stored apart from the stage (unaudited, never holding up the outcome): it may follow a moment later.
        var channels = await f.WaitForChannelAsync(f.Author, "facebook", c => !c["healthy"]!.GetValue<bool>());
        Assert.DoesNotContain(FakeFacebook.SampleToken, channels.Body);
        Assert.DoesNotContain(FakeFacebook.SampleToken, f.Server.Log);
        Assert.DoesNotContain(FakeMastodon.SampleToken, f.Server.Log);
        Assert.DoesNotContain(f.X.Credentials.ConsumerSecret, f.Server.Log);
    }

    [Fact]
    public async Task WithdrawalDeletesThePostsOnEveryChannel()
    {
        var marker = Marker();
        var id = await f.PublishAsync(SocialServersFixture.Notice(marker));
        var notice = await f.WaitForSocialStagesAsync(id);
        var posted = f.Fakes.ToDictionary(fake => fake, fake => Assert.Single(SocialServersFixture.PostsWith(fake, marker)).Id);

        (await f.Approver.WithdrawAsync(id, "Fel område")).ShouldBe(HttpStatusCode.OK);

        // A retraction is recorded after the channel answered the DELETE, so both are waited for.
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        int retracted;
        while (true)
        {
            var audit = (await f.Approver.AuditAsync(id)).Json!.AsArray();
            retracted = audit.Count(a => a!["action"]!.GetValue<string>() == "stage.retracted");
            if ((retracted >= 3 && posted.All(p => p.Key.Deletes.Contains(p.Value))) || DateTimeOffset.UtcNow > deadline) break;
            await Task.Delay(100);
        }
        foreach (var (fake, postId) in posted) Assert.Contains(postId, fake.Deletes);
        Assert.Equal(3, retracted);
    }

    [Fact]
    public async Task AnExerciseNeverReachesAnySocialServer()
    {
        var before = f.Fakes.Select(fake => fake.RequestCount).ToList();
        var notice = SocialServersFixture.Notice(Marker());
        notice["mode"] = "exercise";
        var id = await f.Author.DraftAndSubmitAsync(notice);
        (await f.Approver.ApproveAsync(id)).ShouldBe(HttpStatusCode.OK);
        var released = (await f.Approver.ReleaseNextAsync(id)).ShouldBe(HttpStatusCode.OK);
        Assert.Equal("done", released.Stage("public")["state"]!.GetValue<string>());

        await Task.Delay(TimeSpan.FromSeconds(2)); // a wrong post would have gone out by now

        Assert.Equal(before, f.Fakes.Select(fake => fake.RequestCount).ToList());
        foreach (var channel in new[] { "x", "mastodon", "facebook" })
            Assert.Equal("skipped", released.Stage($"social:{channel}")["state"]!.GetValue<string>());
    }
}
