using CrisisComms.Server.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CrisisComms.Server.Auth;

public sealed record TokenRequest(string? Username, string? Password);

public sealed record TokenResponse(string AccessToken, string TokenType, int ExpiresIn);

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
            .RequireRateLimiting(RateLimits.Login)
            .AllowAnonymous();
        return app;
    }

    private static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> IssueAsync(
        HttpContext context, LoginService login, ILogger<LoginService> logger)
    {
        var request = await JsonBody.ReadAsync<TokenRequest>(context.Request, context.RequestAborted);
        if (string.IsNullOrWhiteSpace(request.Username)) throw new BadBodyException("username", "Required.");
        if (string.IsNullOrEmpty(request.Password)) throw new BadBodyException("password", "Required.");
        var issued = await login.LoginAsync(request.Username.Trim(), request.Password, context.RequestAborted);
        if (issued is not { } token)
        {
            logger.LogWarning("Failed sign-in for {Account}", request.Username);
            return TypedResults.Problem(statusCode: 401, title: "Wrong user name or password.");
        }
        logger.LogInformation("Token issued to {Account}", request.Username);
        return TypedResults.Ok(new TokenResponse(token.Token, "Bearer", (int)token.Lifetime.TotalSeconds));
    }
}
