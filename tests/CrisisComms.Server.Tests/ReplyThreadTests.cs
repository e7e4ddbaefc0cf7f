using System.Net;
using CrisisComms.Testing.Fakes;

namespace CrisisComms.Server.Tests;

/// <summary>
/// Followers read one incident as one thread: the update answers the alert's post on X and on
/// Mastodon (the fakes check the reply field of each request), Facebook gets a post of its own,
/// and withdrawing the incident takes the whole thread down.
/// </summary>
public sealed class ReplyThreadTests(SocialServersFixture f) : IClassFixture<SocialServersFixture>
{
    [Fact]
    public async Task AnUpdateRepliesToTheIncidentsFirstPostAndAWithdrawalRemovesTheThread()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        var alert = await f.PublishAsync(SocialServersFixture.Notice(marker));
        var alertDone = await f.WaitForSocialStagesAsync(alert);
        var created = (await f.Author.UpdateAsync(alert, SocialServersFixture.Notice(marker, $"Vattnet är drickbart i Ryd {marker}")))
            .ShouldBe(HttpStatusCode.Created);
        (await f.Author.SubmitAsync(created.Id)).ShouldBe(HttpStatusCode.OK);
        (await f.Approver.ApproveAsync(created.Id)).ShouldBe(HttpStatusCode.OK);
        var updateDone = await f.WaitForSocialStagesAsync(created.Id);

        foreach (var (fake, channel, threaded) in new (FakeSocialServer, string, bool)[] { (f.X, "x", true), (f.Mastodon, "mastodon", true), (f.Facebook, "facebook", false) })
        {
            var first = alertDone.Stage($"social:{channel}")["externalId"]!.GetValue<string>();
            var reply = updateDone.Stage($"social:{channel}")["externalId"]!.GetValue<string>();
            var posted = fake.Posts.Single(p => p.Id == reply);
            Assert.Equal(threaded ? first : null, posted.InReplyTo);
            Assert.Null(fake.Posts.Single(p => p.Id == first).InReplyTo);
        }

        (await f.Approver.WithdrawAsync(created.Id, "Fel uppgifter om vattnet")).ShouldBe(HttpStatusCode.OK);
        foreach (var fake in f.Fakes)
        {
            await fake.WaitForDeletesAsync(2, TimeSpan.FromSeconds(30));
            Assert.Equal(SocialServersFixture.PostsWith(fake, marker).Select(p => p.Id).Order(), fake.Deletes.Order());
        }
    }
}
