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
