using System.Net;
using CrisisComms.Testing.Client;
using Microsoft.Playwright;

namespace CrisisComms.Browser.Tests;

/// <summary>The administration page of the social channels: an admin suspends and approves a channel with a reason.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AdminChannelsTests(BrowserFixture f)
{
    [Fact]
    public async Task AnAdminSuspendsAndApprovesAChannelFromThePageWithAReason()
    {
        var admin = await ConsolePages.SignInAsync(f, Accounts.Admin, "/console/#/admin-channels");
        await admin.GetByRole(AriaRole.Heading, new() { Name = "Sociala kanaler", Level = 1 }).WaitForAsync();
        var mastodon = admin.Locator("section[data-channel=\"mastodon\"]");
        await admin.Locator("section[data-channel=\"mastodon\"][data-state=\"approved\"]").WaitForAsync();
        await AccessibilityTests.AssertNoSeriousViolationsAsync(admin, "admin-channels");

        // No reason: nothing is sent, the field says why and has the focus.
        await mastodon.GetByRole(AriaRole.Button, new() { Name = "Stäng av Mastodon" }).ClickAsync();
        var reason = mastodon.GetByLabel("Skäl");
        await mastodon.GetByText("Ange ett skäl.").WaitForAsync();
        Assert.Equal("true", await reason.GetAttributeAsync("aria-invalid"));
        Assert.True(await reason.EvaluateAsync<bool>("e => e === document.activeElement"));
        await AccessibilityTests.AssertNoSeriousViolationsAsync(admin, "admin-channels, with an error");

        await reason.FillAsync("Kontot kapat, lösenordet byts");
        await mastodon.GetByRole(AriaRole.Button, new() { Name = "Stäng av Mastodon" }).ClickAsync();
        await admin.Locator("section[data-channel=\"mastodon\"][data-state=\"suspended\"]").WaitForAsync();
        await admin.Locator("#channels-status", new() { HasText = "Mastodon är avstängd." }).WaitForAsync();

        await mastodon.GetByLabel("Skäl").FillAsync("Nytt lösenord, beslut av systemägarombudet");
        await mastodon.GetByRole(AriaRole.Button, new() { Name = "Godkänn Mastodon igen" }).ClickAsync();
        await admin.Locator("section[data-channel=\"mastodon\"][data-state=\"approved\"]").WaitForAsync();
        await admin.Locator("#channels-status", new() { HasText = "Mastodon är godkänd." }).WaitForAsync();
        await mastodon.GetByText("Nytt lösenord, beslut av systemägarombudet").WaitForAsync();
        Assert.Equal("Godkänd", (await mastodon.Locator(".state").TextContentAsync())?.Trim());
        Assert.True(await mastodon.GetByRole(AriaRole.Heading, new() { Name = "Mastodon" }).EvaluateAsync<bool>("e => e === document.activeElement"));
        await AccessibilityTests.AssertNoSeriousViolationsAsync(admin, "admin-channels, after approving");

        var channels = (await f.Author.SendAsync(HttpMethod.Get, "/api/v1/channels")).ShouldBe(HttpStatusCode.OK);
        var stored = channels.Json!.AsArray().Single(c => c!["name"]!.GetValue<string>() == "mastodon")!;
        Assert.Equal("approved", stored["state"]!.GetValue<string>());
        Assert.Equal("ada", stored["changedBy"]!.GetValue<string>());
        Assert.Equal("Nytt lösenord, beslut av systemägarombudet", stored["reason"]!.GetValue<string>());
    }
}
