using Microsoft.Playwright;

namespace CrisisComms.Browser.Tests;

/// <summary>
/// Records, inside the page, the moment each banner element (data-ccb-id) first appeared and last
/// disappeared, by a MutationObserver installed before any page script runs. Comparing those
/// moments across pages says which page showed a banner first, without polling from the test.
/// </summary>
public static class BannerClock
{
    public const string Script = """
        (() => {
          const seen = window.__ccbSeen = {};
          const gone = window.__ccbGone = {};
          const scan = () => {
            const now = Date.now();
            const present = new Set();
            for (const el of document.querySelectorAll('[data-ccb-id]')) {
              const id = el.getAttribute('data-ccb-id');
              present.add(id);
              if (!(id in seen)) seen[id] = now;
              delete gone[id];
            }
            for (const id of Object.keys(seen)) if (!present.has(id) && !(id in gone)) gone[id] = now;
          };
          new MutationObserver(scan).observe(document, { childList: true, subtree: true });
        })();
        """;

    /// <summary>When (Unix ms) the page first showed the banner; waits for it first.</summary>
    public static async Task<DateTimeOffset> ShownAtAsync(IPage page, string noticeId, float timeoutMs = 30_000)
    {
        await page.WaitForSelectorAsync(Selector(noticeId), new PageWaitForSelectorOptions { Timeout = timeoutMs });
        return DateTimeOffset.FromUnixTimeMilliseconds(await page.EvaluateAsync<long>("id => window.__ccbSeen[id]", noticeId));
    }

    /// <summary>When (Unix ms) the banner left the page; waits for it to go first.</summary>
    public static async Task<DateTimeOffset> GoneAtAsync(IPage page, string noticeId, float timeoutMs = 30_000)
    {
        await page.WaitForSelectorAsync(Selector(noticeId), new PageWaitForSelectorOptions { State = WaitForSelectorState.Detached, Timeout = timeoutMs });
        return DateTimeOffset.FromUnixTimeMilliseconds(await page.EvaluateAsync<long>("id => window.__ccbGone[id]", noticeId));
    }

    public static string Selector(string noticeId) => $"[data-ccb-id=\"{noticeId}\"]";
}
