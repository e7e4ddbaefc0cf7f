using System.Text.RegularExpressions;
using CrisisComms.Testing.Client;
using CrisisComms.Testing.Fakes;
using Microsoft.Playwright;

namespace CrisisComms.Browser.Tests;

/// <summary>The console's own promises: problems next to their fields, the two-person rule in sight, English on request.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ConsoleTests(BrowserFixture f)
{
    [Fact]
    public async Task TheFieldsAProblemNamesAreMarkedAndTheSummaryLeadsToThem()
    {
        var author = await ConsolePages.SignInAsync(f, Accounts.Author, "/console/#/compose/new");
        await author.GetByLabel("Länk till mer information").FillAsync("http://www.linkoping.se/kris");
        await author.GetByRole(AriaRole.Tab, new() { Name = "English" }).ClickAsync();
        await author.GetByRole(AriaRole.Textbox, new() { Name = "Rubrik" }).FillAsync("Boil your water");
        await author.GetByRole(AriaRole.Button, new() { Name = "Spara utkast" }).ClickAsync();

        var summary = author.GetByRole(AriaRole.Group, new() { Name = "Något behöver rättas" });
        await summary.WaitForAsync();
        Assert.Equal("error-summary", await author.EvaluateAsync<string>("document.activeElement.id"));
        var link = author.GetByLabel("Länk till mer information");
        Assert.Equal("true", await link.GetAttributeAsync("aria-invalid"));
        Assert.Contains("https://", await author.Locator("#err-link").TextContentAsync());

        // content.en.lead is in the English tab and content.sv.headline in the Swedish one: the summary opens the right tab.
        await summary.GetByRole(AriaRole.Link, new() { Name = "Ingress (English)" }).ClickAsync();
        Assert.Equal("f-c-en-lead", await author.EvaluateAsync<string>("document.activeElement.id"));
        await summary.GetByRole(AriaRole.Link, new() { Name = "Rubrik (Svenska)" }).ClickAsync();
        Assert.Equal("f-c-sv-headline", await author.EvaluateAsync<string>("document.activeElement.id"));
        Assert.Equal("true", await author.Locator("#f-c-sv-headline").GetAttributeAsync("aria-invalid"));
        Assert.Equal("Svenska (fel)", await author.GetByRole(AriaRole.Tab, new() { Selected = true }).TextContentAsync());
    }

    [Fact]
    public async Task AViewThatAnswersAfterTheOfficerMovedOnDoesNotCoverWhatIsBeingTyped()
    {
        var author = await ConsolePages.SignInAsync(f, Accounts.Author, "/console/#/notices");
        var requested = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        await author.RouteAsync("**/api/v1/notices/held-back", async route =>
        {
            requested.TrySetResult();
            await release.Task;
            await route.ContinueAsync();
        });
        await author.EvaluateAsync("() => { location.hash = '#/notice/held-back'; }");
        await requested.Task.WaitAsync(TimeSpan.FromSeconds(30));

        // The officer does not wait for that view and starts writing instead.
        await author.GetByRole(AriaRole.Link, new() { Name = "Skriv meddelande" }).ClickAsync();
        var headline = author.GetByRole(AriaRole.Textbox, new() { Name = "Rubrik" });
        await headline.FillAsync("Skrivet medan en annan vy laddade");
        var late = author.WaitForResponseAsync("**/api/v1/notices/held-back");
        release.SetResult();
        await late;
        await author.EvaluateAsync("() => new Promise(r => setTimeout(r, 500))");

        Assert.Equal("Skrivet medan en annan vy laddade", await headline.InputValueAsync());
        Assert.Equal("f-c-sv-headline", await author.EvaluateAsync<string>("document.activeElement.id"));
        Assert.Equal(0, await author.GetByRole(AriaRole.Heading, new() { Name = "Något behöver rättas" }).CountAsync());
    }

    [Fact]
    public async Task TheIncidentViewShowsWhatAnotherOfficerDidTheMomentItIsDone()
    {
        var id = await f.PublishAsync(SampleNotices.Water());
        var approver = await ConsolePages.SignInAsync(f, Accounts.Approver, $"/console/#/notice/{id}");
        // Followed over /hubs/notices: from now on the view polls only every 20 s.
        await approver.Locator("#poll-status").GetByText("Följs direkt").WaitForAsync(new() { Timeout = 15_000 });

        (await f.Approver.WithdrawAsync(id, "Larmet var ett misstag")).ShouldBe(System.Net.HttpStatusCode.OK);

        // Well before the next poll: only the pushed signal can have brought it.
        await approver.GetByText("Tillbakadraget: Larmet var ett misstag").WaitForAsync(new() { Timeout = 8_000 });
    }

    [Fact]
    public async Task TheApprovalQueueShowsWhatArrivesAndWhatSomeoneElseHandledWithoutLosingTheTyping()
    {
        var approver = await ConsolePages.SignInAsync(f, Accounts.Approver, "/console/#/queue");
        await approver.GetByRole(AriaRole.Heading, new() { Name = "Att godkänna" }).WaitForAsync();

        var id = await f.Author.DraftAndSubmitAsync(SampleNotices.Water(headline: "Kön följer med av sig själv"));
        var card = ConsolePages.QueueCard(approver, id);
        await card.WaitForAsync(new() { Timeout = 10_000 }); // no reload: it arrives
        var reason = card.GetByLabel("Skäl för att avvisa");
        await reason.FillAsync("Fel stadsdel");

        // Approved meanwhile from elsewhere (another tab, or the other approver on duty).
        (await f.Approver.ApproveAsync(id)).ShouldBe(System.Net.HttpStatusCode.OK);

        await card.GetByText("Inte längre i kön: Publicerat").WaitForAsync(new() { Timeout = 10_000 });
        Assert.Equal("Fel stadsdel", await reason.InputValueAsync());
        Assert.True(await card.GetByRole(AriaRole.Button, new() { Name = "Avvisa" }).IsDisabledAsync());
        Assert.True(await card.GetByRole(AriaRole.Button, new() { Name = "Godkänn och publicera" }).IsDisabledAsync());
    }

    [Fact]
    public async Task WithoutItsHubTheApprovalQueueStillFindsNewNoticesByPolling()
    {
        var approver = await f.NewPageAsync();
        // The hub's client cannot load (a proxy that blocks it, say): the queue must not go stale.
        await approver.RouteAsync("**/widget/signalr.js", route => route.AbortAsync());
        await approver.GotoAsync("/console/#/queue");
        await approver.GetByLabel("Användarnamn").FillAsync(Accounts.Approver);
        await approver.GetByLabel("Lösenord").FillAsync(BrowserFixture.Password);
        await approver.GetByRole(AriaRole.Button, new() { Name = "Logga in", Exact = true }).ClickAsync();
        await approver.GetByRole(AriaRole.Heading, new() { Name = "Att godkänna" }).WaitForAsync();

        var id = await f.Author.DraftAndSubmitAsync(SampleNotices.Water(headline: "Kön utan direktanslutning"));

        await ConsolePages.QueueCard(approver, id).WaitForAsync(new() { Timeout = 25_000 }); // polled every 15 s
        (await f.Approver.RejectAsync(id, "Test över")).ShouldBe(System.Net.HttpStatusCode.OK);
    }

    [Fact]
    public async Task AChannelThatNeedsAPersonIsShownWithTheReasonWhileComposing()
    {
        f.Facebook.FailNext(new FakeFault.TokenExpired());
        await f.PublishAsync(SampleNotices.Water(headline: "Sidans token har gått ut", channels: ["facebook"]));
        await WaitForChannelAsync("facebook", healthy: false);
        try
        {
            var author = await ConsolePages.SignInAsync(f, Accounts.Author, "/console/#/compose/new");
            var problem = author.Locator("#f-channel-facebook-problem");
            await problem.WaitForAsync();
            Assert.Contains("Fungerar inte just nu", await problem.TextContentAsync());
            Assert.Equal("f-channel-facebook-problem", await author.Locator("#f-channel-facebook").GetAttributeAsync("aria-describedby"));
            Assert.Equal(0, await author.Locator("#f-channel-x-problem").CountAsync());
            Assert.DoesNotContain(FakeFacebook.SampleToken, await author.ContentAsync());
        }
        finally
        {
            // Only a post that goes through makes the channel healthy again, for the tests after this one.
            f.Facebook.Heal();
            await f.PublishAsync(SampleNotices.Water(headline: "Sidan fungerar igen", channels: ["facebook"]));
            await WaitForChannelAsync("facebook", healthy: true);
            await f.WithdrawEverythingLiveAsync();
        }
    }

    private async Task WaitForChannelAsync(string name, bool healthy)
    {
        for (var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(30); ; await Task.Delay(200))
        {
            var channels = (await f.Author.SendAsync(HttpMethod.Get, "/api/v1/channels")).ShouldBe(System.Net.HttpStatusCode.OK);
            if (channels.Json!.AsArray().Any(c => c!["name"]!.GetValue<string>() == name && c["healthy"]!.GetValue<bool>() == healthy)) return;
            Assert.True(DateTimeOffset.UtcNow < deadline, $"{name} never became {(healthy ? "healthy" : "unhealthy")}: {channels.Body}");
        }
    }

    [Fact]
    public async Task AnApproverCannotApproveTheirOwnNoticeButADirectorMayBreakGlassWithAReason()
    {
        var approversOwn = await f.Approver.DraftAndSubmitAsync(SampleNotices.Water(headline: "Bosses eget meddelande"));
        var approver = await ConsolePages.SignInAsync(f, Accounts.Approver, "/console/#/queue");
        var card = ConsolePages.QueueCard(approver, approversOwn);
        await card.GetByText("Du kan inte godkänna ditt eget meddelande").WaitForAsync();
        // The server lists no approval for a contributor, so the console offers none.
        Assert.Equal(0, await card.GetByRole(AriaRole.Button, new() { Name = "Godkänn och publicera" }).CountAsync());

        var director = await ConsolePages.SignInAsync(f, Accounts.Director);
        await ConsolePages.ApplyTemplateAsync(director, "IT-störning");
        var directorsOwn = await ConsolePages.SubmitAsync(director);
        await director.GetByRole(AriaRole.Link, new() { Name = "Att godkänna" }).ClickAsync();
        card = ConsolePages.QueueCard(director, directorsOwn);
        await card.GetByText("Du kan inte godkänna ditt eget meddelande").WaitForAsync();
        var breakGlass = card.GetByRole(AriaRole.Button, new() { Name = "Bryt glaset och godkänn" });
        await breakGlass.ClickAsync();
        await card.GetByText("Skriv ett skäl.").WaitForAsync();
        await card.GetByLabel("Skäl för att godkänna själv").FillAsync("Ingen annan godkännare nås i natt");
        await breakGlass.ClickAsync();
        await ConsolePages.ConfirmApprovalAsync(director);

        try
        {
            await director.WaitForFunctionAsync($"() => location.hash === '#/notice/{directorsOwn}'");
        }
        catch (TimeoutException)
        {
            throw new Xunit.Sdk.XunitException($"The console did not open the approved notice. On the page:\n{await director.Locator("main").InnerTextAsync()}\nServer log:\n{f.Server.Log[^Math.Min(4000, f.Server.Log.Length)..]}");
        }
        await director.GetByRole(AriaRole.Cell, new() { Name = "godkände i nödläge (bröt glaset)" }).WaitForAsync();
        await director.GetByRole(AriaRole.Cell, new() { Name = "Ingen annan godkännare nås i natt" }).WaitForAsync();
    }

    [Fact]
    public async Task AnApprovalOfANoticeThatChangedMeanwhileIsRefusedAndTheOfficerIsToldPlainly()
    {
        var id = await f.Author.DraftAndSubmitAsync(SampleNotices.Water(headline: "Första texten"));
        var approver = await ConsolePages.SignInAsync(f, Accounts.Approver, "/console/#/queue");
        var card = ConsolePages.QueueCard(approver, id);
        await card.WaitForAsync();
        var director = await Officer.SignInAsync(f.Address, Accounts.Director, BrowserFixture.Password);
        // Just as the approver presses the button, the text is changed under them (rejected, rewritten, sent again).
        await approver.RouteAsync($"**/api/v1/notices/{id}/approve", async route =>
        {
            (await director.RejectAsync(id, "Fel rubrik")).ShouldBe(System.Net.HttpStatusCode.OK);
            (await f.Author.SendAsync(HttpMethod.Put, $"/api/v1/notices/{id}", SampleNotices.Water(headline: "Andra texten"))).ShouldBe(System.Net.HttpStatusCode.OK);
            (await f.Author.SubmitAsync(id)).ShouldBe(System.Net.HttpStatusCode.OK);
            await route.ContinueAsync();
        });

        await card.GetByRole(AriaRole.Button, new() { Name = "Godkänn och publicera" }).ClickAsync();
        await ConsolePages.ConfirmApprovalAsync(approver);

        await approver.Locator("#queue-status").GetByText("Någon annan har ändrat meddelandet sedan du läste det").WaitForAsync();
        await ConsolePages.QueueCard(approver, id).GetByRole(AriaRole.Heading, new() { Name = "Andra texten" }).WaitForAsync();
        Assert.Equal("pendingApproval", (await f.Author.GetAsync(id)).State);
        (await director.WithdrawAsync(id, "test klart")).ShouldBe(System.Net.HttpStatusCode.OK);
    }

    [Fact]
    public async Task ASavedDraftShowsEachSocialPostWithItsLength()
    {
        var author = await ConsolePages.SignInAsync(f, Accounts.Author, "/console/#/compose/new");
        await ConsolePages.ApplyTemplateAsync(author, "Elavbrott");
        var preview = author.Locator(".preview");
        await preview.GetByText("Inga sociala medier valda.").WaitForAsync();
        foreach (var channel in new[] { "X", "Mastodon", "Facebook" })
            await author.GetByLabel(channel, new() { Exact = true }).CheckAsync();
        await preview.GetByText("visas här när utkastet har sparats").WaitForAsync();

        await author.GetByRole(AriaRole.Button, new() { Name = "Spara utkast" }).ClickAsync();
        await author.GetByText("Utkastet sparades kl.").WaitForAsync();
        foreach (var channel in new[] { "x", "mastodon", "facebook" })
        {
            var post = preview.Locator($"[data-channel=\"{channel}\"]");
            await post.WaitForAsync();
            Assert.Contains("Elavbrott i delar av kommunen", await post.Locator(".post-text").TextContentAsync());
            Assert.Matches(new Regex(@"^\d+ av \d+ tecken"), await post.Locator(".post-count").TextContentAsync());
        }
        await author.GetByRole(AriaRole.Textbox, new() { Name = "Rubrik" }).FillAsync("Elavbrott i Ryd");
        await preview.GetByText("Spara igen för att se ändringarna").WaitForAsync();
    }

    [Fact]
    public async Task TheConsoleSwitchesToEnglishAndKeepsWhatWasTyped()
    {
        var author = await ConsolePages.SignInAsync(f, Accounts.Author, "/console/#/compose/new");
        await author.GetByRole(AriaRole.Textbox, new() { Name = "Rubrik" }).FillAsync("Halka på gångbanorna");
        await author.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();

        await author.GetByRole(AriaRole.Heading, new() { Name = "Write a crisis notice" }).WaitForAsync();
        Assert.Equal("en", await author.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal("Halka på gångbanorna", await author.GetByRole(AriaRole.Textbox, new() { Name = "Headline" }).InputValueAsync());
        await author.GetByRole(AriaRole.Button, new() { Name = "Svenska" }).ClickAsync();
        await author.GetByRole(AriaRole.Heading, new() { Name = "Skriv ett krismeddelande" }).WaitForAsync();
    }
}
