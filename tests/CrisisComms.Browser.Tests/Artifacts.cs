using CrisisComms.Testing.Server;
using Microsoft.Playwright;

namespace CrisisComms.Browser.Tests;

/// <summary>
/// Screenshots as test artifacts under TestResults/screenshots; with UPDATE_DOCS=1 the ones the
/// README shows are also copied into docs/screenshots (as docs/openapi.json is kept).
/// </summary>
public static class Artifacts
{
    public static string Folder { get; } = Path.Combine(ServerBuild.RepositoryRoot, "TestResults", "screenshots");

    public static async Task<string> ScreenshotAsync(IPage page, string name, string? docsName = null, bool fullPage = false)
    {
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, $"{name}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = fullPage });
        if (docsName is not null && Environment.GetEnvironmentVariable("UPDATE_DOCS") == "1")
        {
            var docs = Path.Combine(ServerBuild.RepositoryRoot, "docs", "screenshots");
            Directory.CreateDirectory(docs);
            File.Copy(path, Path.Combine(docs, docsName), overwrite: true);
        }
        return path;
    }
}
