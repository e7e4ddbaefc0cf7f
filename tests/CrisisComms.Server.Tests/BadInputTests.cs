using System.Net;
using System.Text.Json.Nodes;
using CrisisComms.Testing.Client;

namespace CrisisComms.Server.Tests;

/// <summary>Bad input is a 400 that names the field, never a 500, and changes nothing stored.</summary>
[Collection(CrisisServerCollection.Name)]
public sealed class BadInputTests(CrisisServerFixture f)
{
    public static TheoryData<string, string> BadNotices() => new()
    {
        { """{"severity":"critical","audience":"everyone","sender":"Kommunen","content":{"en":{"headline":"h","lead":"l"}}}""", "content.sv" },
        { Replace("headline", new string('x', 100_000)), "content.sv.headline" },
        { Replace("link", "javascript:alert(1)"), "link" },
        { Replace("link", "http://www.linkoping.se/kris"), "link" },
        { """{"severity":"critical","audience":"everyone","sender":"Kommunen","content":{"sv":{"headline":"h","lead":"l"},"xx-klingon!":{"headline":"h","lead":"l"}}}""", "content.xx-klingon!" },
        { """{"severity":"critical","audience":"everyone","sender":"Kommunen","content":{"sv":{"headline":"h","lead":"l"},"zz":{"headline":"h","lead":"l"}}}""", "content.zz" },
        { Replace("expiresAt", "2020-01-01T00:00:00Z"), "expiresAt" },
        { """{"severity":42,"audience":"everyone","sender":"Kommunen","content":{"sv":{"headline":"h","lead":"l"}}}""", "severity" },
        { """{"severity":"apocalyptic","audience":"everyone","sender":"Kommunen","content":{"sv":{"headline":"h","lead":"l"}}}""", "severity" },
        { """{"severity":"critical","audience":"everyone","sender":["a"],"content":{"sv":{"headline":"h","lead":"l"}}}""", "sender" },
        { """{"severity":"critical","audience":"everyone","sender":"Kommunen","content":{"sv":{"headline":"h","lead":"l"}},"channels":["myspace"]}""", "channels[0]" },
        { """{"severity":"critical","audience":"everyone","sender":"Kommunen","content":{"sv":{"headline":"h"}}}""", "content.sv.lead" },
        { """{"severity":"critical","audience":"everyone","content":{"sv":{"headline":"h","lead":"l"}}}""", "sender" },
        { """{"severity":"critical","audience":"everyone","sender":"Kommunen","content":{"sv":{"headline":"h","lead":"l"}}""", "body" },
        { "[]", "body" },
    };

    [Theory]
    [MemberData(nameof(BadNotices))]
    public async Task ABadNoticeIsA400NamingTheFieldAndStoresNothing(string body, string field)
    {
        var before = (await f.Author.SendAsync(HttpMethod.Get, "/api/v1/notices?state=draft")).Json!.AsArray().Count;

        var response = await f.Author.SendAsync(HttpMethod.Post, "/api/v1/notices", body);

        response.ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equal("application/problem+json", response.ContentType);
        Assert.True(response.Json!["errors"]!.AsObject().ContainsKey(field), $"expected '{field}' in {response.Body}");
        Assert.Equal(before, (await f.Author.SendAsync(HttpMethod.Get, "/api/v1/notices?state=draft")).Json!.AsArray().Count);
    }

    [Fact]
    public async Task ABadEditLeavesTheStoredNoticeAsItWas()
    {
        var id = (await f.Author.CreateAsync(SampleNotices.Water())).ShouldBe(HttpStatusCode.Created).Id;
        var before = (await f.Author.GetAsync(id)).Body;

        var response = await f.Author.SendAsync(HttpMethod.Put, $"/api/v1/notices/{id}", Replace("link", "javascript:alert(1)"));

        response.ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equal(before, (await f.Author.GetAsync(id)).Body);
    }

    [Fact]
    public async Task AnUnknownIdIs404AndAWrongStateIs409()
    {
        (await f.Approver.GetAsync("does-not-exist")).ShouldBe(HttpStatusCode.NotFound);
        (await f.Approver.ApproveAsync("does-not-exist")).ShouldBe(HttpStatusCode.NotFound);
        var draft = (await f.Author.CreateAsync(SampleNotices.Water())).ShouldBe(HttpStatusCode.Created).Id;
        var conflict = (await f.Approver.ApproveAsync(draft)).ShouldBe(HttpStatusCode.Conflict);
        Assert.Equal("application/problem+json", conflict.ContentType);
        Assert.Equal("draft", (await f.Author.GetAsync(draft)).State);
        (await f.Approver.RejectAsync(draft, "x")).ShouldBe(HttpStatusCode.Conflict);
        (await f.Approver.SendAsync(HttpMethod.Get, "/api/v1/notices?state=nonsense")).ShouldBe(HttpStatusCode.BadRequest);
        (await f.Approver.SendAsync(HttpMethod.Get, "/api/v1/banners?audience=everyone")).ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task MarkupInAHeadlineIsKeptAsPlainText()
    {
        const string headline = "<script>alert(1)</script>";
        var created = (await f.Author.CreateAsync(SampleNotices.Water(headline: headline))).ShouldBe(HttpStatusCode.Created);
        Assert.Equal(headline, created.Json!["content"]!["sv"]!["headline"]!.GetValue<string>());
        Assert.Equal(headline, (await f.Author.GetAsync(created.Id)).Json!["content"]!["sv"]!["headline"]!.GetValue<string>());
    }

    [Fact]
    public async Task ALinkOutsideTheSiteDomainIsMarkedExternal()
    {
        var notice = SampleNotices.Water();
        notice["link"] = "https://www.krisinformation.se/handelser";
        var external = (await f.Author.CreateAsync(notice)).ShouldBe(HttpStatusCode.Created);
        var own = (await f.Author.CreateAsync(SampleNotices.Water())).ShouldBe(HttpStatusCode.Created);
        Assert.True(external.Json!["linkIsExternal"]!.GetValue<bool>());
        Assert.False(own.Json!["linkIsExternal"]!.GetValue<bool>());
    }

    private static string Replace(string field, string value)
    {
        var notice = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(SampleNotices.Water()))!.AsObject();
        if (field == "headline") notice["content"]!["sv"]!["headline"] = value;
        else notice[field] = value;
        return notice.ToJsonString();
    }
}
