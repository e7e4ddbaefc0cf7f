using System.Net;
using CrisisComms.Testing.Client;
using Microsoft.Playwright;

namespace CrisisComms.Browser.Tests;

/// <summary>Issue 12, item 3: "Faran över" starts from all-clear wording, and a language left as the alert said it is flagged.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AllClearTests(BrowserFixture f)
{
    [Fact]
    public async Task TheAllClearStartsFromAllClearWordingAndAnUnchangedLanguageIsFlaggedBeforeSending()
    {
        var alert = SampleNotices.Water(headline: "Koka vattnet i Berga");
        var content = (Dictionary<string, object>)alert["content"]!;
        content["ar"] = new { headline = "اغلِ الماء قبل شربه", lead = "قد تحتوي مياه الشرب على بكتيريا." };
        var id = await f.PublishAsync(alert);

        var author = await ConsolePages.SignInAsync(f, Accounts.Author, $"/console/#/compose/all-clear/{id}");
        var headline = author.GetByRole(AriaRole.Textbox, new() { Name = "Rubrik" });
        Assert.Equal("Vattnet går att dricka igen", await headline.InputValueAsync());
        Assert.True(await author.GetByLabel("Information", new() { Exact = true }).IsCheckedAsync());

        // Arabic has no all-clear wording in the template: it still says "boil the water", and is flagged.
        var flag = author.Locator("#unchanged-languages");
        await flag.GetByText("Arabiska (ar)").WaitForAsync();
        Assert.Equal(0, await flag.GetByText("Svenska", new() { Exact = true }).CountAsync());

        await author.GetByRole(AriaRole.Button, new() { Name = "Skicka för godkännande" }).ClickAsync();
        var summary = author.GetByRole(AriaRole.Group, new() { Name = "Något behöver rättas" });
        await summary.GetByText("Arabiska (ar)").WaitForAsync();
        var versions = (await f.Author.SendAsync(HttpMethod.Get, $"/api/v1/notices?incidentId={id}")).ShouldBe(HttpStatusCode.OK);
        Assert.Single(versions.Json!.AsArray()); // nothing was saved or sent

        await author.Locator("#f-content [role=tab][data-tag=ar]").ClickAsync();
        await author.Locator("#f-c-ar-headline").FillAsync("يمكن شرب الماء مرة أخرى");
        await author.Locator("#f-c-ar-lead").FillAsync("لم تعد بحاجة إلى غلي الماء.");
        Assert.True(await flag.IsHiddenAsync());
        await author.GetByRole(AriaRole.Button, new() { Name = "Skicka för godkännande" }).ClickAsync();
        await author.WaitForFunctionAsync("() => location.hash.startsWith('#/notice/')");
        var allClear = ConsolePages.NoticeUrl().Match(author.Url).Groups[1].Value;
        Assert.Equal("allClear", (await f.Author.GetAsync(allClear)).Json!["kind"]!.GetValue<string>());
        (await f.Approver.WithdrawAsync(id, "Test klart")).ShouldBe(HttpStatusCode.OK);
    }
}
