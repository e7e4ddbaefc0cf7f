using System.Net;
using CrisisComms.Testing.Client;

namespace CrisisComms.Server.Tests;

/// <summary>Updates, the all-clear, withdrawal and expiry follow the incident to its end.</summary>
[Collection(CrisisServerCollection.Name)]
public sealed class LifecycleTests(CrisisServerFixture f)
{
    [Fact]
    public async Task AnUpdateReplacesTheBannerWithTheNextVersionOfTheSameIncident()
    {
        await using var publicSite = await BannerListener.ConnectAsync(f.Address, "public");
        var first = await f.PublishAsync(SampleNotices.Water());
        (await f.Approver.ReleaseNextAsync(first)).ShouldBe(HttpStatusCode.OK);
        await publicSite.WaitForBannerAsync(first);

        var update = (await f.Author.UpdateAsync(first, SampleNotices.Water(headline: "Vattnet är drickbart i Skäggetorp")))
            .ShouldBe(HttpStatusCode.Created);
        Assert.Equal("update", update.Json!["kind"]!.GetValue<string>());
        Assert.Equal(2, update.Json["version"]!.GetValue<int>());
        Assert.Equal(first, update.Json["incidentId"]!.GetValue<string>());
        (await f.Author.SubmitAsync(update.Id)).ShouldBe(HttpStatusCode.OK);
        (await f.Approver.ApproveAsync(update.Id)).ShouldBe(HttpStatusCode.OK);
        (await f.Approver.ReleaseNextAsync(update.Id)).ShouldBe(HttpStatusCode.OK);

        var replaced = await publicSite.WaitForAsync(s => BannerListener.Shows(s, update.Id) && !BannerListener.Shows(s, first));
        var banner = replaced.Snapshot["banners"]!.AsArray().Single(b => b!["incidentId"]!.GetValue<string>() == first)!;
        Assert.Equal(2, banner["version"]!.GetValue<int>());
        Assert.Equal("superseded", (await f.Author.GetAsync(first)).State);
    }

    [Fact]
    public async Task AnAllClearShowsForItsTimeAndThenTheIncidentCloses()
    {
        await using var intranet = await BannerListener.ConnectAsync(f.Address, "intranet", token: f.Staff.Token);
        var alert = await f.PublishAsync(SampleNotices.Water(audience: "staff"));
        await intranet.WaitForBannerAsync(alert);

        var allClear = (await f.Author.AllClearAsync(alert, SampleNotices.Water(audience: "staff", headline: "Faran över: vattnet är drickbart")))
            .ShouldBe(HttpStatusCode.Created);
        Assert.Equal("allClear", allClear.Json!["kind"]!.GetValue<string>());
        (await f.Author.SubmitAsync(allClear.Id)).ShouldBe(HttpStatusCode.OK);
        (await f.Approver.ApproveAsync(allClear.Id)).ShouldBe(HttpStatusCode.OK);

        var shown = await intranet.WaitForAsync(s => BannerListener.Shows(s, allClear.Id) && !BannerListener.Shows(s, alert));
        var gone = await intranet.WaitForAsync(s => !BannerListener.Shows(s, allClear.Id) && !BannerListener.Shows(s, alert)
            && s["revision"]!.GetValue<long>() > shown.Snapshot["revision"]!.GetValue<long>(), TimeSpan.FromSeconds(20));
        Assert.True(gone.At - shown.At >= CrisisServerFixture.AllClearVisibleFor - TimeSpan.FromMilliseconds(200));
        Assert.Equal("closed", (await f.Author.GetAsync(allClear.Id)).State);
        (await f.Author.UpdateAsync(alert, SampleNotices.Water(audience: "staff"))).ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task WithdrawalRemovesTheBannerFromEveryAudienceAtOnce()
    {
        await using var intranet = await BannerListener.ConnectAsync(f.Address, "intranet", token: f.Staff.Token);
        await using var publicSite = await BannerListener.ConnectAsync(f.Address, "public");
        var id = await f.PublishAsync(SampleNotices.Water());
        (await f.Approver.ReleaseNextAsync(id)).ShouldBe(HttpStatusCode.OK);
        await publicSite.WaitForBannerAsync(id);
        await intranet.WaitForBannerAsync(id);

        var withdrawn = (await f.SecondApprover.WithdrawAsync(id, "Sent by mistake")).ShouldBe(HttpStatusCode.OK);

        Assert.Equal("withdrawn", withdrawn.State);
        await intranet.WaitForGoneAsync(id, TimeSpan.FromSeconds(5));
        await publicSite.WaitForGoneAsync(id, TimeSpan.FromSeconds(5));
        using var http = new HttpClient { BaseAddress = f.Address };
        Assert.DoesNotContain(id, await http.GetStringAsync("/api/v1/banners?audience=public"));
        (await f.SecondApprover.WithdrawAsync(id, "again")).ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task WithdrawalBeforeThePublicStageCancelsIt()
    {
        var id = await f.PublishAsync(SampleNotices.Water());
        var withdrawn = (await f.Approver.WithdrawAsync(id, "Wrong area")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal("cancelled", withdrawn.Stage("public")["state"]!.GetValue<string>());
        await Task.Delay(CrisisServerFixture.IntranetLead + TimeSpan.FromSeconds(1)); // past the public stage's due time
        Assert.Equal("cancelled", (await f.Author.GetAsync(id)).Stage("public")["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnExpiredNoticeDisappearsAtItsExpiry()
    {
        await using var intranet = await BannerListener.ConnectAsync(f.Address, "intranet", token: f.Staff.Token);
        var expiresAt = DateTimeOffset.UtcNow.AddSeconds(4);
        var id = await f.PublishAsync(SampleNotices.Water(audience: "staff", expiresAt: expiresAt));
        await intranet.WaitForBannerAsync(id);

        var gone = await intranet.WaitForGoneAsync(id, TimeSpan.FromSeconds(15));

        Assert.True(gone.At >= expiresAt - TimeSpan.FromMilliseconds(100), $"gone at {gone.At:O}, before the expiry {expiresAt:O}");
        Assert.Equal("expired", (await f.Author.GetAsync(id)).State);
    }
}
