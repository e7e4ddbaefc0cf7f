using System.Net;
using CrisisComms.Testing.Fakes;

namespace CrisisComms.Server.Tests;

/// <summary>
/// Two incidents that say the very same thing (the same boil-water notice a week apart). X and
/// Facebook answer the second post "duplicate"; the post they point to is the first incident's,
/// so the second is posted made distinct, and withdrawing it deletes only its own post.
/// </summary>
public sealed class DuplicateAttributionTests(SocialServersFixture f) : IClassFixture<SocialServersFixture>
{
    [Fact]
    public async Task SameTextInTwoIncidentsGivesTwoPostsAndAWithdrawalDeletesOnlyItsOwn()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        var notice = CrisisComms.Testing.Client.SampleNotices.Water(headline: $"Koka vattnet i Ryd {marker}", channels: ["x", "facebook"]);
        var first = await f.PublishAsync(notice);
        var firstDone = await f.WaitForSocialStagesAsync(first);
        var second = await f.PublishAsync(notice);
        var secondDone = await f.WaitForSocialStagesAsync(second);

        var channels = new (FakeSocialServer Fake, string Name)[] { (f.X, "x"), (f.Facebook, "facebook") };
        var secondIds = new List<(FakeSocialServer, string, string)>();
        foreach (var (fake, name) in channels)
        {
            var firstId = firstDone.Stage($"social:{name}")["externalId"]!.GetValue<string>();
            var secondStage = secondDone.Stage($"social:{name}");
            Assert.Equal("done", secondStage["state"]!.GetValue<string>());
            var secondId = secondStage["externalId"]!.GetValue<string>();
            Assert.NotEqual(firstId, secondId);
            var posts = SocialServersFixture.PostsWith(fake, marker);
            Assert.Equal(2, posts.Count);
            Assert.Contains("kl. ", posts.Single(p => p.Id == secondId).Text);
            secondIds.Add((fake, firstId, secondId));
        }

        (await f.Approver.WithdrawAsync(second, "Skickat av misstag")).ShouldBe(HttpStatusCode.OK);
        foreach (var (fake, firstId, secondId) in secondIds)
        {
            await fake.WaitForDeletesAsync(1, TimeSpan.FromSeconds(30));
            Assert.Equal([secondId], fake.Deletes);
            Assert.Contains(fake.Posts, p => p.Id == firstId);
        }
    }
}
