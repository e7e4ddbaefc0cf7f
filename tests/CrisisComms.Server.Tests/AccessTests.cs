using System.Net;
using CrisisComms.Testing.Client;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace CrisisComms.Server.Tests;

/// <summary>Who sees what: staff-only stays inside, exercises stay out of real feeds.</summary>
[Collection(CrisisServerCollection.Name)]
public sealed class AccessTests(CrisisServerFixture f)
{
    [Fact]
    public async Task AnAnonymousClientCannotReadTheIntranet()
    {
        using var http = new HttpClient { BaseAddress = f.Address };
        var response = await http.GetAsync("/api/v1/banners?audience=intranet");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => BannerListener.ConnectAsync(f.Address, "intranet"));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task TheIntranetSnapshotIsPrivateAndNeedsAnyRole()
    {
        var response = await f.Staff.Http.GetAsync("/api/v1/banners?audience=intranet");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl!.Private);
        Assert.True(response.Headers.CacheControl.NoStore);
    }

    [Fact]
    public async Task AStaffNoticeNeverReachesThePublic()
    {
        await using var publicSite = await BannerListener.ConnectAsync(f.Address, "public");
        await using var intranet = await BannerListener.ConnectAsync(f.Address, "intranet", token: f.Staff.Token);
        var staffOnly = await f.PublishAsync(SampleNotices.Water(audience: "staff"));
        await intranet.WaitForBannerAsync(staffOnly);

        // A later notice for everyone is a barrier: once the public sees it, it has seen everything before it.
        var barrier = await f.PublishAsync(SampleNotices.Water());
        (await f.Approver.ReleaseNextAsync(barrier)).ShouldBe(HttpStatusCode.OK);
        await publicSite.WaitForBannerAsync(barrier);

        Assert.DoesNotContain(publicSite.Received, r => BannerListener.Shows(r.Snapshot, staffOnly));
        var notice = (await f.Author.GetAsync(staffOnly)).ShouldBe(HttpStatusCode.OK);
        Assert.Equal("skipped", notice.Stage("public")["state"]!.GetValue<string>());
        (await f.Approver.ReleaseNextAsync(staffOnly)).ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task AnExerciseReachesOnlyClientsThatAskForExercises()
    {
        await using var actual = await BannerListener.ConnectAsync(f.Address, "public");
        await using var exercise = await BannerListener.ConnectAsync(f.Address, "public", mode: "exercise");
        var drill = await f.PublishAsync(SampleNotices.Water(mode: "exercise"));
        (await f.Approver.ReleaseNextAsync(drill)).ShouldBe(HttpStatusCode.OK);
        await exercise.WaitForBannerAsync(drill);
        Assert.Equal("exercise", exercise.Latest!["mode"]!.GetValue<string>());

        var barrier = await f.PublishAsync(SampleNotices.Water());
        (await f.Approver.ReleaseNextAsync(barrier)).ShouldBe(HttpStatusCode.OK);
        await actual.WaitForBannerAsync(barrier);

        Assert.DoesNotContain(actual.Received, r => BannerListener.Shows(r.Snapshot, drill));
        Assert.DoesNotContain(drill, await new HttpClient { BaseAddress = f.Address }.GetStringAsync("/api/v1/banners?audience=public"));
        Assert.Contains(drill, await new HttpClient { BaseAddress = f.Address }.GetStringAsync("/api/v1/banners?audience=public&mode=exercise"));
    }

    [Fact]
    public async Task ClientsCannotInvokeAnythingOnTheHub()
    {
        await using var listener = await BannerListener.ConnectAsync(f.Address, "public");
        await Assert.ThrowsAsync<HubException>(() => listener.Connection.InvokeAsync("OnConnectedAsync"));
        await Assert.ThrowsAsync<HubException>(() => listener.Connection.InvokeAsync("SendBanner", "x"));
    }

    [Fact]
    public async Task AnApproverCannotApproveTheirOwnNoticeButADirectorMayBreakGlass()
    {
        var own = await f.Approver.DraftAndSubmitAsync(SampleNotices.Water());
        (await f.Approver.ApproveAsync(own)).ShouldBe(HttpStatusCode.Forbidden);
        (await f.Approver.ApproveAsync(own, breakGlass: true, reason: "nobody else here")).ShouldBe(HttpStatusCode.Forbidden);

        var directors = await f.Director.DraftAndSubmitAsync(SampleNotices.Water());
        (await f.Director.ApproveAsync(directors)).ShouldBe(HttpStatusCode.Forbidden);
        var noReason = (await f.Director.ApproveAsync(directors, breakGlass: true)).ShouldBe(HttpStatusCode.BadRequest);
        Assert.NotNull(noReason.Json!["errors"]!["reason"]);
        var broken = (await f.Director.ApproveAsync(directors, breakGlass: true, reason: "Night, no second officer reachable"))
            .ShouldBe(HttpStatusCode.OK);
        Assert.True(broken.Json!["breakGlass"]!.GetValue<bool>());

        var audit = (await f.Admin.AuditAsync(directors)).Json!.AsArray();
        Assert.Contains(audit, a => a!["action"]!.GetValue<string>() == "notice.approved.breakGlass"
            && a["reason"]!.GetValue<string>() == "Night, no second officer reachable" && a["actor"]!.GetValue<string>() == "dora");
    }

    [Fact]
    public async Task RolesAreEnforced()
    {
        (await f.Staff.CreateAsync(SampleNotices.Water())).ShouldBe(HttpStatusCode.Forbidden);
        var id = await f.Author.DraftAndSubmitAsync(SampleNotices.Water());
        (await f.Author.WithdrawAsync(id, "no")).ShouldBe(HttpStatusCode.Forbidden);
        (await f.Admin.ApproveAsync(id)).ShouldBe(HttpStatusCode.Forbidden);
        using var anonymous = new HttpClient { BaseAddress = f.Address };
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/v1/notices/{id}")).StatusCode);
    }
}
