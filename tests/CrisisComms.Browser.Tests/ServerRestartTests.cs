using CrisisComms.Testing.Client;
using Microsoft.Playwright;

namespace CrisisComms.Browser.Tests;

/// <summary>Show 4: pages open through a crash and restart of the service recover by themselves.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ServerRestartTests(BrowserFixture f)
{
    private const string NotLive = ".ccb-root:not([data-ccb-status=\"live\"])";

    [Fact]
    public async Task OpenPagesReconnectAfterTheServerIsKilledAndStartedAgainAndShowWhatIsPublishedAfterwards()
    {
        var publicPage = await DemoPages.OpenPublicAsync(f);
        var intranetPage = await DemoPages.OpenIntranetAsync(f);
        var before = await f.PublishAsync(SampleNotices.Water(headline: "Koka vattnet i Lambohov"));
        await DemoPages.Banner(publicPage, before).WaitForAsync();
        await DemoPages.Banner(intranetPage, before).WaitForAsync();

        await f.Server.KillAsync();
        await publicPage.WaitForSelectorAsync(NotLive, new() { State = WaitForSelectorState.Attached });
        await intranetPage.WaitForSelectorAsync(NotLive, new() { State = WaitForSelectorState.Attached });
        await f.Server.StartAsync(); // the same port and data folder

        foreach (var page in new[] { publicPage, intranetPage })
        {
            await DemoPages.WaitForLiveAsync(page, timeoutMs: 60_000);
            await DemoPages.Banner(page, before).WaitForAsync();
        }

        var after = await f.PublishAsync(SampleNotices.Water(headline: "Koka vattnet i Vallastaden"));
        await DemoPages.Banner(publicPage, after).WaitForAsync();
        await DemoPages.Banner(intranetPage, after).WaitForAsync();
    }
}
