using System.Net;
using CrisisComms.Testing.Client;
using Microsoft.Playwright;

namespace CrisisComms.Browser.Tests;

/// <summary>Show 3: a dismissed banner comes back with the next version; a withdrawal takes it down at once.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DismissUpdateWithdrawTests(BrowserFixture f)
{
    [Fact]
    public async Task ADismissedBannerShowsAgainForAnUpdateAndAWithdrawalRemovesItFromBothPagesWithinASecond()
    {
        var publicPage = await DemoPages.OpenPublicAsync(f);
        var intranetPage = await DemoPages.OpenIntranetAsync(f);
        var first = await f.PublishAsync(SampleNotices.Water(headline: "Koka vattnet i Berga"));

        foreach (var page in new[] { publicPage, intranetPage })
        {
            await DemoPages.Banner(page, first).WaitForAsync();
            await page.Locator($"[data-ccb-dismiss=\"{first}@1\"]").ClickAsync();
            await DemoPages.Banner(page, first).WaitForAsync(new() { State = WaitForSelectorState.Detached });
        }

        var update = (await f.Author.UpdateAsync(first, SampleNotices.Water(headline: "Koka vattnet i Berga och Ekholmen")))
            .ShouldBe(HttpStatusCode.Created).Id;
        (await f.Author.SubmitAsync(update)).ShouldBe(HttpStatusCode.OK);
        (await f.Approver.ApproveAsync(update)).ShouldBe(HttpStatusCode.OK);
        (await f.Approver.ReleaseNextAsync(update)).ShouldBe(HttpStatusCode.OK);
        foreach (var page in new[] { publicPage, intranetPage })
        {
            var banner = DemoPages.Banner(page, update);
            await banner.WaitForAsync();
            Assert.Equal("2", await banner.GetAttributeAsync("data-ccb-version"));
            Assert.Equal("Koka vattnet i Berga och Ekholmen", await banner.Locator(".ccb-headline").TextContentAsync());
        }

        // The approver withdraws it in the console, confirming what will happen and why.
        var approver = await ConsolePages.SignInAsync(f, Accounts.Approver, $"/console/#/notice/{update}");
        await approver.GetByRole(AriaRole.Button, new() { Name = "Dra tillbaka" }).ClickAsync();
        var dialog = approver.GetByRole(AriaRole.Dialog, new() { Name = "Dra tillbaka meddelandet?" });
        await dialog.GetByText("tas bort direkt från intranätet och webbplatsen").WaitForAsync();
        await dialog.GetByLabel("Skäl").FillAsync("Fel område: vattnet i Ekholmen är drickbart");
        var withdrawn = await approver.RunAndWaitForResponseAsync(
            () => dialog.GetByRole(AriaRole.Button, new() { Name = "Ja, dra tillbaka" }).ClickAsync(),
            r => r.Url.EndsWith($"/api/v1/notices/{update}/withdraw", StringComparison.Ordinal));
        var answeredAt = DateTimeOffset.UtcNow;
        Assert.Equal(200, withdrawn.Status);

        var goneFromPublic = await BannerClock.GoneAtAsync(publicPage, update, timeoutMs: 5_000);
        var goneFromIntranet = await BannerClock.GoneAtAsync(intranetPage, update, timeoutMs: 5_000);
        Assert.True(goneFromPublic - answeredAt < TimeSpan.FromSeconds(1), $"public page: gone {(goneFromPublic - answeredAt).TotalMilliseconds} ms after the answer");
        Assert.True(goneFromIntranet - answeredAt < TimeSpan.FromSeconds(1), $"intranet page: gone {(goneFromIntranet - answeredAt).TotalMilliseconds} ms after the answer");
        Assert.Equal(0, await publicPage.Locator("[data-ccb-id]").Filter(new() { HasText = "Berga" }).CountAsync());
        await approver.GetByText("Tillbakadraget: Fel område").WaitForAsync();
    }
}
