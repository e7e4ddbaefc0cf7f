using Microsoft.Playwright;

namespace CrisisComms.Browser.Tests;

/// <summary>Debian's Chromium under Playwright (its own browser download is not used), one fresh profile per person.</summary>
public static class Chromium
{
    private static readonly string[] Args =
    [
        "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
        Headless = true,
        Args = Args,
    });

    /// <summary>A fresh browser profile: its own storage, so dismissals and sign-ins do not leak between tests.</summary>
    public static async Task<IPage> NewPageAsync(IBrowser browser, Uri address)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = address.ToString(),
            Locale = "sv-SE",
            TimezoneId = "Europe/Stockholm",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        // Generous: the machine may be busy; every wait ends as soon as its event happens.
        context.SetDefaultTimeout(30_000);
        await context.AddInitScriptAsync(BannerClock.Script);
        await context.AddInitScriptAsync(CspViolations.Script);
        return await context.NewPageAsync();
    }
}
