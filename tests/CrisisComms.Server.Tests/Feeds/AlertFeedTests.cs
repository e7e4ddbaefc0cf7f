using System.Net;
using System.ServiceModel.Syndication;
using System.Xml;
using CrisisComms.Testing.Client;

namespace CrisisComms.Server.Tests.Feeds;

[Collection(CrisisServerCollection.Name)]
public sealed class AlertFeedTests(CrisisServerFixture f)
{
    private static string Identifier(string id, string kind) => $"urn:crisiscomms:linkoping.se:{id}:{kind}";

    private async Task<SyndicationFeed> FeedAsync(string path)
    {
        using var anonymous = new HttpClient { BaseAddress = f.Address };
        using var response = await anonymous.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(bytes.Length < 100_000, $"the feed is {bytes.Length} bytes");
        using var reader = XmlReader.Create(new MemoryStream(bytes));
        return SyndicationFeed.Load(reader);
    }

    private async Task<string> GoPublicAsync(object notice)
    {
        var id = await f.PublishAsync(notice);
        (await f.Approver.ReleaseNextAsync(id)).ShouldBe(HttpStatusCode.OK);
        return id;
    }

    private static List<string> Ids(SyndicationFeed feed) => [.. feed.Items.Select(i => i.Id)];

    [Fact]
    public async Task TheAtomFeedListsShownNoticesNewestFirstLinkingTheirCapMessages()
    {
        var older = await GoPublicAsync(SampleNotices.Water(headline: "Flöde först"));
        var newer = await GoPublicAsync(SampleNotices.Water(headline: "Flöde sedan"));
        var staff = await f.PublishAsync(SampleNotices.Water(audience: "staff", headline: "Flöde personal"));

        var feed = await FeedAsync("/feeds/alerts.atom");
        var ids = Ids(feed);
        Assert.True(ids.IndexOf(Identifier(newer, "alert")) is >= 0 and var n && n < ids.IndexOf(Identifier(older, "alert")),
            $"newest first: {string.Join(", ", ids)}");
        Assert.DoesNotContain(Identifier(staff, "alert"), ids);

        var entry = feed.Items.Single(i => i.Id == Identifier(newer, "alert"));
        Assert.Equal("Flöde sedan", entry.Title.Text);
        Assert.Equal("Koka vattnet innan du dricker det.", ((TextSyndicationContent)entry.Summary).Text);
        var cap = entry.Links.Single(l => l.MediaType == "application/cap+xml");
        Assert.Equal("alternate", cap.RelationshipType);
        Assert.Equal(new Uri(f.Address, $"/cap/{Identifier(newer, "alert")}.xml"), cap.Uri);
        Assert.Contains(entry.Links, l => l.Uri == new Uri("https://www.linkoping.se/kris/vatten") && l.RelationshipType == "alternate");

        using var anonymous = new HttpClient();
        using var message = await anonymous.GetAsync(cap.Uri);
        Assert.Equal(HttpStatusCode.OK, message.StatusCode);
        CapSchema.Valid(await message.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TheRssFeedHasTheSameEntriesWithTheNoticePageAsItsLink()
    {
        var id = await GoPublicAsync(SampleNotices.Water(headline: "RSS-flöde"));
        var feed = await FeedAsync("/feeds/alerts.rss");
        var item = feed.Items.Single(i => i.Id == Identifier(id, "alert"));
        Assert.Equal("RSS-flöde", item.Title.Text);
        Assert.Equal("Koka vattnet innan du dricker det.", ((TextSyndicationContent)item.Summary).Text);
        Assert.Equal(new Uri("https://www.linkoping.se/kris/vatten"), item.Links[0].Uri);
        Assert.Contains(item.Links, l => l.MediaType == "application/cap+xml" && l.Uri == new Uri(f.Address, $"/cap/{Identifier(id, "alert")}.xml"));
        Assert.Equal(Ids(await FeedAsync("/feeds/alerts.atom")), Ids(feed));
    }

    [Fact]
    public async Task AWithdrawalLeavesItsCancelInTheFeedInsteadOfTheAlert()
    {
        var id = await GoPublicAsync(SampleNotices.Water(headline: "Flöde återkallat"));
        Assert.Contains(Identifier(id, "alert"), Ids(await FeedAsync("/feeds/alerts.atom")));
        (await f.Approver.WithdrawAsync(id, "Fel område")).ShouldBe(HttpStatusCode.OK);

        var ids = Ids(await FeedAsync("/feeds/alerts.atom"));
        Assert.Contains(Identifier(id, "cancel"), ids);
        Assert.DoesNotContain(Identifier(id, "alert"), ids);
        Assert.Equal(0, ids.IndexOf(Identifier(id, "cancel")));
    }

    [Fact]
    public async Task AnAllClearStaysInTheFeedAfterItsBannerHasGone()
    {
        var id = await GoPublicAsync(SampleNotices.Water(headline: "Flöde larm"));
        var allClear = (await f.Author.AllClearAsync(id, SampleNotices.Water(headline: "Flöde faran över"))).ShouldBe(HttpStatusCode.Created).Id;
        (await f.Author.SubmitAsync(allClear)).ShouldBe(HttpStatusCode.OK);
        (await f.Approver.ApproveAsync(allClear)).ShouldBe(HttpStatusCode.OK);
        (await f.Approver.ReleaseNextAsync(allClear)).ShouldBe(HttpStatusCode.OK);

        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(30);
        while ((await f.Approver.GetAsync(allClear)).State != "closed")
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, "the all-clear never closed");
            await Task.Delay(100);
        }
        var ids = Ids(await FeedAsync("/feeds/alerts.atom"));
        Assert.Contains(Identifier(allClear, "allclear"), ids);
        Assert.DoesNotContain(Identifier(id, "alert"), ids);
    }

