using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace CrisisComms.Browser.Tests;

/// <summary>An officer signs in to the console with the organisation's own account (authorization code flow with PKCE).</summary>
public sealed class OrganisationSignInTests(OrganisationSignInFixture f) : IClassFixture<OrganisationSignInFixture>
{
    private const string OrganisationButton = "Logga in med organisationens konto";

    [Fact]
    public async Task AnAuthorSignsInWithTheOrganisationsAccountAndSavesADraft()
    {
        f.Authority.SignsIn("oid-olle-7f3a", "Olle Organisation", "author");
        var page = await f.NewPageAsync();
        await page.GotoAsync("/console/#/notices");
        var button = page.GetByRole(AriaRole.Button, new() { Name = OrganisationButton });
        await button.WaitForAsync();
        await AccessibilityTests.AssertNoSeriousViolationsAsync(page, "sign-in with the organisation's account offered");
        await button.ClickAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Logga ut" }).WaitForAsync();
        Assert.Contains("Olle Organisation", await page.Locator("#who").TextContentAsync());
        Assert.Contains("skribent", await page.Locator("#who").TextContentAsync());
        // Back where the officer started, with the code and state gone from the address.
        Assert.Equal(new Uri(f.Server.BaseAddress, "/console/#/notices").AbsoluteUri, page.Url);

        await page.GetByRole(AriaRole.Link, new() { Name = "Skriv meddelande" }).ClickAsync();
        await ConsolePages.ApplyTemplateAsync(page, "Elavbrott");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara utkast" }).ClickAsync();
        await page.GetByText("Utkastet sparades kl.").WaitForAsync();

        var drafts = await DraftsByAsync("oid-olle-7f3a");
        var draft = Assert.Single(drafts);
        Assert.Equal("Elavbrott i delar av kommunen", draft["content"]!["sv"]!["headline"]!.GetValue<string>());
        Assert.Empty(f.Authority.Refusals);
    }

    [Fact]
    public async Task SigningOutEndsTheSessionAtTheAuthorityTooAndComesBackToTheSignIn()
    {
        // On a shared crisis-room computer the next officer must not be signed in as this one.
        f.Authority.SignsIn("oid-siv-21c9", "Siv Skiftledare", "approver");
        var page = await f.NewPageAsync();
        await page.GotoAsync("/console/");
        await page.GetByRole(AriaRole.Button, new() { Name = OrganisationButton }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga ut" }).ClickAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = OrganisationButton }).WaitForAsync();
        Assert.Contains("oid-siv-21c9", f.Authority.Logouts);
        Assert.Equal(new Uri(f.Server.BaseAddress, "/console/").AbsoluteUri, page.Url);
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Logga ut" }).CountAsync());
        Assert.DoesNotContain(f.Authority.Refusals, r => r.StartsWith("logout", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WhenTheAuthorityRefusesTheConsoleSaysSoAndStaysSignedOut()
    {
        f.Authority.RefusesSignIn();
        var page = await f.NewPageAsync();
        await page.GotoAsync("/console/");
        await page.GetByRole(AriaRole.Button, new() { Name = OrganisationButton }).ClickAsync();

        var alert = page.Locator("#signin-error");
        await alert.GetByText("Organisationens inloggning godkände inte inloggningen").WaitForAsync();
        Assert.Contains("The user may not use this application.", await alert.TextContentAsync());
        Assert.Equal(new Uri(f.Server.BaseAddress, "/console/").AbsoluteUri, page.Url);
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Logga ut" }).CountAsync());
        await page.GetByLabel("Användarnamn").WaitForAsync();
        await Artifacts.ScreenshotAsync(page, "console-organisation-sign-in-refused");
    }

    [Fact]
    public async Task AnAnswerThisTabDidNotAskForIsRefusedBeforeAnyCodeIsTraded()
    {
        f.Authority.SignsIn("oid-mallory", "Mallory", "director");
        var page = await f.NewPageAsync();
        await page.GotoAsync("/console/");
        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with your organisation's account" }).WaitForAsync();
        var refusalsBefore = f.Authority.Refusals.Count;

        // A link someone sent: a code and state from another sign-in.
        await page.GotoAsync("/console/?code=stolen-code&state=someone-elses-state");

        await page.Locator("#signin-error").GetByText("The sign-in could not be verified").WaitForAsync();
        Assert.Equal(new Uri(f.Server.BaseAddress, "/console/").AbsoluteUri, page.Url);
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).CountAsync());
        Assert.Equal(refusalsBefore, f.Authority.Refusals.Count);
    }

    /// <summary>Asked through the API as an approver from the same authority would.</summary>
    private async Task<List<JsonNode>> DraftsByAsync(string subject)
    {
        using var http = f.Server.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            f.Authority.IssueToken("oid-checker", "Kontroll", f.Authority.Audience, "approver"));
        var notices = JsonNode.Parse(await http.GetStringAsync("/api/v1/notices?state=draft"))!.AsArray();
        return [.. notices.Where(n => n!["createdBy"]!.GetValue<string>() == subject).Select(n => n!)];
    }
}
