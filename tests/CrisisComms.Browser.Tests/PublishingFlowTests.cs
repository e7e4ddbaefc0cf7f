using Microsoft.Playwright;

namespace CrisisComms.Browser.Tests;

/// <summary>Show 1: from a template in the console to the banner, the intranet strictly before the public.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PublishingFlowTests(BrowserFixture f)
{
    [Fact]
    public async Task AnAuthorsNoticeApprovedByAnotherOfficerReachesTheOpenIntranetPageBeforeTheOpenPublicPage()
    {
        await f.WithdrawEverythingLiveAsync();
        var publicPage = await DemoPages.OpenPublicAsync(f);
        var intranetPage = await DemoPages.OpenIntranetAsync(f);
        const string mark = "window.__sameDocument = true";
        await publicPage.EvaluateAsync(mark);
        await intranetPage.EvaluateAsync(mark);

        var author = await ConsolePages.SignInAsync(f, Accounts.Author);
        await ConsolePages.ApplyTemplateAsync(author, "Dricksvatten: koka vattnet");
        var headline = author.GetByRole(AriaRole.Textbox, new() { Name = "Rubrik" });
        Assert.Equal("Koka vattnet innan du dricker det", await headline.InputValueAsync());
        await headline.FillAsync("Koka vattnet i Skäggetorp och Ryd");
        await author.GetByLabel("X", new() { Exact = true }).CheckAsync();
        await author.GetByLabel("Mastodon", new() { Exact = true }).CheckAsync();
        await author.Locator(".preview").GetByText("Koka vattnet i Skäggetorp och Ryd").First.WaitForAsync();
        await author.EvaluateAsync("window.scrollTo(0, 0)");
        await author.Mouse.MoveAsync(0, 0);
        await Artifacts.ScreenshotAsync(author, "console-compose", docsName: "console.png");
        var id = await ConsolePages.SubmitAsync(author);

        var approver = await ConsolePages.SignInAsync(f, Accounts.Approver, "/console/#/queue");
        var card = ConsolePages.QueueCard(approver, id);
        await card.GetByRole(AriaRole.Heading, new() { Name = "Koka vattnet i Skäggetorp och Ryd" }).First.WaitForAsync();
        await card.GetByRole(AriaRole.Button, new() { Name = "Godkänn och publicera" }).ClickAsync();
        await ConsolePages.ConfirmApprovalAsync(approver);

        var staffSaw = await BannerClock.ShownAtAsync(intranetPage, id);
        var publicSaw = await BannerClock.ShownAtAsync(publicPage, id, timeoutMs: 30_000);
        Assert.True(staffSaw < publicSaw, $"the intranet page showed it at {staffSaw:HH:mm:ss.fff}, the public page at {publicSaw:HH:mm:ss.fff}");
        Assert.True(publicSaw - staffSaw > BrowserFixture.IntranetLead / 2,
            $"the public page showed it only {(publicSaw - staffSaw).TotalMilliseconds} ms after the intranet page");

        // Neither page was reloaded: each shows it in the one document that was open all along.
        Assert.Equal("Koka vattnet i Skäggetorp och Ryd", await DemoPages.Banner(publicPage, id).Locator(".ccb-headline").TextContentAsync());
        Assert.True(await publicPage.EvaluateAsync<bool>("window.__sameDocument === true"));
        Assert.True(await intranetPage.EvaluateAsync<bool>("window.__sameDocument === true"));

        // The approver's console follows the stages as they happen.
        // The hash itself, not WaitForURL: a same-document navigation has no load event to wait for.
        await approver.WaitForFunctionAsync("() => /^#\\/notice\\/[0-9a-f]+$/.test(location.hash)");
        await approver.Locator("[data-stage=\"public\"][data-state=\"done\"]").WaitForAsync();
        await approver.Locator("[data-stage=\"social:x\"][data-state=\"done\"]").WaitForAsync();
        await approver.Locator("[data-stage=\"social:mastodon\"][data-state=\"done\"]").WaitForAsync();
        await approver.GetByRole(AriaRole.Cell, new() { Name = "godkände", Exact = true }).WaitForAsync();

        await Artifacts.ScreenshotAsync(intranetPage, "demo-intranet", docsName: "intranet.png");
        await Artifacts.ScreenshotAsync(publicPage, "demo-public", docsName: "public.png");
        await Artifacts.ScreenshotAsync(approver, "console-incident", docsName: "console-incident.png", fullPage: true);
        await Artifacts.ScreenshotAsync(author, "console-submitted");
    }
}