    [Theory]
    [InlineData("en", "Boil your tap water")]
    [InlineData("sv-x-easy", "Koka vattnet")]
    [InlineData("fi", "Flöde språk")]
    [InlineData("sv", "Flöde språk")]
    public async Task LangPicksTheLanguageOfTitlesWithSwedishAsFallback(string lang, string title)
    {
        var id = await GoPublicAsync(SampleNotices.Water(headline: "Flöde språk"));
        var feed = await FeedAsync($"/feeds/alerts.atom?lang={lang}");
        Assert.Equal(title, feed.Items.Single(i => i.Id == Identifier(id, "alert")).Title.Text);
        var rss = await FeedAsync($"/feeds/alerts.rss?lang={lang}");
        Assert.Equal(title, rss.Items.Single(i => i.Id == Identifier(id, "alert")).Title.Text);
    }

    [Fact]
    public async Task ExercisesAreOnlyInTheExerciseFeed()
    {
        var drill = await GoPublicAsync(SampleNotices.Water(mode: "exercise", headline: "Flöde övning"));
        var actual = await GoPublicAsync(SampleNotices.Water(headline: "Flöde skarpt"));

        var exercise = Ids(await FeedAsync("/feeds/alerts.atom?mode=exercise"));
        Assert.Contains(Identifier(drill, "alert"), exercise);
        Assert.DoesNotContain(Identifier(actual, "alert"), exercise);
        var real = Ids(await FeedAsync("/feeds/alerts.rss"));
        Assert.DoesNotContain(Identifier(drill, "alert"), real);
        Assert.Contains(Identifier(actual, "alert"), real);
        Assert.DoesNotContain(Identifier(drill, "alert"), Ids(await FeedAsync("/feeds/alerts.atom?mode=test")));
    }

    [Theory]
    [InlineData("/feeds/alerts.atom")]
    [InlineData("/feeds/alerts.rss?lang=en")]
    public async Task TheFeedsAnswerNotModifiedToTheirETag(string path)
    {
        await GoPublicAsync(SampleNotices.Water(headline: "Flöde etag"));
        using var http = new HttpClient { BaseAddress = f.Address };
        // Other tests' stages may move the revision between two requests, so try a few times.
        for (var attempt = 1; ; attempt++)
        {
            using var first = await http.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            var etag = first.Headers.ETag;
            Assert.NotNull(etag);
            Assert.True(first.Headers.CacheControl!.Public);
            using var again = new HttpRequestMessage(HttpMethod.Get, path);
            again.Headers.IfNoneMatch.Add(etag);
            using var second = await http.SendAsync(again);
            if (second.StatusCode == HttpStatusCode.NotModified) break;
            Assert.True(attempt < 5, "the same ETag never answered 304");
        }
        var before = await http.GetAsync(path);
        await GoPublicAsync(SampleNotices.Water(headline: "Flöde etag nytt"));
        using var changed = new HttpRequestMessage(HttpMethod.Get, path);
        changed.Headers.IfNoneMatch.Add(before.Headers.ETag!);
        using var after = await http.SendAsync(changed);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Theory]
    [InlineData("/feeds/alerts.atom?mode=drill", "mode")]
    [InlineData("/feeds/alerts.rss?lang=<b>", "lang")]
    public async Task ABadQueryIsRefusedNamingTheField(string path, string field)
    {
        using var http = new HttpClient { BaseAddress = f.Address };
        using var response = await http.GetAsync(path);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"\"{field}\"", await response.Content.ReadAsStringAsync());
    }
}
