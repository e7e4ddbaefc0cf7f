using System.Net;
using CrisisComms.Testing.Fakes;

namespace CrisisComms.Server.Tests.Import;

public sealed class VmaImportTests(VmaServerFixture fixture) : IClassFixture<VmaServerFixture>
{
    private static string Event(string marker) => $"Viktigt meddelande till allmänheten (VMA) {marker}";

    [Fact]
    public async Task AListedVmaIsShownAtOnceOnBothAudiencesWithoutApprovalAndLeavesWhenNoLongerListed()
    {
        var title = Event("Tannefors");
        fixture.Vma.Put(FakeVmaApi.Alert("SRVMA-T-1", @event: title));

        foreach (var audience in new[] { "intranet", "public" })
        {
            var banners = await fixture.WaitForBannersAsync(audience, b => VmaServerFixture.VmaBanner(b, title) is not null, timeout: TimeSpan.FromSeconds(10));
            var vma = VmaServerFixture.VmaBanner(banners, title)!;
            Assert.Equal("critical", vma["severity"]!.GetValue<string>());
            Assert.Equal("Länsstyrelsen Östergötland", vma["sender"]!.GetValue<string>());
            Assert.Equal("Important public announcement (VMA) in Linköping", vma["content"]!["en"]!["headline"]!.GetValue<string>());
        }

        fixture.Vma.Remove("SRVMA-T-1");
        await fixture.WaitForBannersAsync("public", b => VmaServerFixture.VmaBanner(b, title) is null);
        await fixture.WaitForBannersAsync("intranet", b => VmaServerFixture.VmaBanner(b, title) is null);
    }

    [Fact]
    public async Task ACancelTakesTheVmaDownAndBothAreInTheAuditLog()
    {
        var title = Event("Ryd");
        fixture.Vma.Put(FakeVmaApi.Alert("SRVMA-C-1", @event: title));
        var shown = await fixture.WaitForBannersAsync("public", b => VmaServerFixture.VmaBanner(b, title) is not null);
        var id = VmaServerFixture.VmaBanner(shown, title)!["id"]!.GetValue<string>();

        fixture.Vma.Put(FakeVmaApi.Alert("SRVMA-C-2", msgType: "Cancel",
            references: "https://vmaapi.sr.se,SRVMA-C-1,2026-12-03T10:00:00+01:00", @event: title));
        await fixture.WaitForBannersAsync("public", b => VmaServerFixture.VmaBanner(b, title) is null);
        await fixture.WaitForBannersAsync("intranet", b => VmaServerFixture.VmaBanner(b, title) is null);

        var audit = (await fixture.Approver.AuditAsync(id)).ShouldBe(HttpStatusCode.OK).Json!.AsArray();
        var actions = audit.Select(e => e!["action"]!.GetValue<string>()).ToList();
        Assert.Equal(["vma.removed", "vma.imported"], actions);
        Assert.Equal("cancelled", audit[0]!["reason"]!.GetValue<string>());
        fixture.Vma.Remove("SRVMA-C-2");
    }

    [Fact]
    public async Task ATestVmaIsShownOnlyInTestMode()
    {
        var title = Event("Provlarm");
        fixture.Vma.Put(FakeVmaApi.Alert("SRVMA-TEST-1", status: "Test", @event: title));
        await fixture.WaitForBannersAsync("public", b => VmaServerFixture.VmaBanner(b, title) is not null, mode: "test");
        await fixture.Vma.WaitForPollsAsync(4);
        Assert.Null(VmaServerFixture.VmaBanner(await fixture.BannersAsync("public"), title));
        Assert.Null(VmaServerFixture.VmaBanner(await fixture.BannersAsync("intranet"), title));
        Assert.Null(VmaServerFixture.VmaBanner(await fixture.BannersAsync("public", "exercise"), title));
        fixture.Vma.Remove("SRVMA-TEST-1");
    }

    [Fact]
    public async Task AnOutageKeepsAShownVmaAndMakesTheServiceDegradedNotUnready()
    {
        var title = Event("Berga");
        fixture.Vma.Put(FakeVmaApi.Alert("SRVMA-O-1", @event: title));
        await fixture.WaitForBannersAsync("public", b => VmaServerFixture.VmaBanner(b, title) is not null);

        fixture.Vma.Down = true;
        try
        {
            fixture.Vma.Remove("SRVMA-O-1"); // even a list without it must not count while the API is down
            await fixture.Vma.WaitForPollsAsync(6);
            using var http = new HttpClient { BaseAddress = fixture.Server.BaseAddress };
            using var ready = await http.GetAsync("/health/ready");
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            Assert.Equal("Degraded", await ready.Content.ReadAsStringAsync());
            Assert.NotNull(VmaServerFixture.VmaBanner(await fixture.BannersAsync("public"), title));
            Assert.NotNull(VmaServerFixture.VmaBanner(await fixture.BannersAsync("intranet"), title));
            Assert.Contains("Could not read the VMA API", fixture.Server.Log);
        }
        finally
        {
            fixture.Vma.Down = false;
        }
        await fixture.WaitForBannersAsync("public", b => VmaServerFixture.VmaBanner(b, title) is null, timeout: TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task AVmaIsShownAboveOurOwnCriticalNotice()
    {
        var title = Event("Skäggetorp");
        fixture.Vma.Put(FakeVmaApi.Alert("SRVMA-ORDER-1", @event: title));
        await fixture.WaitForBannersAsync("public", b => VmaServerFixture.VmaBanner(b, title) is not null);
        // Ours is as severe and newer: only the VMA rule puts the VMA first.
        var own = await fixture.Author.DraftAndSubmitAsync(Testing.Client.SampleNotices.Water(headline: "Egen kritisk"));
        (await fixture.Approver.ApproveAsync(own)).ShouldBe(HttpStatusCode.OK);
        (await fixture.Approver.ReleaseNextAsync(own)).ShouldBe(HttpStatusCode.OK);
        var banners = await fixture.WaitForBannersAsync("public",
            b => VmaServerFixture.VmaBanner(b, title) is not null && b.Any(x => x!["id"]!.GetValue<string>() == own));
        Assert.Equal("vma", banners[0]!["source"]!.GetValue<string>());
        fixture.Vma.Remove("SRVMA-ORDER-1");
        await fixture.WaitForBannersAsync("public", b => VmaServerFixture.VmaBanner(b, title) is null);
    }
}
