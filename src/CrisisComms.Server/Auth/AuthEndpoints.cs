using CrisisComms.Server.Accounts;
using CrisisComms.Server.Configuration;
using CrisisComms.Server.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace CrisisComms.Server.Auth;

public sealed record TokenRequest(string? Username, string? Password);

public sealed record TokenResponse(string AccessToken, string TokenType, int ExpiresIn);

/// <summary>How an officer may sign in: always with a local account, and through the Authority when the console is registered there.</summary>
public sealed record AuthProviders(bool Local, OidcProvider? Oidc);

/// <summary>What a browser needs for the authorization code flow with PKCE; public by nature, nothing secret.</summary>
public sealed record OidcProvider(string Authority, string ClientId, string Scope);

internal static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuth(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/auth/token", IssueAsync)
            .WithTags("Auth")
            .WithSummary("Sign in with a local account; returns a bearer token")
            .Accepts<TokenRequest>("application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .AllowAnonymous();
        app.MapGet("/api/v1/auth/providers", Providers)
            .WithTags("Auth")
            .WithSummary("How the console may sign in: with a local account, and through the OpenID Connect authority when one is configured for it")
            .AllowAnonymous();
        return app;
    }

    private static Ok<AuthProviders> Providers(IOptions<AuthOptions> options)
    {
        var o = options.Value;
        var oidc = o.ConsoleSignInIsOn
            ? new OidcProvider(o.Authority!.Trim().TrimEnd('/'), o.ConsoleClientId!.Trim(), o.ConsoleScope.Trim())
            : null;
        return TypedResults.Ok(new AuthProviders(Local: true, oidc));
    }

    private static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> IssueAsync(
        HttpContext context, LoginService login, SignInThrottle throttle, AccountService accounts, ILogger<LoginService> logger)
    {
        var request = await JsonBody.ReadAsync<TokenRequest>(context.Request, context.RequestAborted);
        if (string.IsNullOrWhiteSpace(request.Username)) throw new BadBodyException("username", "Required.");
        if (string.IsNullOrEmpty(request.Password)) throw new BadBodyException("password", "Required.");
        var (name, address) = (request.Username.Trim(), context.Connection.RemoteIpAddress);
        if (await throttle.RetryAfterAsync(name, address) is { } wait)
        {
            logger.LogWarning("Sign-in for {Account} from {Address} refused: too many failures", name, address);
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return TypedResults.Problem(statusCode: 429, title: "Too many failed sign-ins. Wait, then try again.");
        }
        var issued = await login.LoginAsync(name, request.Password, context.RequestAborted);
        if (issued is not { } token)
        {
            logger.LogWarning("Failed sign-in for {Account}", request.Username);
            await throttle.FailedAsync(name, address);
            await accounts.SignInFailedAsync(name, address, context.RequestAborted);
            return TypedResults.Problem(statusCode: 401, title: "Wrong user name or password.");
        }
        await throttle.SucceededAsync(name, address);
        await accounts.SignedInAsync(name, address, context.RequestAborted);
        logger.LogInformation("Token issued to {Account}", request.Username);
        return TypedResults.Ok(new TokenResponse(token.Token, "Bearer", (int)token.Lifetime.TotalSeconds));
    }
}
