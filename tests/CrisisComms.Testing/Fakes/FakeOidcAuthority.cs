using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CrisisComms.Testing.Fakes;

/// <summary>
/// An OpenID Connect authority on loopback (as Entra ID, Keycloak or ADFS would be): discovery
/// document, signing keys, and RS256 tokens with app roles in a "roles" claim; and, for a browser,
/// the authorization code flow with PKCE (see FakeOidcAuthority.CodeFlow.cs).
/// </summary>
public sealed partial class FakeOidcAuthority : IAsyncDisposable
{
    private readonly RSA _rsa = RSA.Create(2048);
    private readonly RsaSecurityKey _key;
    private WebApplication? _app;

    private FakeOidcAuthority() => _key = new RsaSecurityKey(_rsa) { KeyId = "fake-oidc-1" };

    public string Issuer { get; private set; } = "";

    public static async Task<FakeOidcAuthority> StartAsync()
    {
        var authority = new FakeOidcAuthority();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.Sources.Clear();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        // Browsers read the discovery document cross-origin, as they do from Entra ID or Keycloak.
        app.MapGet("/.well-known/openid-configuration", (HttpResponse response) =>
        {
            AllowAnyOrigin(response);
            return Results.Json(new Dictionary<string, object>
            {
                ["issuer"] = authority.Issuer,
                ["jwks_uri"] = authority.Issuer + "/keys",
                ["authorization_endpoint"] = authority.Issuer + "/authorize",
                ["token_endpoint"] = authority.Issuer + "/token",
                ["end_session_endpoint"] = authority.Issuer + "/logout",
                ["response_types_supported"] = new[] { "code" },
                ["grant_types_supported"] = new[] { "authorization_code" },
                ["code_challenge_methods_supported"] = new[] { "S256" },
                ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            });
        });
        app.MapGet("/keys", () =>
        {
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(authority._rsa.ExportParameters(false)) { KeyId = authority._key.KeyId });
            return Results.Json(new { keys = new[] { new { kty = jwk.Kty, kid = jwk.Kid, use = "sig", alg = "RS256", n = jwk.N, e = jwk.E } } });
        });
        authority.MapCodeFlow(app);
        await app.StartAsync();
        authority._app = app;
        authority.Issuer = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return authority;
    }

    public string IssueToken(string subject, string name, string audience, params string[] roles) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            Claims = new Dictionary<string, object> { ["sub"] = subject, ["name"] = name, ["roles"] = roles },
            Expires = DateTime.UtcNow.AddMinutes(30),
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
        });

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        _rsa.Dispose();
    }
}
