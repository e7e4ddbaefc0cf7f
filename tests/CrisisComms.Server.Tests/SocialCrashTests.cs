using System.Net;
using CrisisComms.Testing.Fakes;

namespace CrisisComms.Server.Tests;

/// <summary>A node killed while its posts are on the wire still makes at most one post per channel.</summary>
public sealed class SocialCrashTests(SocialServersFixture f) : IClassFixture<SocialServersFixture>
{
    [Fact]
    public async Task ANodeKilledMidPostAndRestartedPostsOncePerChannel()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        // Each channel takes the post and then answers only long after the node is dead.
        foreach (var fake in f.Fakes) fake.FailNext(new FakeFault.SlowAfterAccepting(TimeSpan.FromSeconds(60)));
        var id = await f.PublishAsync(SocialServersFixture.Notice(marker));
        (await f.Approver.ReleaseNextAsync(id)).ShouldBe(HttpStatusCode.OK);
        foreach (var fake in f.Fakes)
            await WaitUntilAsync(() => SocialServersFixture.PostsWith(fake, marker).Count == 1, $"{fake.GetType().Name} got the post");

        await f.Server.KillAsync();
        await f.Server.StartAsync();
        await f.SignInAsync();

        // After the lease lapses the restarted node takes the stages over and sends again.
        var notice = await f.WaitForSocialStagesAsync(id, TimeSpan.FromSeconds(60));
        foreach (var (fake, channel) in new (FakeSocialServer, string)[] { (f.X, "x"), (f.Mastodon, "mastodon"), (f.Facebook, "facebook") })
        {
            var post = Assert.Single(SocialServersFixture.PostsWith(fake, marker));
            var stage = notice.Stage($"social:{channel}");
            Assert.Equal("done", stage["state"]!.GetValue<string>());
            Assert.Equal(post.Id, stage["externalId"]!.GetValue<string>());
            Assert.Equal(2, stage["attempts"]!.GetValue<int>());
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (!condition())
        {
            if (DateTimeOffset.UtcNow > deadline) throw new TimeoutException($"Not seen: {what}");
            await Task.Delay(50);
        }
    }
}
