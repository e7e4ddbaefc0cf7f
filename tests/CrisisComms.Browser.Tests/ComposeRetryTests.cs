using CrisisComms.Testing.Client;
using Microsoft.Playwright;

namespace CrisisComms.Browser.Tests;

/// <summary>A save whose answer never came back is tried again by the officer: one draft, not two.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ComposeRetryTests(BrowserFixture f)
{
    [Fact]
    public async Task ASaveWhoseAnswerWasLostMakesOneDraftWhenTriedAgain()
    {
        var author = await ConsolePages.SignInAsync(f, Accounts.Author, "/console/#/compose/new");
        await ConsolePages.ApplyTemplateAsync(author, "Elavbrott");
        var headline = $"Elavbrott {Guid.NewGuid():N}"[..24];
        await author.GetByRole(AriaRole.Textbox, new() { Name = "Rubrik" }).FillAsync(headline);
        var keys = new List<string?>();
        await author.RouteAsync("**/api/v1/notices", async route =>
        {
            if (route.Request.Method != "POST")
            {
                await route.ContinueAsync();
                return;
            }
            keys.Add(route.Request.Headers.GetValueOrDefault("idempotency-key"));
            if (keys.Count > 1)
            {
                await route.ContinueAsync();
                return;
            }
            // The server saves it, but the answer is lost on the way back.
            await route.FetchAsync();
            await route.AbortAsync();
        });

        var save = author.GetByRole(AriaRole.Button, new() { Name = "Spara utkast" });
        await save.ClickAsync();
        await author.GetByText("Kunde inte nå servern").First.WaitForAsync();
        await save.ClickAsync();
        await author.GetByText("Utkastet sparades kl.").WaitForAsync();

        Assert.Equal(2, keys.Count);
        Assert.False(string.IsNullOrEmpty(keys[0]));
        Assert.Equal(keys[0], keys[1]);
        var all = (await f.Author.SendAsync(HttpMethod.Get, "/api/v1/notices")).ShouldBe(System.Net.HttpStatusCode.OK);
        Assert.Single(all.Json!.AsArray(), n => n!["content"]!["sv"]!["headline"]!.GetValue<string>() == headline);
    }
}
