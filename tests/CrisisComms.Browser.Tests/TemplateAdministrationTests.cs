using System.Net;
using CrisisComms.Testing.Client;
using Microsoft.Playwright;

namespace CrisisComms.Browser.Tests;

/// <summary>
/// An admin edits a stored template and the organisation in the console; an author composing
/// afterwards gets exactly what was stored. The pages pass axe-core, errors shown included.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class TemplateAdministrationTests(BrowserFixture f)
{
    private const string Admin = "tove";
    private static bool _adminAdded;

    private async Task<Officer> AdminAsync()
    {
        if (!_adminAdded) await f.Server.AddAccountAsync(Admin, BrowserFixture.Password, "admin");
        _adminAdded = true;
        return await Officer.SignInAsync(f.Address, Admin, BrowserFixture.Password);
    }

    private static object GasLeak(string headline) => new
    {
        id = "gas-leak",
        name = new { sv = "Gasläcka", en = "Gas leak" },
        severity = "warning",
        category = "Safety",
        slug = "gas",
        content = new Dictionary<string, object>
        {
            ["sv"] = new { headline, lead = "Räddningstjänsten tätar läckan. Gå inte in i området." },
            ["en"] = new { headline = "Gas leak", lead = "The fire service is sealing the leak. Keep out of the area." },
        },
        allClear = new Dictionary<string, object> { ["sv"] = new { headline = "Gasläckan är tätad", lead = "Du kan röra dig i området igen." } },
    };

    [Fact]
    public async Task ATemplateEditedInTheConsoleIsWhatComposeFillsInAndItCanBeRemoved()
    {
        var admin = await AdminAsync();
        (await admin.SendAsync(HttpMethod.Post, "/api/v1/templates", GasLeak("Gasläcka i området"))).ShouldBe(HttpStatusCode.Created);

        var page = await ConsolePages.SignInAsync(f, Admin, "/console/#/admin-templates");
        await page.GetByRole(AriaRole.Link, new() { Name = "Ändra Gasläcka" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Ändra mallen ”Gasläcka”" }).WaitForAsync();
        await page.Locator("#a-content-sv-headline").FillAsync("Gasläcka vid Stora torget: håll dig borta");
        await page.GetByLabel("Kategori (CAP)").SelectOptionAsync("CBRNE");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara mallen" }).ClickAsync();
        await page.Locator("#template-list").WaitForAsync();
        var stored = (await admin.SendAsync(HttpMethod.Get, "/api/v1/templates/gas-leak")).ShouldBe(HttpStatusCode.OK).Json!;
        Assert.Equal("Gasläcka vid Stora torget: håll dig borta", stored["content"]!["sv"]!["headline"]!.GetValue<string>());

        var author = await ConsolePages.SignInAsync(f, Accounts.Author, "/console/#/compose/new");
        await ConsolePages.ApplyTemplateAsync(author, "Gasläcka");
        Assert.Equal("Gasläcka vid Stora torget: håll dig borta", await author.GetByRole(AriaRole.Textbox, new() { Name = "Rubrik" }).InputValueAsync());
        Assert.Equal("https://www.linkoping.se/kris/gas", await author.GetByLabel("Länk till mer information").InputValueAsync());
        Assert.Equal("Linköpings kommun, krisledningen", await author.Locator("#f-sender").InputValueAsync());
        var id = await ConsolePages.SubmitAsync(author);
        Assert.Equal("CBRNE", (await f.Author.GetAsync(id)).Json!["category"]!.GetValue<string>());
        (await f.Approver.RejectAsync(id, "Test klart")).ShouldBe(HttpStatusCode.OK);

        await page.GetByRole(AriaRole.Button, new() { Name = "Ta bort Gasläcka" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Ta bort" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Ändra Gasläcka" }).WaitForAsync(new() { State = WaitForSelectorState.Detached });
        (await admin.SendAsync(HttpMethod.Get, "/api/v1/templates/gas-leak")).ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task TheOrganisationAndTemplatePagesWorkAndHaveNoSeriousOrCriticalViolations()
    {
        var admin = await AdminAsync();
        var before = (await admin.SendAsync(HttpMethod.Get, "/api/v1/organisation")).ShouldBe(HttpStatusCode.OK).Json!;
        var page = await ConsolePages.SignInAsync(f, Admin, "/console/#/admin-organisation");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Organisationen", Level = 1 }).WaitForAsync();
        await AccessibilityTests.AssertNoSeriousViolationsAsync(page, "administration: organisation");

        var languages = page.Locator("#a-languages");
        await languages.FillAsync("en, sv");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara", Exact = true }).ClickAsync();
        var summary = page.GetByRole(AriaRole.Group, new() { Name = "Något behöver rättas" });
        await summary.GetByRole(AriaRole.Link, new() { NameRegex = new("^Språk:") }).WaitForAsync();
        Assert.Equal("true", await languages.GetAttributeAsync("aria-invalid"));
        await AccessibilityTests.AssertNoSeriousViolationsAsync(page, "administration: organisation, with errors");
        Assert.Equal(before.ToJsonString(), (await admin.SendAsync(HttpMethod.Get, "/api/v1/organisation")).Json!.ToJsonString());

        try
        {
            await languages.FillAsync("sv, sv-x-easy, en, ar");
            await page.GetByRole(AriaRole.Button, new() { Name = "Spara", Exact = true }).ClickAsync();
            await page.GetByRole(AriaRole.Status).GetByText("Organisationens inställningar är sparade.").WaitForAsync();
            var author = await ConsolePages.SignInAsync(f, Accounts.Author, "/console/#/compose/new");
            await author.Locator("#f-content [role=tab][data-tag=ar]").WaitForAsync();
        }
        finally
        {
            (await admin.SendAsync(HttpMethod.Put, "/api/v1/organisation", before)).ShouldBe(HttpStatusCode.OK);
        }

        await page.GotoAsync("/console/#/admin-templates");
        await page.Locator("#template-list").WaitForAsync();
        await AccessibilityTests.AssertNoSeriousViolationsAsync(page, "administration: templates");
        await page.GetByRole(AriaRole.Link, new() { Name = "Ny mall" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Ny mall", Level = 1 }).WaitForAsync();
        await AccessibilityTests.AssertNoSeriousViolationsAsync(page, "administration: new template");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara mallen" }).ClickAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Något behöver rättas" }).GetByRole(AriaRole.Link, new() { NameRegex = new("^Id:") }).WaitForAsync();
        await AccessibilityTests.AssertNoSeriousViolationsAsync(page, "administration: new template, with errors");
    }
}
