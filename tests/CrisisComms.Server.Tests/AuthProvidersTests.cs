using System.Net;
using System.Text.Json.Nodes;
using CrisisComms.Testing.Fakes;
using CrisisComms.Testing.Server;

namespace CrisisComms.Server.Tests;

/// <summary>The console asks, before anyone signs in, whether it may offer the organisation's own sign-in.</summary>
[Collection(CrisisServerCollection.Name)]
public sealed class AuthProvidersTests(CrisisServerFixture f)
{
    [Fact]
    public async Task WithoutAConsoleClientOnlyLocalSignInIsOffered()
    {
        using var http = f.Server.CreateClient();
        var providers = await GetProvidersAsync(http);

        Assert.True(providers["local"]!.GetValue<bool>());
        Assert.True(providers.ContainsKey("oidc"), "oidc is present, as null");
        Assert.Null(providers["oidc"]);
    }

    [Fact]
    public async Task WithAnAuthorityAndAConsoleClientTheConsoleIsToldWhereToSignIn()
    {
        await using var authority = await FakeOidcAuthority.StartAsync();
        await using var server = await ServerProcess.StartAsync(new Dictionary<string, string?>
        {
            ["CrisisComms:Auth:Authority"] = authority.Issuer + "/",
            ["CrisisComms:Auth:ConsoleClientId"] = "crisiscomms-console",
            ["CrisisComms:Auth:ConsoleScope"] = "openid profile api://crisiscomms/notices",
            ["CrisisComms:Auth:SigningKey"] = "a signing key that must never be shown to anyone",
        });
        using var http = server.CreateClient();
        var providers = await GetProvidersAsync(http);

        Assert.True(providers["local"]!.GetValue<bool>());
        var oidc = providers["oidc"]!.AsObject();
        Assert.Equal(authority.Issuer, oidc["authority"]!.GetValue<string>());
        Assert.Equal("crisiscomms-console", oidc["clientId"]!.GetValue<string>());
        Assert.Equal("openid profile api://crisiscomms/notices", oidc["scope"]!.GetValue<string>());
        Assert.Equal(["authority", "clientId", "scope"], oidc.Select(p => p.Key).Order());
        Assert.DoesNotContain("signing key", providers.ToJsonString());
    }

    [Fact]
    public async Task AConsoleClientWithoutAnAuthorityStopsTheServiceWithAClearMessage()
    {
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => ServerProcess.StartAsync(new Dictionary<string, string?>
        {
            ["CrisisComms:Auth:ConsoleClientId"] = "crisiscomms-console",
        }));
        Assert.Contains("CrisisComms:Auth:Authority must be set", failure.Message);
    }

    private static async Task<JsonObject> GetProvidersAsync(HttpClient http)
    {
        var response = await http.GetAsync("/api/v1/auth/providers");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }
}
