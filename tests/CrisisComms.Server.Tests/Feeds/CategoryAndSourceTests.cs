using System.Net;
using CrisisComms.Testing.Client;

namespace CrisisComms.Server.Tests.Feeds;

[Collection(CrisisServerCollection.Name)]
public sealed class CategoryAndSourceTests(CrisisServerFixture server)
{
    [Fact]
    public async Task ANoticeKeepsItsCategoryAndDefaultsToSafety()
    {
        var fire = SampleNotices.Water();
        fire["category"] = "Fire";
        var created = (await server.Author.CreateAsync(fire)).ShouldBe(HttpStatusCode.Created);
        Assert.Equal("Fire", created.Json!["category"]!.GetValue<string>());
        Assert.Equal("Fire", (await server.Author.GetAsync(created.Id)).Json!["category"]!.GetValue<string>());

        var plain = (await server.Author.CreateAsync(SampleNotices.Water())).ShouldBe(HttpStatusCode.Created);
        Assert.Equal("Safety", plain.Json!["category"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnUnknownCategoryIsRefusedNamingTheField()
    {
        var notice = SampleNotices.Water();
        notice["category"] = "Weather";
        var refused = (await server.Author.CreateAsync(notice)).ShouldBe(HttpStatusCode.BadRequest);
        Assert.NotNull(refused.Json!["errors"]!["category"]);
    }

    [Fact]
    public async Task OurOwnBannersSaySourceOwn()
    {
        var id = await server.PublishAsync(SampleNotices.Water(headline: "Källa egen"));
        (await server.Approver.ReleaseNextAsync(id)).ShouldBe(HttpStatusCode.OK);
        using var anonymous = new HttpClient { BaseAddress = server.Address };
        var snapshot = System.Text.Json.Nodes.JsonNode.Parse(await anonymous.GetStringAsync("/api/v1/banners?audience=public"))!;
        var banner = snapshot["banners"]!.AsArray().Single(b => b!["id"]!.GetValue<string>() == id)!;
        Assert.Equal("own", banner["source"]!.GetValue<string>());
    }
}
