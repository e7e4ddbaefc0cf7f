using CrisisComms.Testing.Client;
using Microsoft.Playwright;

namespace CrisisComms.Browser.Tests;

/// <summary>The console under its own strict policy, and the widget under another site's: nothing blocked, nothing missing.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ContentSecurityPolicyTests(BrowserFixture f)
{
    [Fact]
    public async Task TheConsoleComposesApprovesAndFollowsUnderItsPolicyWithNothingBlocked()
    {
        var author = await ConsolePages.SignInAsync(f, Accounts.Author);
        await ConsolePages.ApplyTemplateAsync(author, "Dricksvatten: koka vattnet");
        await author.GetByRole(AriaRole.Textbox, new() { Name = "Rubrik" }).FillAsync("Koka vattnet i Berga");
        await author.Locator(".preview").GetByText("Koka vattnet i Berga").First.WaitForAsync();
        var id = await ConsolePages.SubmitAsync(author);

        var approver = await ConsolePages.SignInAsync(f, Accounts.Approver, "/console/#/queue");
        var card = ConsolePages.QueueCard(approver, id);
        await card.GetByRole(AriaRole.Heading, new() { Name = "Koka vattnet i Berga" }).WaitForAsync();
        await card.GetByRole(AriaRole.Button, new() { Name = "Godkänn och publicera" }).ClickAsync();
        await ConsolePages.ConfirmApprovalAsync(approver);
        await approver.WaitForFunctionAsync("() => /^#\\/notice\\/[0-9a-f]+$/.test(location.hash)");
        await approver.Locator("[data-stage=\"intranet\"][data-state=\"done\"]").WaitForAsync();
        // The incident view follows the notice over /hubs/notices: the WebSocket is allowed too.
        await approver.Locator("#poll-status").GetByText("Följs direkt").WaitForAsync();

        Assert.Empty(await CspViolations.OnAsync(author));
        Assert.Empty(await CspViolations.OnAsync(approver));
        await CspViolations.AssertEnforcedAsync(author);
        await CspViolations.AssertEnforcedAsync(approver);
    }

    [Fact]
    public async Task OnAnotherSitesStrictPolicyTheWidgetShowsTheBannerInItsColours()
    {
        await using var host = StrictHostPage.Start(f.Address);
        var page = await f.NewPageAsync();
        await page.GotoAsync(host.Address.ToString());
        await DemoPages.WaitForLiveAsync(page);

        var id = await f.PublishAsync(SampleNotices.Water(headline: "Koka vattnet i Grannkommunen"));
        var banner = DemoPages.Banner(page, id);
        await banner.Locator(".ccb-headline").GetByText("Koka vattnet i Grannkommunen").WaitForAsync();

        // Critical: the widget's own red (THEME.critical in src/CrisisComms.Widget/src/styles.js), white text.
        Assert.Equal("rgb(161, 22, 27)", await banner.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor"));
        Assert.Equal("rgb(255, 255, 255)", await banner.EvaluateAsync<string>("e => getComputedStyle(e).color"));
        Assert.Empty(await CspViolations.OnAsync(page));
        await CspViolations.AssertEnforcedAsync(page);
    }
}
