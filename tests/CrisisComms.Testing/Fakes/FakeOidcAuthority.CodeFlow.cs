using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CrisisComms.Testing.Fakes;

/// <summary>The person the fake signs in: no login page, /authorize answers for them at once.</summary>
public sealed record FakeOidcUser(string Subject, string Name, IReadOnlyList<string> Roles);

/// <summary>
/// The authorization code flow with PKCE for a public client, as a browser app uses it: /authorize
/// redirects straight back with a code, /token trades it once, for the same client and redirect_uri
/// and only with the verifier whose S256 hash was the challenge, for an access token and an ID
/// token. /token answers cross-origin. /logout ends the session (RP-initiated logout): only with
/// an ID token it issued to the client as the hint, and only back to a registered address.
/// </summary>
public sealed partial class FakeOidcAuthority
{
    public const string DefaultClientId = "crisiscomms-console";

    private static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(2);
    private readonly ConcurrentDictionary<string, PendingCode> _codes = new();
    private readonly ConcurrentQueue<string> _refusals = new();
    private readonly ConcurrentQueue<string> _logouts = new();

    /// <summary>Where /logout may send the browser back to (a real authority has them registered).</summary>
    public List<string> PostLogoutRedirectUris { get; } = [];

    /// <summary>The subject of every session ended through /logout, in order.</summary>
    public IReadOnlyList<string> Logouts => [.. _logouts];

    /// <summary>The public client registered for the console.</summary>
    public string ClientId { get; set; } = DefaultClientId;

    /// <summary>The aud of the access tokens /token issues: what the service expects.</summary>
    public string Audience { get; set; } = "crisiscomms";

    /// <summary>Who /authorize signs in; null: it refuses with access_denied.</summary>
    public FakeOidcUser? User { get; private set; }

    /// <summary>Every refusal of /authorize or /token, as "endpoint error: description".</summary>
    public IReadOnlyList<string> Refusals => [.. _refusals];

    public void SignsIn(string subject, string name, params string[] roles) => User = new FakeOidcUser(subject, name, roles);

    public void RefusesSignIn() => User = null;

    /// <summary>BASE64URL(SHA-256(ASCII(verifier))), as RFC 7636 says for S256.</summary>
    public static string ChallengeOf(string verifier) => Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    private void MapCodeFlow(IEndpointRouteBuilder app)
    {
        app.MapGet("/authorize", (HttpRequest request) => Authorize(request.Query));
        app.MapGet("/logout", (HttpRequest request) => EndSessionAsync(request.Query));
        app.MapPost("/token", async (HttpContext context) =>
        {
            AllowAnyOrigin(context.Response);
            context.Response.Headers.CacheControl = "no-store";
            if (!context.Request.HasFormContentType) return Refuse("token", "invalid_request", "Send the form as application/x-www-form-urlencoded.");
            return Token(await context.Request.ReadFormAsync(context.RequestAborted));
        });
        app.MapMethods("/token", [HttpMethods.Options], (HttpContext context) =>
        {
            AllowAnyOrigin(context.Response);
            context.Response.Headers.AccessControlAllowMethods = "POST";
            context.Response.Headers.AccessControlAllowHeaders = "Content-Type, Accept";
            return Results.NoContent();
        });
    }

    private IResult Authorize(IQueryCollection query)
    {
        string? clientId = query["client_id"], redirectUri = query["redirect_uri"], state = query["state"];
        // An unknown client or a bad redirect_uri is never redirected to: the answer stays here.
        if (clientId != ClientId) return Refuse("authorize", "invalid_client", $"Unknown client_id '{clientId}'.", redirect: null);
        if (!Uri.TryCreate(redirectUri, UriKind.Absolute, out var redirect)) return Refuse("authorize", "invalid_request", "redirect_uri must be absolute.", redirect: null);
        if (query["response_type"] != "code") return Refuse("authorize", "unsupported_response_type", "Only response_type=code.", redirect, state);
        string? challenge = query["code_challenge"];
        if (query["code_challenge_method"] != "S256" || string.IsNullOrEmpty(challenge))
            return Refuse("authorize", "invalid_request", "PKCE with code_challenge_method=S256 is required.", redirect, state);
        if (User is not { } user) return Refuse("authorize", "access_denied", "The user may not use this application.", redirect, state);

        var code = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        _codes[code] = new PendingCode(clientId, redirectUri!, challenge, user, DateTime.UtcNow + CodeLifetime);
        return Results.Redirect(WithQuery(redirect, ("code", code), ("state", state)));
    }

