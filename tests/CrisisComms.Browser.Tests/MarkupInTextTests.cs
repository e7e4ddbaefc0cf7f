using CrisisComms.Testing.Client;
using Microsoft.Playwright;

namespace CrisisComms.Browser.Tests;

/// <summary>Show 2: text from a notice is text everywhere it is shown; it never becomes markup.</summary>
[Collection(BrowserCollection.Name)]
public sealed class MarkupInTextTests(BrowserFixture f)
{
    private const string Markup = "<img src=x onerror=alert(1)>";

    [Fact]
    public async Task AHeadlineOfMarkupShowsAsThoseCharactersAndRunsNothing()
    {
        var pages = new List<IPage>();
        var dialogs = new List<string>();
        async Task<IPage> Watch(Task<IPage> opening)
        {
            var page = await opening;
            page.Dialog += (_, dialog) =>
            {
                lock (dialogs) dialogs.Add($"{page.Url}: {dialog.Message}");
                _ = dialog.DismissAsync();
            };
            pages.Add(page);
            return page;
        }

        var publicPage = await Watch(DemoPages.OpenPublicAsync(f));
        var intranetPage = await Watch(DemoPages.OpenIntranetAsync(f));
        var id = await f.PublishAsync(SampleNotices.Water(headline: Markup));

        foreach (var page in new[] { publicPage, intranetPage })
        {
            var banner = DemoPages.Banner(page, id);
            await banner.WaitForAsync();
            Assert.Equal(Markup, await banner.Locator(".ccb-headline").TextContentAsync());
        }

        // The console shows it in the incident view, the notice list and the compose preview.
        var approver = await Watch(ConsolePages.SignInAsync(f, Accounts.Approver, $"/console/#/notice/{id}"));
        await approver.Locator("[data-stage=\"public\"][data-state=\"done\"]").WaitForAsync();
        Assert.Equal(Markup, await approver.Locator("h1").TextContentAsync());
        await approver.GetByRole(AriaRole.Link, new() { Name = "Alla meddelanden" }).ClickAsync();
        await approver.GetByRole(AriaRole.Link, new() { Name = Markup, Exact = true }).First.WaitForAsync();

        var author = await Watch(ConsolePages.SignInAsync(f, Accounts.Author));
        await author.GetByRole(AriaRole.Textbox, new() { Name = "Rubrik" }).FillAsync(Markup);
        await author.Locator(".preview").GetByText(Markup).First.WaitForAsync();

        // No page has an image at all, so no onerror could ever run; and none tried to open a dialog.
        foreach (var page in pages) Assert.Equal(0, await page.Locator("img").CountAsync());
        Assert.Empty(dialogs);
    }
}
