using CrisisComms.Testing.Client;

namespace CrisisComms.Browser.Tests;

/// <summary>A template carries its CAP category, and an update keeps the notice's category.</summary>
[Collection(BrowserCollection.Name)]
public sealed class TemplateCategoryTests(BrowserFixture f)
{
    [Fact]
    public async Task ANoticeComposedFromTheStormTemplateIsCategoryMet()
    {
        var author = await ConsolePages.SignInAsync(f, Accounts.Author);
        await ConsolePages.ApplyTemplateAsync(author, "Storm");
        var id = await ConsolePages.SubmitAsync(author);

        var notice = (await f.Author.GetAsync(id)).ShouldBe(System.Net.HttpStatusCode.OK);
        Assert.Equal("Met", notice.Json!["category"]!.GetValue<string>());
    }
}
