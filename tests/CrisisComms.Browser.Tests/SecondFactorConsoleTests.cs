using CrisisComms.Testing.Client;
using CrisisComms.Testing.Server;
using Microsoft.Playwright;

namespace CrisisComms.Browser.Tests;

/// <summary>An approver's first sign-in in the console enrols the phone; from then on the console asks for its code.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SecondFactorConsoleTests(BrowserFixture f)
{
    [Fact]
    public async Task AnApproverEnrolsAtTheFirstSignInAndThenSignsInWithACode()
    {
        await using var server = await ServerProcess.StartAsync(new Dictionary<string, string?> { ["CrisisComms:Auth:RequireSecondFactor"] = "true" });
        await server.AddAccountAsync("vera", BrowserFixture.Password, "approver");
        var page = await Chromium.NewPageAsync(f.Browser, server.BaseAddress);
        await page.GotoAsync("/console/");
        await SignInAsync(page);

        await page.GetByRole(AriaRole.Heading, new() { Name = "Skaffa en andra inloggningsfaktor" }).WaitForAsync();
        Assert.Equal(0, await page.Locator("#nav a").CountAsync()); // nothing else on offer until it is done
        var qr = page.GetByRole(AriaRole.Img, new() { Name = "QR-kod för autentiseringsappen" });
        await qr.WaitForAsync();
        Assert.True(await qr.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "the QR image is shown");
        var secret = (await page.Locator("#enrol-secret").TextContentAsync())!.Replace(" ", "");
        await AccessibilityTests.AssertNoSeriousViolationsAsync(page, "second factor enrolment");

        var step = Authenticator.StepNow();
        await page.GetByLabel("Kod från appen (6 siffror)").FillAsync(Authenticator.CodeOfStep(secret, step));
        await page.GetByRole(AriaRole.Button, new() { Name = "Bekräfta" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Spara dina reservkoder" }).WaitForAsync();
        Assert.Equal(10, await page.Locator(".recovery-codes li").CountAsync());
        Assert.Contains("visas bara nu", await page.GetByRole(AriaRole.Alert).Last.TextContentAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = "Jag har sparat koderna – fortsätt" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Att godkänna" }).WaitForAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Logga ut" }).ClickAsync();
        await SignInAsync(page);
        var code = page.GetByLabel("Kod från autentiseringsappen");
        await code.WaitForAsync();
        Assert.Contains("Fyll i koden från autentiseringsappen", await page.Locator("#signin-error").TextContentAsync());
        await code.FillAsync(Authenticator.CodeOfStep(secret, step + 1)); // the next step: the one used to enrol is spent
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga in", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Att godkänna" }).WaitForAsync();
        Assert.Contains("godkännare", await page.Locator("#who").TextContentAsync());
    }

    private static async Task SignInAsync(IPage page)
    {
        await page.GetByLabel("Användarnamn").FillAsync("vera");
        await page.GetByLabel("Lösenord").FillAsync(BrowserFixture.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga in", Exact = true }).ClickAsync();
    }
}
