using System.Net;

namespace CrisisComms.Server.Tests;

/// <summary>What a browser is told about our responses: never sniff, keep addresses to ourselves, run no injected script.</summary>
[Collection(CrisisServerCollection.Name)]
public sealed class SecurityHeadersTests(CrisisServerFixture f)
{
    public static TheoryData<string> AnyResponse =>
        ["/api/v1/banners?audience=public", "/api/v1/notices", "/api/v1/banners?audience=nobody", "/health/live", "/widget/crisis-banner.js", "/no/such/page", "/console/"];

    public static TheoryData<string> OurPages =>
        ["/console/", "/console/js/app.js", "/console/console.css", "/", "/demo/public", "/demo/intranet"];

    [Theory, MemberData(nameof(AnyResponse))]
    public async Task EveryResponseForbidsSniffingAndSaysWhatItsReferrerIs(string path)
    {
        using var http = f.Server.CreateClient();
        using var response = await http.GetAsync(path);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Contains(Header(response, "Referrer-Policy"), new[] { "no-referrer", "strict-origin-when-cross-origin" });
        Assert.Null(Header(response, "Strict-Transport-Security"));
    }

    [Theory, MemberData(nameof(OurPages))]
    public async Task OurPagesRunOnlyOurOwnScriptsAndCannotBeFramed(string path)
    {
        using var http = f.Server.CreateClient();
        using var response = await http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var policy = Directives(Header(response, "Content-Security-Policy"));
        Assert.Equal("'self'", policy["script-src"]);
        Assert.Equal("'self'", policy["style-src"]);
        Assert.Equal("'none'", policy["object-src"]);
        Assert.Equal("'none'", policy["frame-ancestors"]);
        Assert.Equal("'none'", policy["base-uri"]);
        Assert.Contains($"ws://{f.Address.Authority}", policy["connect-src"]);
        Assert.DoesNotContain("unsafe", string.Join(' ', policy.Values));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
    }

    [Fact]
    public async Task TheBannerFeedStaysReadableFromOtherSites()
    {
        using var http = f.Server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/banners?audience=public");
        request.Headers.Add("Origin", "https://www.example.org");
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("*", Header(response, "Access-Control-Allow-Origin"));
        Assert.Null(Header(response, "Content-Security-Policy"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
    }

    internal static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values) : null;

    internal static Dictionary<string, string> Directives(string? policy)
    {
        Assert.NotNull(policy);
        return policy.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => d.Split(' ', 2))
            .ToDictionary(d => d[0], d => d.Length > 1 ? d[1] : "");
    }
}
