using Microsoft.Playwright;

namespace CrisisComms.Browser.Tests;

/// <summary>
/// Records, inside every page of every test, each thing its Content-Security-Policy blocked, by a
/// securitypolicyviolation listener installed before any page script runs.
/// </summary>
public static class CspViolations
{
    public const string Script = """
        (() => {
          const found = window.__cspViolations = [];
          document.addEventListener('securitypolicyviolation', (e) =>
            found.push(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} from ${e.sourceFile || '?'}:${e.lineNumber}`));
        })();
        """;

    public static Task<string[]> OnAsync(IPage page) => page.EvaluateAsync<string[]>("() => [...window.__cspViolations]");

    /// <summary>
    /// Shows the page is under a policy at all: an inline script added now does not run, and is reported.
    /// The report is then forgotten, so the page's own count stays what the page itself caused.
    /// </summary>
    public static async Task AssertEnforcedAsync(IPage page)
    {
        var before = (await OnAsync(page)).Length;
        var ran = await page.EvaluateAsync<bool>("""
            () => {
              const probe = document.createElement('script');
              probe.textContent = 'window.__inlineRan = true';
              document.head.appendChild(probe);
              probe.remove();
              return window.__inlineRan === true;
            }
            """);
        Assert.False(ran, "an inline script ran: the page is under no policy that forbids it");
        await page.WaitForFunctionAsync("n => window.__cspViolations.length > n", before);
        await page.EvaluateAsync("n => window.__cspViolations.splice(n)", before);
    }
}
