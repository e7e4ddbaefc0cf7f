using System.Net;
using System.Text.Json.Nodes;
using CrisisComms.Testing.Client;

namespace CrisisComms.Server.Tests;

/// <summary>All three channels configured, none approved; the public banner is released by hand, so a test decides what happens before a post falls due.</summary>
public sealed class ChannelsAwaitingApprovalFixture : SocialServersFixture
{
    protected override bool ApprovesChannels => false;

    protected override void Configure(Dictionary<string, string?> settings) =>
        settings["CrisisComms:Dispatch:IntranetLead"] = "00:10:00";
}

/// <summary>
/// An official account is posted to only after an admin's formal approval (contract section 7). Each
/// test works on a channel of its own: the state is the server's, shared by every test here.
/// </summary>
public sealed class ChannelApprovalTests(ChannelsAwaitingApprovalFixture f) : IClassFixture<ChannelsAwaitingApprovalFixture>
{
    [Fact]
    public async Task APostToAChannelNeverApprovedIsSkippedUntilAnAdminApprovesIt()
    {
        var marker = Marker();
        var before = await PublishAndReleaseAsync(marker, "mastodon");
        var skipped = (await f.WaitForSocialStagesAsync(before)).Stage("social:mastodon");
        Assert.Equal("skipped", skipped["state"]!.GetValue<string>());
        Assert.Contains("awaits formal approval", skipped["error"]!.GetValue<string>());
        Assert.Empty(SocialServersFixture.PostsWith(f.Mastodon, marker));
        Assert.Equal("awaitingApproval", (await ChannelAsync("mastodon"))["state"]!.GetValue<string>());

        var approved = (await f.Admin.ApproveChannelAsync("mastodon", "Beslut KS 2026-11-30 §12")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal("approved", approved.Json!["state"]!.GetValue<string>());

        var after = await PublishAndReleaseAsync(marker, "mastodon");
        var done = (await f.WaitForSocialStagesAsync(after)).Stage("social:mastodon");
        Assert.Equal("done", done["state"]!.GetValue<string>());
        Assert.Single(SocialServersFixture.PostsWith(f.Mastodon, marker));
        var channel = await ChannelAsync("mastodon");
        Assert.Equal("approved", channel["state"]!.GetValue<string>());
        Assert.Equal("ada", channel["changedBy"]!.GetValue<string>());
        Assert.Equal("Beslut KS 2026-11-30 §12", channel["reason"]!.GetValue<string>());

        var audit = (await f.Admin.SendAsync(HttpMethod.Get, "/api/v1/audit?actor=ada")).ShouldBe(HttpStatusCode.OK).Json!.AsArray();
        var entry = Assert.Single(audit, a => a!["action"]!.GetValue<string>() == "channel.approved")!;
        Assert.Equal("Beslut KS 2026-11-30 §12", entry["reason"]!.GetValue<string>());
        Assert.Equal("mastodon state before: awaitingApproval; after: approved", entry["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task AChannelSuspendedAfterTheNoticeWasApprovedIsNotPostedToUntilApprovedAgain()
    {
        var marker = Marker();
        (await f.Admin.ApproveChannelAsync("x")).ShouldBe(HttpStatusCode.OK);
        var id = await f.PublishAsync(SampleNotices.Water(headline: $"Koka vattnet i Ryd {marker}", channels: ["x"]));
        // Approved while the channel was: suspended before its post falls due, the post is not made.
        var suspended = (await f.Admin.SuspendChannelAsync("x", "Kontot kapat, lösenordet byts")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal("suspended", suspended.Json!["state"]!.GetValue<string>());
        (await f.Approver.ReleaseNextAsync(id)).ShouldBe(HttpStatusCode.OK);

        var stage = (await f.WaitForSocialStagesAsync(id)).Stage("social:x");
        Assert.Equal("skipped", stage["state"]!.GetValue<string>());
        Assert.Equal("The channel 'x' is suspended: Kontot kapat, lösenordet byts", stage["error"]!.GetValue<string>());
        Assert.Empty(SocialServersFixture.PostsWith(f.X, marker));

        (await f.Admin.ApproveChannelAsync("x", "Nytt lösenord, kontot säkrat")).ShouldBe(HttpStatusCode.OK);
        var again = await PublishAndReleaseAsync(marker, "x");
        Assert.Equal("done", (await f.WaitForSocialStagesAsync(again)).Stage("social:x")["state"]!.GetValue<string>());
        Assert.Single(SocialServersFixture.PostsWith(f.X, marker));
    }

    [Fact]
    public async Task OnlyAnAdminApprovesOnlyAConfiguredChannelAndAlwaysWithAReason()
    {
        (await f.Approver.ApproveChannelAsync("facebook")).ShouldBe(HttpStatusCode.Forbidden);
        (await f.Author.SuspendChannelAsync("facebook", "Nej")).ShouldBe(HttpStatusCode.Forbidden);
        (await f.Admin.ApproveChannelAsync("myspace")).ShouldBe(HttpStatusCode.NotFound);
        foreach (var reason in new[] { null, "", "   " })
        {
            var refused = (await f.Admin.ApproveChannelAsync("facebook", reason)).ShouldBe(HttpStatusCode.BadRequest);
            Assert.NotNull(refused.Json!["errors"]!["reason"]);
        }
        var noBody = (await f.Admin.SendAsync(HttpMethod.Post, "/api/v1/channels/facebook/suspend")).ShouldBe(HttpStatusCode.BadRequest);
        Assert.NotNull(noBody.Json!["errors"]!["reason"]);

        // Refused calls change nothing stored.
        var facebook = await ChannelAsync("facebook");
        Assert.Equal("awaitingApproval", facebook["state"]!.GetValue<string>());
        Assert.Null(facebook["changedBy"]);
        var audit = (await f.Admin.SendAsync(HttpMethod.Get, "/api/v1/audit?limit=1000")).ShouldBe(HttpStatusCode.OK).Json!.AsArray();
        Assert.DoesNotContain(audit, a => a!["detail"]?.GetValue<string>().StartsWith("facebook ", StringComparison.Ordinal) == true);
    }

    private async Task<string> PublishAndReleaseAsync(string marker, string channel)
    {
        var id = await f.PublishAsync(SampleNotices.Water(headline: $"Koka vattnet i Ryd {marker} {Marker()}", channels: [channel]));
        (await f.Approver.ReleaseNextAsync(id)).ShouldBe(HttpStatusCode.OK);
        return id;
    }

    private async Task<JsonNode> ChannelAsync(string name)
    {
        var channels = (await f.Author.SendAsync(HttpMethod.Get, "/api/v1/channels")).ShouldBe(HttpStatusCode.OK);
        return channels.Json!.AsArray().Single(c => c!["name"]!.GetValue<string>() == name)!;
    }

    private static string Marker() => Guid.NewGuid().ToString("N")[..8];
}
