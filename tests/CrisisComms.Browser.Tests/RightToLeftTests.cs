using System.Text.Json;
using CrisisComms.Testing.Client;
using Microsoft.Playwright;

namespace CrisisComms.Browser.Tests;

/// <summary>Issue 12, item 2: Arabic reads right to left, with Arabic labels, the same in the widget and the console's preview.</summary>
[Collection(BrowserCollection.Name)]
public sealed class RightToLeftTests(BrowserFixture f)
{
    private static Dictionary<string, object?> ArabicWater(string headline)
    {
        var notice = SampleNotices.Water(headline: headline);
        var content = (Dictionary<string, object>)notice["content"]!;
        content["ar"] = new
        {
            headline = "اغلِ الماء قبل شربه (حي Berga، 2 كم)",
            lead = "قد تحتوي مياه الشرب على بكتيريا.",
            instruction = "اغلِ الماء لمدة ثلاث دقائق على الأقل.",
        };
        return notice;
    }

    // What a reader is given of each part of a banner: its words, their language and direction.
    private const string Parts = """
        ([banner, prefix, close]) => ['tags', 'headline', 'lead', 'instruction strong', 'instruction span', close].map(part => {
          const el = banner.querySelector(part === close ? '.' + prefix + close : '.' + prefix + part.replace(' ', ' '));
          return el ? [part === close ? 'close' : part, el.lang, el.dir, el.textContent.trim()].join('|') : part + ': missing';
        })
        """;

    [Fact]
    public async Task AnArabicBannerIsRightToLeftWithArabicLabelsAndThePreviewSaysTheSame()
    {
        var id = await f.PublishAsync(ArabicWater("Koka vattnet i Berga, på arabiska också"));
        var page = await DemoPages.OpenPublicAsync(f);
        var banner = DemoPages.Banner(page, id);
        await banner.WaitForAsync();
        await page.Locator(".ccb-langs [data-ccb-language=\"ar\"]").ClickAsync();
        var headline = banner.Locator(".ccb-headline");
        await headline.Locator("xpath=self::*[@lang=\"ar\"]").WaitForAsync();
        Assert.Equal("rtl", await headline.GetAttributeAsync("dir"));
        Assert.Equal("rtl", await banner.Locator(".ccb-lead").GetAttributeAsync("dir"));
        Assert.Equal("ar", await banner.Locator(".ccb-tags").GetAttributeAsync("lang"));
        Assert.Equal("أزمة", await banner.Locator(".ccb-severity").TextContentAsync());
        Assert.Equal("إغلاق", (await banner.Locator(".ccb-dismiss").TextContentAsync())!.Trim());

        var draft = (await f.Author.CreateAsync(ArabicWater("Koka vattnet i Berga, på arabiska också"))).ShouldBe(System.Net.HttpStatusCode.Created).Id;
        var author = await ConsolePages.SignInAsync(f, Accounts.Author, $"/console/#/compose/edit/{draft}");
        await author.Locator("#f-content [role=tab][data-tag=ar]").ClickAsync();
        Assert.Equal("rtl", await author.Locator("#f-c-ar-headline").GetAttributeAsync("dir"));
        var preview = author.Locator(".preview .pv-banner").First;
        await preview.Locator(".pv-headline[lang=\"ar\"]").WaitForAsync();

        var inWidget = await banner.EvaluateAsync<JsonElement>($"b => ({Parts})([b, 'ccb-', 'dismiss'])");
        var inPreview = await preview.EvaluateAsync<JsonElement>($"b => ({Parts})([b, 'pv-', 'close'])");
        Assert.Equal(Strings(inWidget), Strings(inPreview));
        (await f.Approver.WithdrawAsync(id, "Test klart")).ShouldBe(System.Net.HttpStatusCode.OK);
    }

    [Fact]
    public async Task ALanguageWithoutLabelsTakesThePageLanguageNotEnglish()
    {
        var notice = SampleNotices.Water(headline: "Koka vattnet, även på pashto");
        ((Dictionary<string, object>)notice["content"]!)["ps"] = new { headline = "اوبه وایشوئ", lead = "د څښلو اوبه ښايي باکتریا ولري." };
        var id = await f.PublishAsync(notice);
        var page = await DemoPages.OpenPublicAsync(f);
        var banner = DemoPages.Banner(page, id);
        await banner.WaitForAsync();
        await page.Locator(".ccb-langs [data-ccb-language=\"ps\"]").ClickAsync();
        await banner.Locator(".ccb-headline[lang=\"ps\"][dir=\"rtl\"]").WaitForAsync();
        Assert.Equal("sv", await banner.Locator(".ccb-tags").GetAttributeAsync("lang"));
        Assert.Equal("ltr", await banner.Locator(".ccb-tags").GetAttributeAsync("dir"));
        Assert.Equal("Kris", await banner.Locator(".ccb-severity").TextContentAsync());
        (await f.Approver.WithdrawAsync(id, "Test klart")).ShouldBe(System.Net.HttpStatusCode.OK);
    }

    private static string[] Strings(JsonElement parts) => [.. parts.EnumerateArray().Select(p => p.GetString()!)];
}
