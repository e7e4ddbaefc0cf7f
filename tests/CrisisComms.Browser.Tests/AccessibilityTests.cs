using System.Text.Json;
using CrisisComms.Testing.Client;
using CrisisComms.Testing.Server;
using Microsoft.Playwright;

namespace CrisisComms.Browser.Tests;

/// <summary>Show 5: axe-core (from npm, see axe/package.json) finds nothing serious or critical.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserFixture f)
{
    private static readonly string AxeScript = Path.Combine(ServerBuild.RepositoryRoot,
        "tests", "CrisisComms.Browser.Tests", "axe", "node_modules", "axe-core", "axe.min.js");

    [Fact]
    public async Task TheDemoPagesWithABannerShowingHaveNoSeriousOrCriticalViolations()
    {
        var id = await f.PublishAsync(SampleNotices.Water(headline: "Koka vattnet i Johannelund"));
        var publicPage = await DemoPages.OpenPublicAsync(f);
        var intranetPage = await DemoPages.OpenIntranetAsync(f);
        await DemoPages.Banner(publicPage, id).WaitForAsync();
        await DemoPages.Banner(intranetPage, id).WaitForAsync();

        await AssertNoSeriousViolationsAsync(publicPage, "/demo/public");
        await AssertNoSeriousViolationsAsync(intranetPage, "/demo/intranet");
    }

    [Fact]
    public async Task TheConsolesComposePageAndIncidentViewHaveNoSeriousOrCriticalViolations()
    {
        var author = await ConsolePages.SignInAsync(f, Accounts.Author);
        await ConsolePages.ApplyTemplateAsync(author, "Storm");
        await AssertNoSeriousViolationsAsync(author, "compose, from a template");

        // With every field in error: the summary, the messages and aria-invalid must pass too.
        await author.GetByRole(AriaRole.Textbox, new() { Name = "Rubrik" }).FillAsync("");
        await author.GetByLabel("Länk till mer information").FillAsync("http://inte-https.example");
        await author.GetByRole(AriaRole.Button, new() { Name = "Spara utkast" }).ClickAsync();
        await author.GetByRole(AriaRole.Heading, new() { Name = "Något behöver rättas" }).WaitForAsync();
        await AssertNoSeriousViolationsAsync(author, "compose, with errors");

        var id = await f.PublishAsync(SampleNotices.Water(headline: "Koka vattnet i Tannefors"), releasePublicNow: false);
        var approver = await ConsolePages.SignInAsync(f, Accounts.Approver, $"/console/#/notice/{id}");
        await approver.Locator("[data-stage=\"intranet\"][data-state=\"done\"]").WaitForAsync();
        await AssertNoSeriousViolationsAsync(approver, "incident view");
    }

    /// <summary>200 % zoom on a 1280 × 900 laptop is a 640 × 450 CSS viewport; a phone is 390 × 844.</summary>
    public static TheoryData<string> Screens => ["zoom200", "phone"];

    [Theory]
    [MemberData(nameof(Screens))]
    public async Task EveryPageAtTwiceTheZoomAndOnAPhoneHasNoSeriousOrCriticalViolations(string screen)
    {
        var device = screen == "phone" ? Device.Phone : new Device("sv-SE", "Europe/Stockholm", 640, 450);
        var id = await f.PublishAsync(SampleNotices.Water(headline: $"Koka vattnet, sett på {screen}"), releasePublicNow: true);
        var publicPage = await f.NewPageAsync(device);
        await publicPage.GotoAsync("/demo/public");
        await DemoPages.Banner(publicPage, id).WaitForAsync();
        await AssertNoSeriousViolationsAsync(publicPage, $"/demo/public ({screen})");

        var author = await ConsolePages.SignInAsync(f, Accounts.Author, "/console/#/compose/new", device);
        await ConsolePages.ApplyTemplateAsync(author, "Storm");
        await AssertNoSeriousViolationsAsync(author, $"compose ({screen})");
        await author.GotoAsync("/console/#/notices");
        await author.GetByRole(AriaRole.Heading, new() { Level = 1 }).WaitForAsync();
        await AssertNoSeriousViolationsAsync(author, $"notices ({screen})");

        var pending = await f.Author.DraftAndSubmitAsync(SampleNotices.Water(headline: $"Väntar, sett på {screen}"));
        var approver = await ConsolePages.SignInAsync(f, Accounts.Approver, "/console/#/queue", device);
        await ConsolePages.QueueCard(approver, pending).WaitForAsync();
        await AssertNoSeriousViolationsAsync(approver, $"queue ({screen})");
        await approver.GotoAsync($"/console/#/notice/{id}");
        await approver.Locator("[data-stage=\"intranet\"][data-state=\"done\"]").WaitForAsync();
        await AssertNoSeriousViolationsAsync(approver, $"incident view ({screen})");
        (await f.Approver.RejectAsync(pending, "Test klart")).ShouldBe(System.Net.HttpStatusCode.OK);
        (await f.Approver.WithdrawAsync(id, "Test klart")).ShouldBe(System.Net.HttpStatusCode.OK);
    }

    internal static async Task AssertNoSeriousViolationsAsync(IPage page, string what)
    {
        Assert.True(File.Exists(AxeScript), $"axe-core is missing: run (cd tests/CrisisComms.Browser.Tests/axe && npm ci). Looked for {AxeScript}");
        // Evaluated, not added as a <script>: our pages' policy runs no inline script, axe's included.
        await page.EvaluateAsync(await File.ReadAllTextAsync(AxeScript));
        var violations = await page.EvaluateAsync<JsonElement>("""
            async () => {
              const result = await axe.run(document, { resultTypes: ['violations'] });
              return result.violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')}`);
            }
            """);
        var found = violations.EnumerateArray().Select(v => v.GetString()).ToList();
        Assert.True(found.Count == 0, $"axe-core on {what}:\n{string.Join('\n', found)}");
    }
}
