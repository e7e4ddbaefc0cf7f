using System.Net;
using System.Text.RegularExpressions;
using CrisisComms.Testing.Client;
using Microsoft.Playwright;

namespace CrisisComms.Browser.Tests;

/// <summary>Issue 12, item 4: an incident's versions and states as officers read them.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class VersionsAndStatesTests(BrowserFixture f)
{
    [Fact]
    public async Task ANewVersionAppearsOnTheOpenIncidentPageWithoutAReload()
    {
        var id = await f.PublishAsync(SampleNotices.Water(headline: "Version ett av händelsen"));
        var approver = await ConsolePages.SignInAsync(f, Accounts.Approver, $"/console/#/notice/{id}");
        await approver.Locator("#poll-status").GetByText("Följs direkt").WaitForAsync(new() { Timeout = 15_000 });

        var update = (await f.Author.UpdateAsync(id, SampleNotices.Water(headline: "Version två av händelsen"))).ShouldBe(HttpStatusCode.Created).Id;
        (await f.Author.SubmitAsync(update)).ShouldBe(HttpStatusCode.OK);

        // Well before the 20 s poll: the pushed signal brings it.
        await approver.GetByRole(AriaRole.Link, new() { Name = "v2 Uppdatering: Version två av händelsen" }).WaitForAsync(new() { Timeout = 8_000 });
        (await f.Approver.WithdrawAsync(id, "Test klart")).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task TheAllClearPageShowsOnlyWhenItClosesAndOffersNoSecondAllClear()
    {
        var id = await f.PublishAsync(SampleNotices.Water(headline: "Händelsen som blir över", expiresAt: DateTimeOffset.UtcNow.AddDays(2)));
        var allClear = (await f.Author.AllClearAsync(id, SampleNotices.Water(headline: "Faran är över", expiresAt: DateTimeOffset.UtcNow.AddDays(2))))
            .ShouldBe(HttpStatusCode.Created).Id;
        (await f.Author.SubmitAsync(allClear)).ShouldBe(HttpStatusCode.OK);
        (await f.Approver.ApproveAsync(allClear)).ShouldBe(HttpStatusCode.OK);

        var author = await ConsolePages.SignInAsync(f, Accounts.Author, $"/console/#/notice/{allClear}");
        var facts = author.Locator("dl.facts").First;
        await facts.GetByText("Avslutas", new() { Exact = true }).WaitForAsync();
        Assert.Equal(0, await facts.GetByText("Visas till och med").CountAsync());
        await author.GetByRole(AriaRole.Button, new() { Name = "Skriv en uppdatering" }).WaitForAsync();
        Assert.Equal(0, await author.GetByRole(AriaRole.Button, new() { Name = "Skriv ”Faran över”" }).CountAsync());
    }

    [Fact]
    public async Task TheAuthorWhoSubmittedTakesItBackToADraftAndTheAuditTrailSaysSoInSwedish()
    {
        var (code, output) = await f.Server.RunCommandAsync(BrowserFixture.Password,
            "users", "add", "greta", "--role", "author", "--display-name", "Greta Gustafsson");
        Assert.True(code == 0, output);
        var greta = await Officer.SignInAsync(f.Address, "greta", BrowserFixture.Password);
        var id = await greta.DraftAndSubmitAsync(SampleNotices.Water(headline: "Skickat för tidigt"));

        var page = await ConsolePages.SignInAsync(f, "greta", $"/console/#/notice/{id}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ta tillbaka" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Ja, ta tillbaka" }).ClickAsync();
        await page.GetByText("Meddelandet är ett utkast igen.").WaitForAsync();
        Assert.Equal("draft", (await greta.GetAsync(id)).State);
        await page.GetByRole(AriaRole.Button, new() { Name = "Skicka för godkännande" }).WaitForAsync();

        // Someone else may not take back what greta sent.
        (await greta.SubmitAsync(id)).ShouldBe(HttpStatusCode.OK);
        (await f.Author.SendAsync(HttpMethod.Post, $"/api/v1/notices/{id}/retract-submission")).ShouldBe(HttpStatusCode.Forbidden);

        var approver = await ConsolePages.SignInAsync(f, Accounts.Approver, $"/console/#/notice/{id}");
        var row = approver.Locator("#audit tr", new() { HasText = "tog tillbaka från godkännande" });
        await row.WaitForAsync();
        Assert.Contains("Greta Gustafsson", await row.InnerTextAsync());
        Assert.Matches(DatedTime(), await row.Locator("time").InnerTextAsync());
        Assert.Equal(0, await approver.Locator("#audit").GetByText("ändrade meddelandet").CountAsync());
        (await f.Approver.RejectAsync(id, "Test klart")).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task AFollowUpIsNamedInSwedishInTheAuditTrailAndStateIsNotCalledMode()
    {
        var id = await f.PublishAsync(SampleNotices.Water(headline: "Händelsen i granskningsloggen"));
        var update = (await f.Author.UpdateAsync(id, SampleNotices.Water(headline: "Uppdaterad i loggen"))).ShouldBe(HttpStatusCode.Created).Id;

        var approver = await ConsolePages.SignInAsync(f, Accounts.Approver, $"/console/#/notice/{update}");
        await approver.Locator("#audit").GetByRole(AriaRole.Cell, new() { Name = "Uppdatering v2" }).WaitForAsync();
        Assert.Equal(0, await approver.Locator("#audit").GetByText("update v2").CountAsync());

        await approver.GotoAsync("/console/#/notices");
        // The list is drawn once its first page has loaded.
        await approver.Locator("table.list th").First.WaitForAsync();
        var headers = await approver.Locator("table.list th").AllInnerTextsAsync();
        Assert.Contains("Status", headers);
        Assert.DoesNotContain("Läge", headers);
        (await f.Approver.WithdrawAsync(id, "Test klart")).ShouldBe(HttpStatusCode.OK);
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$")]
    private static partial Regex DatedTime();
}
