using System.Net;
using System.Text.RegularExpressions;
using CrisisComms.Testing.Client;

namespace CrisisComms.Server.Tests;

/// <summary>The notices list comes a page at a time, newest first, and says where the next page is.</summary>
[Collection(CrisisServerCollection.Name)]
public sealed partial class NoticePagingTests(CrisisServerFixture f)
{
    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=501", "limit")]
    [InlineData("limit=-1", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("before=no-such-notice", "before")]
    [InlineData("before=", "before")]
    public async Task ABadPageIsA400NamingTheParameter(string query, string field)
    {
        var response = await f.Author.SendAsync(HttpMethod.Get, $"/api/v1/notices?{query}");

        response.ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equal("application/problem+json", response.ContentType);
        Assert.True(response.Json!["errors"]!.AsObject().ContainsKey(field), $"expected '{field}' in {response.Body}");
    }

    [Fact]
    public async Task TheNextLinkLeadsToTheOlderNoticesEvenAfterNewOnesAreWritten()
    {
        var oldest = await CreatedAsync();
        var middle = await CreatedAsync();
        var newest = await CreatedAsync();

        var first = (await f.Author.SendAsync(HttpMethod.Get, "/api/v1/notices?limit=2")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal([newest, middle], Ids(first));
        var next = NextOf(first);

        await CreatedAsync();
        var second = (await f.Author.SendAsync(HttpMethod.Get, next)).ShouldBe(HttpStatusCode.OK);

        Assert.Equal(oldest, Ids(second)[0]);
        Assert.Contains("limit=2", next);
    }

    [Fact]
    public async Task APageThatIsNotFullHasNoNextLink()
    {
        var id = await CreatedAsync();

        var page = (await f.Author.SendAsync(HttpMethod.Get, $"/api/v1/notices?incidentId={id}&limit=5")).ShouldBe(HttpStatusCode.OK);

        Assert.Equal([id], Ids(page));
        Assert.Null(page.Link);
    }

    private async Task<string> CreatedAsync() =>
        (await f.Author.CreateAsync(SampleNotices.Water())).ShouldBe(HttpStatusCode.Created).Id;

    private static string[] Ids(ApiResponse page) => [.. page.Json!.AsArray().Select(n => n!["id"]!.GetValue<string>())];

    private static string NextOf(ApiResponse page)
    {
        Assert.NotNull(page.Link);
        var match = NextLink().Match(page.Link);
        Assert.True(match.Success, page.Link);
        return match.Groups[1].Value;
    }

    [GeneratedRegex("""^<([^>]+)>; rel="next"$""")]
    private static partial Regex NextLink();
}
