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

    /// <summary>
    /// A fresh browser profile: its own storage, so dismissals and sign-ins do not leak between tests.
    /// By default a Swedish laptop; a test may give another computer (a UTC laptop, a phone).
    /// </summary>
    public static async Task<IPage> NewPageAsync(IBrowser browser, Uri address, Device? device = null)
    {
        var d = device ?? Device.SwedishLaptop;
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = address.ToString(),
            Locale = d.Locale,
            TimezoneId = d.TimezoneId,
            ViewportSize = new ViewportSize { Width = d.Width, Height = d.Height },
            IsMobile = d.IsMobile,
            HasTouch = d.IsMobile,
        });
        // Generous: the machine may be busy; every wait ends as soon as its event happens.
        context.SetDefaultTimeout(30_000);
        await context.AddInitScriptAsync(BannerClock.Script);
        await context.AddInitScriptAsync(CspViolations.Script);
        return await context.NewPageAsync();
    }
}

/// <summary>The computer a person sits at: its language, its clock's zone, its screen.</summary>
public sealed record Device(string Locale, string TimezoneId, int Width, int Height, bool IsMobile = false)
{
    public static readonly Device SwedishLaptop = new("sv-SE", "Europe/Stockholm", 1280, 900);

    /// <summary>A 390 × 844 phone (an iPhone 12–14 in CSS pixels).</summary>
    public static readonly Device Phone = new("sv-SE", "Europe/Stockholm", 390, 844, IsMobile: true);
}
