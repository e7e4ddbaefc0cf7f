using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace CrisisComms.Browser.Tests;

/// <summary>What a person does on the demo pages: open them, sign in on the intranet, wait for the widget.</summary>
public static class DemoPages
{
    public const string LiveWidget = ".ccb-root[data-ccb-status=\"live\"]";

    public static async Task<IPage> OpenPublicAsync(BrowserFixture f)
    {
        var page = await f.NewPageAsync();
        await page.GotoAsync("/demo/public");
        await WaitForLiveAsync(page);
        return page;
    }

    /// <summary>The intranet demo asks for a sign-in, then loads the widget with the token.</summary>
    public static async Task<IPage> OpenIntranetAsync(BrowserFixture f, string account = Accounts.Staff)
    {
        var page = await f.NewPageAsync();
        await page.GotoAsync("/demo/intranet");
        await page.GetByLabel("Användarnamn").FillAsync(account);
        await page.GetByLabel("Lösenord").FillAsync(BrowserFixture.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga in", Exact = true }).ClickAsync();
        await WaitForLiveAsync(page);
        Assert.Equal(1, await page.Locator("#crisis-banner-slot .ccb-root").CountAsync());
        return page;
    }

    /// <summary>The widget's container is empty (and so not visible) while no banner shows: wait for it to exist.</summary>
    public static Task WaitForLiveAsync(IPage page, float timeoutMs = 30_000) =>
        page.WaitForSelectorAsync(LiveWidget, new() { State = WaitForSelectorState.Attached, Timeout = timeoutMs });

    public static ILocator Banner(IPage page, string noticeId) => page.Locator(BannerClock.Selector(noticeId));
}

/// <summary>What an officer does in the console, through its labels and roles as a person would.</summary>
public static partial class ConsolePages
{
    public static async Task<IPage> SignInAsync(BrowserFixture f, string account, string path = "/console/", Device? device = null)
    {
        var page = await f.NewPageAsync(device);
        await page.GotoAsync(path);
        await page.GetByLabel("Användarnamn").FillAsync(account);
        await page.GetByLabel("Lösenord").FillAsync(BrowserFixture.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga in", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga ut" }).WaitForAsync();
        return page;
    }

    public static async Task ApplyTemplateAsync(IPage page, string templateName)
    {
        await page.GetByLabel("Mall", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = templateName });
        await page.GetByRole(AriaRole.Button, new() { Name = "Fyll i från mallen" }).ClickAsync();
    }

    /// <summary>Submits the form for approval and returns the notice's id from the view the console opens.</summary>
    public static async Task<string> SubmitAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Skicka för godkännande" }).ClickAsync();
        // The console opens the notice's view once it is submitted, or shows what is wrong.
        await page.WaitForFunctionAsync("() => location.hash.startsWith('#/notice/') || document.getElementById('error-summary')");
        var problem = page.Locator("#error-summary");
        if (await problem.CountAsync() > 0) throw new Xunit.Sdk.XunitException($"The console did not submit: {await problem.TextContentAsync()}");
        await page.GetByText("Väntar på godkännande").First.WaitForAsync();
        return NoticeUrl().Match(page.Url).Groups[1].Value;
    }

    public static ILocator QueueCard(IPage page, string noticeId) => page.Locator($"article[data-notice-id=\"{noticeId}\"]");

    /// <summary>The one question approving asks, naming where the notice will go.</summary>
    public static ILocator ApprovalDialog(IPage page) => page.GetByRole(AriaRole.Dialog, new() { Name = "Godkänna och publicera?" });

    public static Task ConfirmApprovalAsync(IPage page) =>
        ApprovalDialog(page).GetByRole(AriaRole.Button, new() { Name = "Ja, godkänn och publicera" }).ClickAsync();

    [GeneratedRegex("#/notice/([0-9a-f]+)$")]
    public static partial Regex NoticeUrl();
}
