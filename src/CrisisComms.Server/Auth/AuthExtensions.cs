using CrisisComms.Server.Configuration;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CrisisComms.Server.Auth;

internal static class AuthExtensions
{
    private const string BuiltIn = "builtin";
    private const string External = "oidc";
    private const string Either = "bearer";

    /// <summary>
    /// Bearer tokens from the built-in issuer and, when an Authority is configured, from it too:
    /// a policy scheme looks at the token's issuer and hands it to the scheme that can check it.
    /// </summary>
    public static IServiceCollection AddCrisisAuth(this IServiceCollection services, IConfiguration configuration)
    {
        var auth = configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        services.AddSingleton<SigningKey>();
        services.AddSingleton<TokenIssuer>();
        services.AddSingleton<LoginService>();
        services.AddSingleton<SessionValidator>();
        services.AddSingleton<HubSessions>();
        services.AddHostedService(sp => sp.GetRequiredService<HubSessions>());
        services.Configure<HubOptions>(o => o.AddFilter<HubSessions>());
        services.AddSignInThrottle();
        services.AddSingleton<SecondFactorService>();

        var builder = services.AddAuthentication(Either)
            .AddPolicyScheme(Either, "Bearer token", o => o.ForwardDefaultSelector = context =>
                string.IsNullOrEmpty(auth.Authority) || IssuedByUs(context, auth.Issuer) ? BuiltIn : External)
            .AddJwtBearer(BuiltIn, o =>
            {
                o.MapInboundClaims = false;
                o.Events = HubTokenFromQuery();
                o.Events.OnTokenValidated = RefuseEndedSessionsAsync;
            });
        services.AddOptions<JwtBearerOptions>(BuiltIn).Configure<SigningKey, IOptions<AuthOptions>>((o, key, options) =>
            o.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = options.Value.Issuer,
                ValidAudience = options.Value.Audience,
                IssuerSigningKey = key.Key,
                ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                NameClaimType = "name",
                RoleClaimType = "role",
                ClockSkew = TimeSpan.FromSeconds(30),
            });

        if (!string.IsNullOrEmpty(auth.Authority))
            builder.AddJwtBearer(External, o =>
            {
                o.Authority = auth.Authority;
                o.Audience = auth.Audience;
                // Plain http only for an authority on this machine (a test or a local Keycloak).
                o.RequireHttpsMetadata = !IsLoopback(auth.Authority);
                o.MapInboundClaims = false;
                o.TokenValidationParameters.NameClaimType = "name";
                o.TokenValidationParameters.RoleClaimType = "roles";
                o.Events = HubTokenFromQuery();
            });

        AuthPolicies.Add(services.AddAuthorizationBuilder());
        return services;
    }

    /// <summary>Browsers cannot set headers on WebSockets, so the hub takes the token from the query.</summary>
    private static JwtBearerEvents HubTokenFromQuery() => new()
    {
        OnMessageReceived = context =>
        {
            var token = context.Request.Query["access_token"];
            if (!string.IsNullOrEmpty(token) && context.HttpContext.Request.Path.StartsWithSegments("/hubs"))
                context.Token = token;
            return Task.CompletedTask;
        },
    };

    /// <summary>A local account's token ends with its session (disabled, signed out, new password, new roles).</summary>
    private static async Task RefuseEndedSessionsAsync(TokenValidatedContext context)
    {
        var sessions = context.HttpContext.RequestServices.GetRequiredService<SessionValidator>();
        if (!await sessions.IsCurrentAsync(context.Principal!, context.HttpContext.RequestAborted))
            context.Fail("The session of this token has ended.");
    }

    private static bool IsLoopback(string authority) =>
        Uri.TryCreate(authority, UriKind.Absolute, out var uri) && uri.IsLoopback;

    private static bool IssuedByUs(HttpContext context, string issuer)
    {
        string? token = context.Request.Headers.Authorization.ToString() is { } header
            && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
        token ??= context.Request.Query["access_token"];
        if (string.IsNullOrEmpty(token)) return true;
        try
        {
            return new JsonWebToken(token).Issuer == issuer;
        }
        catch (ArgumentException)
        {
            return true; // Not a JWT at all: let the built-in scheme reject it.
        }
    }
}
