using System.Text.Json;
using CrisisComms.Testing.Client;
using Microsoft.Playwright;

namespace CrisisComms.Browser.Tests;

/// <summary>Issue 12, item 6: the banner lines up with the host's content column; a language switch is announced in the new language.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WidgetPlacementTests(BrowserFixture f)
{
    [Fact]
    public async Task TheBannersTextAndCloseButtonLineUpWithThePagesContentColumn()
    {
        var id = await f.PublishAsync(SampleNotices.Water(headline: "Banderollen i linje med sidan"));
        var page = await DemoPages.OpenPublicAsync(f);
        var banner = DemoPages.Banner(page, id);
        await banner.WaitForAsync();
        var edges = await banner.EvaluateAsync<JsonElement>("""
            b => {
              const main = document.querySelector('main');
              const m = main.getBoundingClientRect(), s = getComputedStyle(main);
              return {
                contentLeft: m.left + parseFloat(s.paddingLeft), contentRight: m.right - parseFloat(s.paddingRight),
                textLeft: b.querySelector('.ccb-headline').getBoundingClientRect().left,
                closeRight: b.querySelector('.ccb-dismiss').getBoundingClientRect().right,
              };
            }
            """);
        double E(string name) => edges.GetProperty(name).GetDouble();
        Assert.InRange(E("textLeft"), E("contentLeft") - 1, E("contentLeft") + 1);
        Assert.InRange(E("closeRight"), E("contentRight") - 1, E("contentRight") + 1);
        (await f.Approver.WithdrawAsync(id, "Test klart")).ShouldBe(System.Net.HttpStatusCode.OK);
    }

    [Fact]
    public async Task AfterALanguageSwitchTheConsolesStatusMessageIsInTheNewLanguage()
    {
        var author = await ConsolePages.SignInAsync(f, Accounts.Author, "/console/#/compose/new");
        var announcer = author.Locator("#announcer");
        await author.WaitForFunctionAsync("() => document.getElementById('announcer').textContent.startsWith('Inloggad')");

        await author.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await author.WaitForFunctionAsync("() => document.getElementById('announcer').textContent === 'The console is now in English.'");
        Assert.Equal("en", await announcer.GetAttributeAsync("lang"));
    }
}
