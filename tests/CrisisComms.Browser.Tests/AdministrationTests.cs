using System.Net;
using System.Text;
using CrisisComms.Testing.Client;
using Microsoft.Playwright;

namespace CrisisComms.Browser.Tests;

/// <summary>
/// Console administration as an admin uses it: the Administration index, accounts added and
/// disabled from the page (and the server refusing that account at once), the audit log searched
/// by incident and exported as CSV; every page passes axe-core on a laptop and on a phone.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AdministrationTests(BrowserFixture f)
{
    /// <summary>The admin of these tests, added once per server (the fixture's accounts write and approve notices).</summary>
    private const string Admin = "ingrid";
    private static readonly SemaphoreSlim Adding = new(1, 1);
    private static object? _addedOn;

    private async Task<IPage> SignInAsAdminAsync(string path = "/console/", Device? device = null)
    {
        await Adding.WaitAsync();
        try
        {
            if (!ReferenceEquals(_addedOn, f.Server)) await f.Server.AddAccountAsync(Admin, BrowserFixture.Password, "admin");
            _addedOn = f.Server;
        }
        finally
        {
            Adding.Release();
        }
        return await ConsolePages.SignInAsync(f, Admin, path, device);
    }

    [Fact]
    public async Task AnAdminAddsAnAccountAndDisablesItFromThePageAndThatAccountIsRefusedAtOnce()
    {
        var page = await SignInAsAdminAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Administration" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Administration", Level = 1 }).WaitForAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Konton" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Konton", Level = 1 }).WaitForAsync();

        await page.GetByLabel("Användarnamn").FillAsync("tilde");
        await page.GetByLabel("Namn som visas").FillAsync("Tilde Åberg");
        await page.GetByRole(AriaRole.Group, new() { Name = "Roller" }).GetByLabel("skribent").CheckAsync();
        await page.GetByLabel("Första lösenord").FillAsync("kort");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lägg till kontot" }).ClickAsync();
        var summary = page.Locator("#account-new-summary");
        await summary.WaitForAsync();
        Assert.Contains("Minst 12 tecken", await summary.TextContentAsync());
        Assert.Equal("true", await page.GetByLabel("Första lösenord").GetAttributeAsync("aria-invalid"));
        Assert.Equal(0, await Card(page, "tilde").CountAsync()); // refused: nothing was added

        await page.GetByLabel("Första lösenord").FillAsync(BrowserFixture.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Lägg till kontot" }).ClickAsync();
        var tilde = Card(page, "tilde");
        await tilde.GetByRole(AriaRole.Heading, new() { Name = "Tilde Åberg (tilde)" }).WaitForAsync();
        Assert.Equal("skribent", await tilde.Locator("[data-fact=roles]").TextContentAsync());
        Assert.Equal("Ingen", await tilde.Locator("[data-fact=secondFactor]").TextContentAsync());

        var officer = await Officer.SignInAsync(f.Address, "tilde", BrowserFixture.Password);
        (await officer.SendAsync(HttpMethod.Get, "/api/v1/notices")).ShouldBe(HttpStatusCode.OK);

        await tilde.GetByRole(AriaRole.Button, new() { Name = "Stäng av tilde" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Stänga av tilde?" });
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Stäng av" }).ClickAsync();
        Assert.Contains("Skriv ett skäl", await dialog.TextContentAsync()); // a reason first
        await dialog.GetByLabel("Skäl").FillAsync("Har slutat");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Stäng av" }).ClickAsync();

        await tilde.Locator("[data-fact=status]", new() { HasText = "Avstängt Har slutat" }).WaitForAsync();
        Assert.Equal("acc-tilde-title", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        await tilde.GetByRole(AriaRole.Button, new() { Name = "Aktivera tilde" }).WaitForAsync();
        (await officer.SendAsync(HttpMethod.Get, "/api/v1/notices")).ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task TheAuditLogSearchedByIncidentShowsOnlyThatIncidentAndExportsTheSameRows()
    {
        var first = await f.Author.DraftAndSubmitAsync(SampleNotices.Water(headline: "Granskning: vattnet i Ryd"));
        (await f.Approver.RejectAsync(first, "Fel område, ska vara Ryd")).ShouldBe(HttpStatusCode.OK);
        var other = await f.Author.DraftAndSubmitAsync(SampleNotices.Water(headline: "Granskning: vattnet i Berga"));
        var incident = (await f.Author.GetAsync(first)).Json!["incidentId"]!.GetValue<string>();
        Assert.NotEqual(incident, (await f.Author.GetAsync(other)).Json!["incidentId"]!.GetValue<string>());
        var expected = (await f.Approver.SendAsync(HttpMethod.Get, $"/api/v1/audit?incidentId={incident}")).Json!.AsArray()
            .Select(e => e!["seq"]!.ToString()).ToList();

        var page = await ConsolePages.SignInAsync(f, Accounts.Approver, "/console/#/admin");
        await page.GetByRole(AriaRole.Link, new() { Name = "Granskningslogg" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Granskningslogg", Level = 1 }).WaitForAsync();
        Assert.Equal(0, await page.GetByRole(AriaRole.Link, new() { Name = "Konton" }).CountAsync()); // an approver reads the log only
        await page.GetByLabel("Händelse").FillAsync(incident);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sök", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = $"Poster ({expected.Count})" }).WaitForAsync();

        var rows = page.Locator("#audit-entries tbody tr");
        Assert.Equal(expected, await rows.EvaluateAllAsync<string[]>("rows => rows.map(r => r.getAttribute('data-seq'))"));
        Assert.Equal(["avvisade", "skickade för godkännande", "skapade meddelandet"],
            await rows.Locator("td[data-action]").AllTextContentsAsync());
        Assert.Contains("Fel område, ska vara Ryd", await rows.First.TextContentAsync());

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Exportera som CSV" }).ClickAsync());
        Assert.EndsWith(".csv", download.SuggestedFilename);
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes.Take(3));
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("seq,at,actor,", lines[0]);
        Assert.Equal(expected, lines.Skip(1).Select(l => l.Split(',')[0]));
        Assert.All(lines.Skip(1), l => Assert.Contains($",{incident},", l));

        // In English the same search stays, in the same words the rest of the console uses.
        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Audit log", Level = 1 }).WaitForAsync();
        Assert.Equal(incident, await page.GetByLabel("Incident", new() { Exact = true }).InputValueAsync());
        await page.GetByRole(AriaRole.Heading, new() { Name = $"Entries ({expected.Count})" }).WaitForAsync();
        Assert.Equal("rejected", await rows.Locator("td[data-action]").First.TextContentAsync());
    }

    [Theory]
    [MemberData(nameof(AccessibilityTests.Screens), MemberType = typeof(AccessibilityTests))]
    public async Task TheAdministrationPagesHaveNoSeriousOrCriticalViolations(string screen)
    {
        var device = screen == "phone" ? Device.Phone : new Device("sv-SE", "Europe/Stockholm", 640, 450);
        var page = await SignInAsAdminAsync("/console/#/admin", device);
        await page.GetByRole(AriaRole.Heading, new() { Name = "Administration", Level = 1 }).WaitForAsync();
        await AccessibilityTests.AssertNoSeriousViolationsAsync(page, $"administration ({screen})");
        await Artifacts.ScreenshotAsync(page, $"admin-index-{screen}", fullPage: true);

        await page.GotoAsync("/console/#/admin-accounts");
        var bosse = Card(page, Accounts.Approver);
        await bosse.WaitForAsync();
        await bosse.GetByRole(AriaRole.Button, new() { Name = $"Ändra roller {Accounts.Approver}" }).ClickAsync();
        await bosse.GetByRole(AriaRole.Group, new() { Name = $"Roller för {Accounts.Approver}" }).WaitForAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Lägg till kontot" }).ClickAsync();
        await page.Locator("#account-new-summary").WaitForAsync();
        await AccessibilityTests.AssertNoSeriousViolationsAsync(page, $"accounts, with a panel open and errors ({screen})");
        await Artifacts.ScreenshotAsync(page, $"admin-accounts-{screen}", fullPage: true);

        await page.GotoAsync("/console/#/admin-audit");
        await page.Locator("#audit-entries tbody tr").First.WaitForAsync();
        await page.GetByLabel("Från och med").FillAsync("igår");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sök", Exact = true }).ClickAsync();
        await page.Locator("#audit-summary").WaitForAsync();
        await AccessibilityTests.AssertNoSeriousViolationsAsync(page, $"audit log, with an error ({screen})");
        await Artifacts.ScreenshotAsync(page, $"admin-audit-{screen}", fullPage: true);
    }

    private static ILocator Card(IPage page, string account) => page.Locator($"li.account[data-account=\"{account}\"]");
}
