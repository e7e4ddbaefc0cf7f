using System.Net;
using CrisisComms.Testing.Client;
using Microsoft.AspNetCore.SignalR.Client;

namespace CrisisComms.Server.Tests;

/// <summary>Staff see banners and nothing else; admin manages but neither writes nor approves; each caller is told what it may do.</summary>
[Collection(CrisisServerCollection.Name)]
public sealed class LeastPrivilegeTests(CrisisServerFixture f)
{
    private static string[] ActionsOf(ApiResponse notice) => [.. notice.Json!["actions"]!.AsArray().Select(a => a!.GetValue<string>())];

    [Fact]
    public async Task StaffCannotReadNoticesChannelsOrFollowTheQueue()
    {
        var id = await f.Author.DraftAndSubmitAsync(SampleNotices.Water());
        (await f.Staff.SendAsync(HttpMethod.Get, "/api/v1/notices")).ShouldBe(HttpStatusCode.Forbidden);
        (await f.Staff.SendAsync(HttpMethod.Get, "/api/v1/notices?state=pendingApproval")).ShouldBe(HttpStatusCode.Forbidden);
        (await f.Staff.GetAsync(id)).ShouldBe(HttpStatusCode.Forbidden);
        (await f.Staff.SendAsync(HttpMethod.Get, "/api/v1/channels")).ShouldBe(HttpStatusCode.Forbidden);

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => NoticeFollower.ConnectToApprovalQueueAsync(f.Address, f.Staff.Token));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        (await f.Staff.SendAsync(HttpMethod.Get, "/api/v1/banners?audience=intranet")).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task AnAdminAloneCannotCreateApproveOrReadNoticesButReadsTheAudit()
    {
        (await f.Admin.CreateAsync(SampleNotices.Water())).ShouldBe(HttpStatusCode.Forbidden);
        var id = await f.Author.DraftAndSubmitAsync(SampleNotices.Water());
        (await f.Admin.ApproveAsync(id)).ShouldBe(HttpStatusCode.Forbidden);
        (await f.Admin.GetAsync(id)).ShouldBe(HttpStatusCode.Forbidden);
        Assert.Equal("pendingApproval", (await f.Author.GetAsync(id)).State);
        (await f.Admin.AuditAsync(id)).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task EachOfficerIsToldWhatTheyMayDoWithANotice()
    {
        var created = (await f.Author.CreateAsync(SampleNotices.Water())).ShouldBe(HttpStatusCode.Created);
        Assert.Equal(["edit", "submit"], ActionsOf(created));
        Assert.Equal(["edit", "submit", "withdraw"], ActionsOf(await f.Approver.GetAsync(created.Id)));

        var pending = (await f.Author.SubmitAsync(created.Id)).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(["retractSubmission"], ActionsOf(pending)); // the submitter may take it back, nothing more
        Assert.Equal(["approve", "reject", "withdraw"], ActionsOf(await f.Approver.GetAsync(created.Id)));
        Assert.Equal(["approve", "reject", "withdraw"], ActionsOf(await f.Director.GetAsync(created.Id)));
        var listed = (await f.Approver.SendAsync(HttpMethod.Get, "/api/v1/notices?state=pendingApproval")).Json!.AsArray()
            .Single(n => n!["id"]!.GetValue<string>() == created.Id)!;
        Assert.Equal(["approve", "reject", "withdraw"], listed["actions"]!.AsArray().Select(a => a!.GetValue<string>()));

        var live = (await f.Approver.ApproveAsync(created.Id)).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(["releaseNext", "withdraw", "update", "allClear"], ActionsOf(live));
        Assert.Equal(["update", "allClear"], ActionsOf(await f.Author.GetAsync(created.Id)));
    }
}
