using Microsoft.Playwright;

namespace CrisisComms.Browser.Tests;

/// <summary>Issue 12, item 5: an officer on a 390 × 844 phone reaches the preview and the approval at once.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PhoneTests(BrowserFixture f)
{
    private const int ScreenHeight = 844;

    private static async Task<bool> InViewAsync(ILocator element)
    {
        var box = await element.BoundingBoxAsync();
        return box is not null && box.Y >= 0 && box.Y + box.Height <= ScreenHeight;
    }

    [Fact]
    public async Task TheHeaderIsCompactAndThePreviewIsOneTapAway()
    {
        var author = await ConsolePages.SignInAsync(f, Accounts.Author, "/console/#/compose/new", Device.Phone);
        await ConsolePages.ApplyTemplateAsync(author, "Storm");
        var header = await author.Locator("header.bar").BoundingBoxAsync();
        Assert.True(header!.Height <= 130, $"The header takes {header.Height} of {ScreenHeight} px");

        await author.EvaluateAsync("() => window.scrollTo(0, 0)");
        var preview = author.GetByRole(AriaRole.Heading, new() { Name = "Förhandsvisning", Exact = true });
        Assert.False(await InViewAsync(preview));
        await author.GetByRole(AriaRole.Button, new() { Name = "Visa förhandsvisningen" }).TapAsync();
        await author.WaitForFunctionAsync("() => document.activeElement && document.activeElement.id === 'preview-title'");
        Assert.True(await InViewAsync(preview), "The preview is not on the screen after one tap");
    }

    [Fact]
    public async Task TheApproveButtonIsInReachWithoutScrollingPastTheNotice()
    {
        var id = await f.Author.DraftAndSubmitAsync(CrisisComms.Testing.Client.SampleNotices.Water(headline: "Godkänns från en mobil"));
        var approver = await ConsolePages.SignInAsync(f, Accounts.Approver, "/console/#/queue", Device.Phone);
        var card = ConsolePages.QueueCard(approver, id);
        await card.WaitForAsync();
        await card.GetByRole(AriaRole.Heading, new() { Name = "Godkänns från en mobil" }).ScrollIntoViewIfNeededAsync();
        await card.GetByRole(AriaRole.Heading, new() { Name = "Godkänns från en mobil" }).EvaluateAsync("h => h.scrollIntoView({ block: 'start' })");

        var approve = card.GetByRole(AriaRole.Button, new() { Name = "Godkänn och publicera" });
        Assert.True(await InViewAsync(approve), "The approve button is below the screen");
        await approve.TapAsync();
        await ConsolePages.ConfirmApprovalAsync(approver);
        // Approved, the console opens the notice's own page.
        await approver.WaitForFunctionAsync("() => /^#\\/notice\\/[0-9a-f]+$/.test(location.hash)");
        Assert.Equal("live", (await f.Author.GetAsync(id)).State);
        (await f.Approver.WithdrawAsync(id, "Test klart")).ShouldBe(System.Net.HttpStatusCode.OK);
    }
}
