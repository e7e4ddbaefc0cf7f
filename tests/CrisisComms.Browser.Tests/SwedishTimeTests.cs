using Microsoft.Playwright;

namespace CrisisComms.Browser.Tests;

/// <summary>Issue 12, item 1: every time an officer types or reads is Swedish time, whatever the laptop's zone.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SwedishTimeTests(BrowserFixture f)
{
    [Theory]
    [InlineData("UTC", "2027-01-15 18:00", "2027-01-15T17:00:00Z")] // winter: Sweden is UTC+1
    [InlineData("UTC", "2027-07-15 18:00", "2027-07-15T16:00:00Z")] // summer: UTC+2
    [InlineData("America/New_York", "2027-01-15 18:00", "2027-01-15T17:00:00Z")]
    [InlineData("America/New_York", "2027-07-15 18:00", "2027-07-15T16:00:00Z")]
    public async Task AnExpiryTypedOnALaptopInAnotherZoneIsSwedishTime(string zone, string typed, string stored)
    {
        var laptop = new Device("en-US", zone, 1280, 900);
        var author = await ConsolePages.SignInAsync(f, Accounts.Author, "/console/#/compose/new", laptop);
        await ConsolePages.ApplyTemplateAsync(author, "Storm");
        var expiry = author.GetByLabel("Visas till och med");
        Assert.Equal("åååå-mm-dd tt:mm", await expiry.GetAttributeAsync("placeholder"));
        await expiry.FillAsync(typed);
        await author.GetByRole(AriaRole.Button, new() { Name = "Spara utkast" }).ClickAsync();
        await author.GetByText("Utkastet sparades kl.").WaitForAsync();
        var href = await author.GetByRole(AriaRole.Link, new() { Name = "Visa det sparade utkastet" }).GetAttributeAsync("href");
        var id = href!.Split('/')[^1];

        var notice = await f.Author.GetAsync(id);
        Assert.Equal(DateTimeOffset.Parse(stored), DateTimeOffset.Parse(notice.Json!["expiresAt"]!.GetValue<string>()));

        // Read back as it was typed: the date, a 24-hour clock, no seconds, no AM/PM.
        await author.GotoAsync($"/console/#/notice/{id}");
        var facts = author.Locator("dl.facts");
        await facts.GetByText(typed, new() { Exact = true }).First.WaitForAsync();
    }

    [Fact]
    public async Task AnExpiryThatIsNoTimeIsRefusedNextToTheField()
    {
        var author = await ConsolePages.SignInAsync(f, Accounts.Author, "/console/#/compose/new", new Device("en-US", "UTC", 1280, 900));
        await ConsolePages.ApplyTemplateAsync(author, "Storm");
        await author.GetByLabel("Visas till och med").FillAsync("01/15/2027 6:00 PM");
        await author.GetByRole(AriaRole.Button, new() { Name = "Spara utkast" }).ClickAsync();

        await author.Locator("#err-expiresAt").GetByText("åååå-mm-dd tt:mm").WaitForAsync();
        Assert.Equal("true", await author.GetByLabel("Visas till och med").GetAttributeAsync("aria-invalid"));
    }
}
