using System.Net;
using System.Text.Json.Nodes;
using System.Web;
using CrisisComms.Testing.Fakes;

namespace CrisisComms.Server.Tests;

/// <summary>
/// The fake authority the console's browser test signs in through must hold the console to PKCE:
/// otherwise that test would pass with a console that sends any verifier.
/// </summary>
public sealed class FakeAuthorityCodeFlowTests
{
    private const string RedirectUri = "http://127.0.0.1:5080/console/";

    [Fact]
    public async Task ACodeIsTradedOnlyWithTheVerifierOfItsChallengeAndOnlyOnce()
    {
        await using var authority = await FakeOidcAuthority.StartAsync();
        authority.SignsIn("oid-olle", "Olle Organisation", "author");
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(authority.Issuer) };
        var verifier = new string('v', 43);

        var wrong = await TradeAsync(http, await AuthorizeAsync(http, FakeOidcAuthority.ChallengeOf(verifier)), new string('w', 43));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.Status);
        Assert.Equal("invalid_grant", wrong.Json["error"]!.GetValue<string>());
        Assert.Equal("*", wrong.AllowOrigin);

        var code = await AuthorizeAsync(http, FakeOidcAuthority.ChallengeOf(verifier));
        var right = await TradeAsync(http, code, verifier);
        Assert.Equal(HttpStatusCode.OK, right.Status);
        Assert.Equal("*", right.AllowOrigin);
        var token = new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(right.Json["access_token"]!.GetValue<string>());
        Assert.Equal(["crisiscomms"], token.Audiences);
        Assert.Equal(["author"], token.Claims.Where(c => c.Type == "roles").Select(c => c.Value));

        var again = await TradeAsync(http, code, verifier);
        Assert.Equal("invalid_grant", again.Json["error"]!.GetValue<string>());
    }

    private static async Task<string> AuthorizeAsync(HttpClient http, string challenge)
    {
        var query = $"response_type=code&client_id={FakeOidcAuthority.DefaultClientId}&redirect_uri={Uri.EscapeDataString(RedirectUri)}"
            + $"&scope=openid&state=s1&code_challenge={challenge}&code_challenge_method=S256";
        using var response = await http.GetAsync($"/authorize?{query}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var back = response.Headers.Location!;
        Assert.StartsWith(RedirectUri, back.AbsoluteUri);
        var parameters = HttpUtility.ParseQueryString(back.Query);
        Assert.Equal("s1", parameters["state"]);
        return parameters["code"]!;
    }

    private static async Task<(HttpStatusCode Status, JsonObject Json, string? AllowOrigin)> TradeAsync(HttpClient http, string code, string verifier)
    {
        using var response = await http.PostAsync("/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = RedirectUri,
            ["client_id"] = FakeOidcAuthority.DefaultClientId,
            ["code_verifier"] = verifier,
        }));
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        return (response.StatusCode, json, response.Headers.TryGetValues("Access-Control-Allow-Origin", out var v) ? v.Single() : null);
    }
}
