using System.IO.Compression;
using System.Net;
using CrisisComms.Testing.Client;
using Microsoft.Playwright;

namespace CrisisComms.Browser.Tests;

/// <summary>
/// The archive's incident.html as a person opens it from the extracted package (file://): axe-core
/// finds nothing serious, every headline of every language reads as text (markup too), and an
/// approver downloads the package from the console with the token (fetch and blob, no cookie).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ArchiveTests(BrowserFixture f)
{
    [Fact]
    public async Task TheArchivedPageIsAccessibleAndShowsEveryHeadlineAsText()
    {
        var (incidentId, headlines) = await EndedIncidentAsync("Arkivet");
        using var response = await f.Approver.Http.GetAsync($"/api/v1/incidents/{incidentId}/archive");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var folder = Directory.CreateTempSubdirectory("crisiscomms-archive-").FullName;
        await using (var zip = await response.Content.ReadAsStreamAsync())
            ZipFile.ExtractToDirectory(zip, folder);

        var page = await f.NewPageAsync();
        await page.GotoAsync(new Uri(Path.Combine(folder, "incident.html")).AbsoluteUri);

        var text = await page.Locator("body").InnerTextAsync();
        foreach (var headline in headlines) Assert.Contains(headline, text);
        Assert.Equal(0, await page.Locator("main b, main i, script").CountAsync());
        await AccessibilityTests.AssertNoSeriousViolationsAsync(page, "the archive's incident.html");
    }

    [Fact]
    public async Task AnApproverDownloadsTheArchiveFromTheIncidentViewAndFindsItInTheArchiveList()
    {
        var (incidentId, headlines) = await EndedIncidentAsync("Nedladdning");
        var approver = await ConsolePages.SignInAsync(f, Accounts.Approver, $"/console/#/notice/{FirstNotice}");
        var fromIncident = await approver.RunAndWaitForDownloadAsync(() =>
            approver.GetByRole(AriaRole.Button, new() { Name = "Arkivera" }).ClickAsync());
        Assert.Equal($"incident-{incidentId}.zip", fromIncident.SuggestedFilename);
        var expected = await (await f.Approver.Http.GetAsync($"/api/v1/incidents/{incidentId}/archive")).Content.ReadAsByteArrayAsync();
        Assert.Equal(expected, await File.ReadAllBytesAsync((await fromIncident.PathAsync())!));

        await approver.GotoAsync("/console/#/archive");
        var row = approver.Locator($"[data-incident-id=\"{incidentId}\"]");
        await row.GetByText(headlines[0]).WaitForAsync();
        var fromList = await approver.RunAndWaitForDownloadAsync(() => row.GetByRole(AriaRole.Button).ClickAsync());
        Assert.Equal(expected, await File.ReadAllBytesAsync((await fromList.PathAsync())!));
        await AccessibilityTests.AssertNoSeriousViolationsAsync(approver, "the archive view");

        var author = await ConsolePages.SignInAsync(f, Accounts.Author, $"/console/#/notice/{FirstNotice}");
        await author.GetByRole(AriaRole.Heading, new() { Level = 1 }).WaitForAsync();
        await author.Locator("[data-stage]").First.WaitForAsync();
        Assert.Equal(0, await author.GetByRole(AriaRole.Button, new() { Name = "Arkivera" }).CountAsync());
    }

    private string FirstNotice { get; set; } = "";

    /// <summary>An alert and an update in three languages, one headline with markup, then withdrawn.</summary>
    private async Task<(string IncidentId, string[] Headlines)> EndedIncidentAsync(string name)
    {
        string[] headlines = [$"Koka vattnet i {name}", "Koka vattnet", "Boil your tap water",
            $"Fortfarande <b>markup</b> i {name}", "Koka <i>fortfarande</i>", "Still boil & <em>wait</em>"];
        FirstNotice = await f.PublishAsync(SampleNotices.Water(headline: headlines[0]));
        var update = SampleNotices.Water(headline: headlines[3]);
        update["content"] = new Dictionary<string, object>
        {
            ["sv"] = new { headline = headlines[3], lead = "Koka vattnet innan du dricker det." },
            ["sv-x-easy"] = new { headline = headlines[4], lead = "Koka vattnet först." },
            ["en"] = new { headline = headlines[5], lead = "Boil water before drinking it." },
        };
        var created = (await f.Author.UpdateAsync(FirstNotice, update)).ShouldBe(HttpStatusCode.Created);
        (await f.Author.SubmitAsync(created.Id)).ShouldBe(HttpStatusCode.OK);
        (await f.Approver.ApproveAsync(created.Id)).ShouldBe(HttpStatusCode.OK);
        (await f.Approver.WithdrawAsync(created.Id, "Test klart")).ShouldBe(HttpStatusCode.OK);
        var incidentId = (await f.Author.GetAsync(FirstNotice)).Json!["incidentId"]!.GetValue<string>();
        return (incidentId, headlines);
    }
}
