using System.Net;
using CrisisComms.Testing.Client;

namespace CrisisComms.Server.Tests;

/// <summary>The heart of it: two officers, and the intranet strictly before the public.</summary>
[Collection(CrisisServerCollection.Name)]
public sealed class StagedDispatchTests(CrisisServerFixture f)
{
    [Fact]
    public async Task AnApprovedNoticeReachesTheIntranetFirstAndThePublicAfterTheLead()
    {
        await using var intranet = await BannerListener.ConnectAsync(f.Address, "intranet", token: f.Staff.Token);
        await using var publicSite = await BannerListener.ConnectAsync(f.Address, "public");
        var id = await f.Author.DraftAndSubmitAsync(SampleNotices.Water());

        (await f.Author.ApproveAsync(id)).ShouldBe(HttpStatusCode.Forbidden);
        var approvedAt = DateTimeOffset.UtcNow;
        var approved = (await f.Approver.ApproveAsync(id)).ShouldBe(HttpStatusCode.OK);

        Assert.Equal("live", approved.State);
        Assert.Equal("done", approved.Stage("intranet")["state"]!.GetValue<string>());
        var seenByStaff = await intranet.WaitForBannerAsync(id);
        var seenByPublic = await publicSite.WaitForBannerAsync(id);
        Assert.True(seenByStaff.At < seenByPublic.At, "staff must see the banner before the public does");
        // The public stage is due IntranetLead after approval; allow for clock resolution only.
        Assert.True(seenByPublic.At >= approvedAt + CrisisServerFixture.IntranetLead - TimeSpan.FromMilliseconds(100),
            $"public saw it {seenByPublic.At - approvedAt} after approval, before the lead of {CrisisServerFixture.IntranetLead}");
    }

    [Fact]
    public async Task ThePublicSnapshotCarriesAnETagThatAnswersNotModified()
    {
        var id = await f.PublishAsync(SampleNotices.Water());
        (await f.Approver.ReleaseNextAsync(id)).ShouldBe(HttpStatusCode.OK);
        using var http = new HttpClient { BaseAddress = f.Address };

        // Other tests' stages may move the revision between two requests, so try a few times.
        for (var attempt = 1; ; attempt++)
        {
            using var first = await http.GetAsync("/api/v1/banners?audience=public");
            var etag = first.Headers.ETag;
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            Assert.Contains(id, await first.Content.ReadAsStringAsync());
            Assert.NotNull(etag);
            Assert.True(first.Headers.CacheControl!.Public);
            Assert.True(first.Headers.CacheControl.MaxAge <= TimeSpan.FromSeconds(5));

            using var again = new HttpRequestMessage(HttpMethod.Get, "/api/v1/banners?audience=public");
            again.Headers.IfNoneMatch.Add(etag);
            using var second = await http.SendAsync(again);
            if (second.StatusCode == HttpStatusCode.NotModified) return;
            Assert.Equal(HttpStatusCode.OK, second.StatusCode);
            Assert.NotEqual(etag, second.Headers.ETag);
            Assert.True(attempt < 5, "the same ETag never answered 304");
        }
    }

    [Fact]
    public async Task ReleaseNextRunsThePublicStageAtOnce()
    {
        await using var publicSite = await BannerListener.ConnectAsync(f.Address, "public");
        var id = await f.Author.DraftAndSubmitAsync(SampleNotices.Water());
        await using var slow = await BannerListener.ConnectAsync(f.Address, "intranet", token: f.Staff.Token);
        (await f.Approver.ApproveAsync(id)).ShouldBe(HttpStatusCode.OK);

        var released = (await f.SecondApprover.ReleaseNextAsync(id)).ShouldBe(HttpStatusCode.OK);

        Assert.Equal("done", released.Stage("public")["state"]!.GetValue<string>());
        await publicSite.WaitForBannerAsync(id, TimeSpan.FromSeconds(5));
        (await f.Approver.ReleaseNextAsync(id)).ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task TheAuditLogTellsWhoDidWhat()
    {
        var id = await f.PublishAsync(SampleNotices.Water());

        var audit = (await f.Admin.AuditAsync(id)).ShouldBe(HttpStatusCode.OK).Json!.AsArray();

        var actions = audit.Select(a => (a!["actor"]!.GetValue<string>(), a["action"]!.GetValue<string>())).ToList();
        Assert.Contains(("anna", "notice.created"), actions);
        Assert.Contains(("anna", "notice.submitted"), actions);
        Assert.Contains(("bosse", "notice.approved"), actions);
        Assert.Contains(("system", "stage.done"), actions);
        (await f.Author.AuditAsync(id)).ShouldBe(HttpStatusCode.Forbidden);
    }
}
