using CrisisComms.Testing.Client;
using CrisisComms.Testing.Fakes;
using Microsoft.Playwright;

namespace CrisisComms.Browser.Tests;

/// <summary>A VMA from Sveriges Radio shows on the public page above our own notice, named as a VMA with its sender.</summary>
[Collection(BrowserCollection.Name)]
public sealed class VmaWidgetTests(BrowserFixture f)
{
    [Fact]
    public async Task AVmaShowsAboveOurOwnNoticeNamedAsAVmaWithItsSender()
    {
        var page = await DemoPages.OpenPublicAsync(f);
        var own = await f.PublishAsync(SampleNotices.Water(headline: "Koka vattnet i Johannelund"));
        await DemoPages.Banner(page, own).WaitForAsync();

        const string title = "Viktigt meddelande till allmänheten (VMA) i Linköpings kommun, brand i Tornby";
        f.Vma.Put(FakeVmaApi.Alert("SRVMA-BROWSER-1", @event: title));
        try
        {
            var vma = page.Locator(".ccb-banner[data-ccb-source=\"vma\"]").Filter(new() { HasText = title });
            await vma.WaitForAsync(new() { Timeout = 15_000 });
            Assert.Equal("VMA — Viktigt meddelande till allmänheten", await vma.Locator(".ccb-source").TextContentAsync());
            Assert.Contains("Länsstyrelsen Östergötland", await vma.Locator(".ccb-sender").TextContentAsync());

            var order = await page.Locator(".ccb-banner").EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('data-ccb-source'))");
            Assert.Equal("vma", order[0]);
            Assert.Contains("own", order);
        }
        finally
        {
            f.Vma.Remove("SRVMA-BROWSER-1");
        }
        await page.Locator(".ccb-banner[data-ccb-source=\"vma\"]").WaitForAsync(new() { State = WaitForSelectorState.Detached, Timeout = 15_000 });
    }
}
