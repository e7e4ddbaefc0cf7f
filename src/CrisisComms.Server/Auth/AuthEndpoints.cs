using CrisisComms.Server.Accounts;
using CrisisComms.Server.Configuration;
using CrisisComms.Server.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace CrisisComms.Server.Auth;

/// <summary><c>code</c>: the authenticator's 6 digits, or a recovery code, once the account has a second factor.</summary>
public sealed record TokenRequest(string? Username, string? Password, string? Code = null);

public sealed record TokenResponse(string AccessToken, string TokenType, int ExpiresIn)
{
    /// <summary><c>enrol</c> when the token only allows enrolling the second factor (see <c>/api/v1/auth/second-factor</c>).</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? Scope { get; init; }
}

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
            .WithSummary("Sign in with a local account; returns a bearer token. With a second factor enrolled, send its code too: without one the answer is 401 of type …second-factor-required")
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
        if (request.Code is { Length: > 64 }) throw new BadBodyException("code", "At most 64 characters.");
        var signIn = await login.LoginAsync(name, request.Password, request.Code, context.RequestAborted);
        if (signIn is null)
        {
            logger.LogWarning("Failed sign-in for {Account}", request.Username);
            await throttle.FailedAsync(name, address);
            await accounts.SignInFailedAsync(name, address, context.RequestAborted);
            return TypedResults.Problem(statusCode: 401, title: "Wrong user name or password.");
        }
        if (signIn.Issued is not { } token)
        {
            // A wrong code counts against the pair like a wrong password: six digits are guessable otherwise.
            if (signIn.SecondFactor != SecondFactorCheck.CodeRequired)
            {
                await throttle.FailedAsync(name, address);
                await accounts.SignInFailedAsync(name, address, context.RequestAborted);
            }
            return SecondFactorRefused(signIn.SecondFactor, request.Username, logger);
        }
        await throttle.SucceededAsync(name, address);
        await accounts.SignedInAsync(name, address, context.RequestAborted);
        logger.LogInformation("Token issued to {Account}", request.Username);
        return TypedResults.Ok(new TokenResponse(token.Token, "Bearer", (int)token.Lifetime.TotalSeconds)
        {
            Scope = signIn.SecondFactor == SecondFactorCheck.EnrolmentOnly ? SecondFactorGate.EnrolmentScope : null,
        });
    }

    // Only a right password gets here, so saying that a code is needed reveals nothing to a guesser.
    private static ProblemHttpResult SecondFactorRefused(SecondFactorCheck check, string account, ILogger logger)
    {
        logger.LogWarning("Second factor {Check} for {Account}", check, account);
        return check == SecondFactorCheck.CodeRequired
            ? TypedResults.Problem(statusCode: 401, type: SecondFactorGate.RequiredType, title: "A code from the authenticator app is needed.")
            : TypedResults.Problem(statusCode: 401, type: SecondFactorGate.WrongCodeType, title: "Wrong code, or a code that was used already.");
    }
}
