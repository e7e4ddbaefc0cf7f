using System.Net;
using System.Text.RegularExpressions;
using CrisisComms.Testing.Client;
using Microsoft.Playwright;

namespace CrisisComms.Browser.Tests;

/// <summary>Four eyes on the content: the approver sees everything they approve, what changed, and where it will go.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class ReviewTests(BrowserFixture f)
{
    [Fact]
    public async Task AnApproverSeesEveryFieldInEveryLanguageAndEveryChannelsPreview()
    {
        var expires = DateTimeOffset.UtcNow.AddDays(2);
        expires = new DateTimeOffset(expires.Year, expires.Month, expires.Day, expires.Hour, expires.Minute, 0, TimeSpan.Zero);
        var id = await f.Author.DraftAndSubmitAsync(
            SampleNotices.Water(headline: "Granska allt före godkännandet", expiresAt: expires, channels: ["x", "mastodon"]));
        try
        {
            var approver = await ConsolePages.SignInAsync(f, Accounts.Approver, "/console/#/queue");
            var card = ConsolePages.QueueCard(approver, id);
            await AssertEverythingShownAsync(card, expires);
            await Artifacts.ScreenshotAsync(approver, "console-review", fullPage: true);

            await card.GetByRole(AriaRole.Link, new() { Name = "Visa hela meddelandet" }).ClickAsync();
            var view = approver.GetByRole(AriaRole.Region, new() { Name = "Hela meddelandet" });
            await AssertEverythingShownAsync(view, expires);
        }
        finally
        {
            (await f.Approver.RejectAsync(id, "Test över")).ShouldBe(HttpStatusCode.OK);
        }
    }

    private static async Task AssertEverythingShownAsync(ILocator view, DateTimeOffset expires)
    {
        var swedish = Language(view, "sv", "Svenska");
        await swedish.GetByText("Gäller hela Linköping tills vidare.").WaitForAsync();
        await swedish.GetByText("Koka i minst tre minuter.").WaitForAsync();
        var easy = Language(view, "sv-x-easy", "Lätt svenska");
        await easy.GetByText("Koka vattnet", new() { Exact = true }).WaitForAsync();
        await easy.GetByText("Vattnet kan göra dig sjuk. Koka det först.").WaitForAsync();
        var english = Language(view, "en", "English");
        await english.GetByText("Boil your tap water").WaitForAsync();
        await english.GetByText("Boil water before drinking it.").WaitForAsync();

        // The expiry in Swedish time, as the officer's own clock on the wall says.
        var local = TimeZoneInfo.ConvertTime(expires, TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm"));
        var expiry = view.GetByRole(AriaRole.Definition).Filter(new() { Has = view.Page.Locator("time") });
        Assert.Contains(local.ToString("HH:mm"), await expiry.TextContentAsync());

        // The intranet banner and the public one, and each social post with its length.
        var banners = view.Locator(".pv-banner");
        Assert.Equal(2, await banners.CountAsync());
        foreach (var banner in await banners.AllAsync())
            Assert.Contains("Granska allt före godkännandet", await banner.TextContentAsync());
        foreach (var channel in new[] { "x", "mastodon" })
        {
            var post = view.Locator($".post[data-channel=\"{channel}\"]");
            Assert.Contains("Granska allt före godkännandet", await post.Locator(".post-text").TextContentAsync());
            Assert.Matches(Count(), await post.Locator(".post-count").TextContentAsync());
        }
    }

    [Fact]
    public async Task AnUpdateWhoseBodyChangedShowsThatFieldWithItsOldAndNewText()
    {
        var live = await f.PublishAsync(SampleNotices.Water(headline: "Kokningsrekommendation i Ryd"));
        var update = SampleNotices.Water(headline: "Kokningsrekommendation i Ryd");
        update["severity"] = "warning";
        ((Dictionary<string, object>)update["content"]!)["sv"] = new
        {
            headline = "Kokningsrekommendation i Ryd",
            lead = "Koka vattnet innan du dricker det.",
            body = "Gäller bara Ryd och Lambohov tills vidare.",
            instruction = "Koka i minst tre minuter.",
        };
        ((Dictionary<string, object>)update["content"]!)["ar"] = new { headline = "اغلوا مياه الشرب", lead = "اغلوا الماء قبل شربه." };
        var id = (await f.Author.UpdateAsync(live, update)).ShouldBe(HttpStatusCode.Created).Id;
        (await f.Author.SubmitAsync(id)).ShouldBe(HttpStatusCode.OK);
        try
        {
            var approver = await ConsolePages.SignInAsync(f, Accounts.Approver, "/console/#/queue");
            var changes = ConsolePages.QueueCard(approver, id).Locator(".changes")
                .Filter(new() { Has = approver.GetByRole(AriaRole.Heading, new() { Name = "Ändringar sedan version 1" }) });
            var body = changes.Locator("[data-field=\"content.sv.body\"]");
            await body.WaitForAsync();
            Assert.Contains("Brödtext (Svenska) \u2014 ändrat", await body.Locator(".change-name").TextContentAsync());
            var removed = string.Join(" ", await body.Locator("del").AllTextContentsAsync());
            var added = string.Join(" ", await body.Locator("ins").AllTextContentsAsync());
            Assert.Contains("hela", removed);
            Assert.Contains("Linköping", removed);
            Assert.Contains("Ryd och Lambohov", added);
            Assert.DoesNotContain("tills vidare", removed + added); // the words that stayed are not marked
            Assert.Contains("Gäller hela Linköping tills vidare.", Unmarked(await body.Locator(".change-old").TextContentAsync()));
            Assert.Contains("Gäller bara Ryd och Lambohov tills vidare.", Unmarked(await body.Locator(".change-new").TextContentAsync()));

            var severity = changes.Locator("[data-field=\"severity\"]");
            Assert.Contains("Kris", await severity.Locator("del").TextContentAsync());
            Assert.Contains("Viktig information", await severity.Locator("ins").TextContentAsync());
            var arabic = changes.Locator("[data-field=\"content.ar\"]");
            Assert.Contains("nytt språk", await arabic.TextContentAsync());
            Assert.Contains("اغلوا الماء قبل شربه.", await changes.Locator("[data-field=\"content.ar.lead\"] ins").TextContentAsync());
            // What did not change is not marked as changed.
            Assert.Equal(0, await changes.Locator("[data-field=\"content.sv.headline\"], [data-field^=\"content.en\"]").CountAsync());

            await Artifacts.ScreenshotAsync(approver, "console-review-changes", fullPage: true);
            await AccessibilityTests.AssertNoSeriousViolationsAsync(approver, "the approval queue with an update's changes");
        }
        finally
        {
            (await f.Approver.RejectAsync(id, "Test över")).ShouldBe(HttpStatusCode.OK);
            (await f.Approver.WithdrawAsync(live, "Test över")).ShouldBe(HttpStatusCode.OK);
        }
    }

    [Fact]
    public async Task ApprovingAsksOnceNamingTheAudiencesAndChannelsItWillReach()
    {
        var everyone = await f.Author.DraftAndSubmitAsync(SampleNotices.Water(headline: "Till alla och två kanaler", channels: ["x", "mastodon"]));
        var staff = await f.Author.DraftAndSubmitAsync(SampleNotices.Water(audience: "staff", headline: "Bara till personalen"));
        var exercise = await f.Author.DraftAndSubmitAsync(SampleNotices.Water(mode: "exercise", headline: "Övningen i kväll"));
        try
        {
            var approver = await ConsolePages.SignInAsync(f, Accounts.Approver, "/console/#/queue");
            var dialog = ConsolePages.ApprovalDialog(approver);

            Assert.Equal(new[] { "Intranätet, direkt." }, await PlacesNamedAsync(approver, staff));
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Avbryt" }).ClickAsync();
            await dialog.WaitForAsync(new() { State = WaitForSelectorState.Detached });
            Assert.Equal("pendingApproval", (await f.Approver.GetAsync(staff)).ShouldBe(HttpStatusCode.OK).State);

            var places = await PlacesNamedAsync(approver, exercise);
            Assert.Equal(2, places.Count);
            Assert.All(places, p => Assert.Contains("i läget ”Övning”", p));
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Avbryt" }).ClickAsync();

            places = await PlacesNamedAsync(approver, everyone);
            Assert.Equal(3, places.Count);
            Assert.StartsWith("Intranätet", places[0]);
            Assert.StartsWith("Kommunens webbplats", places[1]);
            Assert.Equal("Sociala medier: X, Mastodon, efter webbplatsen.", places[2]);
            await Artifacts.ScreenshotAsync(approver, "console-approval-confirmation");
            await AccessibilityTests.AssertNoSeriousViolationsAsync(approver, "the approval confirmation");
            await ConsolePages.ConfirmApprovalAsync(approver);
            await approver.WaitForFunctionAsync($"() => location.hash === '#/notice/{everyone}'");
            Assert.Equal("live", (await f.Approver.GetAsync(everyone)).ShouldBe(HttpStatusCode.OK).State);
        }
        finally
        {
            (await f.Approver.WithdrawAsync(everyone, "Test över")).ShouldBe(HttpStatusCode.OK);
            (await f.Approver.RejectAsync(staff, "Test över")).ShouldBe(HttpStatusCode.OK);
            (await f.Approver.RejectAsync(exercise, "Test över")).ShouldBe(HttpStatusCode.OK);
        }
    }

    /// <summary>One language's texts, under a heading that names the language.</summary>
    private static ILocator Language(ILocator view, string tag, string name) => view.Locator($".review-language[data-lang=\"{tag}\"]")
        .Filter(new() { Has = view.Page.GetByRole(AriaRole.Heading, new() { Name = name, Exact = true }) });

    /// <summary>Clicks approve on the notice's card and reads the places the confirmation names, in order.</summary>
    private static async Task<IReadOnlyList<string>> PlacesNamedAsync(IPage page, string noticeId)
    {
        await ConsolePages.QueueCard(page, noticeId).GetByRole(AriaRole.Button, new() { Name = "Godkänn och publicera" }).ClickAsync();
        var dialog = ConsolePages.ApprovalDialog(page);
        await dialog.WaitForAsync();
        return (await dialog.GetByRole(AriaRole.Listitem).AllTextContentsAsync()).Select(p => p.Trim()).ToList();
    }

    /// <summary>The text as read without the screen-reader words that mark a removal or an addition.</summary>
    private static string Unmarked(string? text) => Marks().Replace(text ?? "", "");

    [GeneratedRegex(@"\[(borttaget|tillagt): |\]")]
    private static partial Regex Marks();

    [GeneratedRegex(@"^\d+ av \d+ tecken")]
    private static partial Regex Count();
}