    private IResult Token(IFormCollection form)
    {
        if (form["grant_type"] != "authorization_code") return Refuse("token", "unsupported_grant_type", "Only authorization_code.");
        if (form["client_id"] != ClientId) return Refuse("token", "invalid_client", $"Unknown client_id '{form["client_id"]}'.");
        // A code is good once, whatever happens next.
        if (!_codes.TryRemove(form["code"].ToString(), out var pending) || pending.ExpiresAt < DateTime.UtcNow)
            return Refuse("token", "invalid_grant", "Unknown, used or expired code.");
        if (pending.ClientId != form["client_id"] || pending.RedirectUri != form["redirect_uri"])
            return Refuse("token", "invalid_grant", "client_id or redirect_uri differ from the authorization request.");
        string verifier = form["code_verifier"].ToString();
        if (verifier.Length is < 43 or > 128 || !CryptographicOperations.FixedTimeEquals(
                Encoding.ASCII.GetBytes(ChallengeOf(verifier)), Encoding.ASCII.GetBytes(pending.Challenge)))
            return Refuse("token", "invalid_grant", "PKCE verification failed.");

        var user = pending.User;
        return Results.Json(new Dictionary<string, object>
        {
            ["access_token"] = IssueToken(user.Subject, user.Name, Audience, [.. user.Roles]),
            ["id_token"] = IssueToken(user.Subject, user.Name, ClientId),
            ["token_type"] = "Bearer",
            ["expires_in"] = 1800,
        });
    }

    private async Task<IResult> EndSessionAsync(IQueryCollection query)
    {
        if (query["client_id"] != ClientId) return Refuse("logout", "invalid_client", $"Unknown client_id '{query["client_id"]}'.");
        string? back = query["post_logout_redirect_uri"];
        if (back is null || !PostLogoutRedirectUris.Contains(back)) return Refuse("logout", "invalid_request", $"post_logout_redirect_uri '{back}' is not registered.");
        var hint = await new JsonWebTokenHandler().ValidateTokenAsync(query["id_token_hint"].ToString(), new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidAudience = ClientId,
            IssuerSigningKey = _key,
        });
        if (!hint.IsValid) return Refuse("logout", "invalid_request", "id_token_hint is not an ID token of ours for this client.");
        _logouts.Enqueue((string)hint.Claims["sub"]);
        return Results.Redirect(back);
    }

    private IResult Refuse(string endpoint, string error, string description, Uri? redirect = null, string? state = null)
    {
        _refusals.Enqueue($"{endpoint} {error}: {description}");
        if (redirect is not null) return Results.Redirect(WithQuery(redirect, ("error", error), ("error_description", description), ("state", state)));
        var body = new Dictionary<string, string> { ["error"] = error, ["error_description"] = description };
        return Results.Json(body, statusCode: error == "invalid_client" ? 401 : 400);
    }

    private static void AllowAnyOrigin(HttpResponse response) => response.Headers.AccessControlAllowOrigin = "*";

    private static string WithQuery(Uri uri, params (string Name, string? Value)[] parameters)
    {
        var query = string.Join('&', parameters.Where(p => p.Value is not null)
            .Select(p => $"{Uri.EscapeDataString(p.Name)}={Uri.EscapeDataString(p.Value!)}"));
        var builder = new UriBuilder(uri) { Fragment = "" };
        builder.Query = builder.Query.Length > 1 ? $"{builder.Query[1..]}&{query}" : query;
        return builder.Uri.AbsoluteUri;
    }

    private sealed record PendingCode(string ClientId, string RedirectUri, string Challenge, FakeOidcUser User, DateTime ExpiresAt);
}
