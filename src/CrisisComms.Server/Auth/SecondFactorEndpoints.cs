using System.Security.Claims;
using CrisisComms.Domain.Accounts;
using CrisisComms.Server.Configuration;
using CrisisComms.Server.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace CrisisComms.Server.Auth;

/// <summary>The secret to put in the authenticator app: scan the QR image, or type the secret.</summary>
public sealed record SecondFactorEnrolment(string Secret, string OtpauthUri, string QrCode);

public sealed record SecondFactorConfirmRequest(string? Code);

/// <summary>The recovery codes are shown this once; the server keeps only their hashes.</summary>
public sealed record SecondFactorConfirmed(IReadOnlyList<string> RecoveryCodes, string AccessToken, string TokenType, int ExpiresIn);

internal static class SecondFactorEndpoints
{
    public static IEndpointRouteBuilder MapSecondFactor(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(SecondFactorGate.EnrolmentPath).WithTags("Auth").RequireAuthorization();
        group.MapPost("/enrolment", StartAsync)
            .WithSummary("Start enrolling a TOTP authenticator (local accounts; an enrolment-only token from a first sign-in will do): a new secret, its otpauth:// URI and QR image")
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/confirm", ConfirmAsync)
            .WithSummary("Confirm the enrolment with a first code: returns ten single-use recovery codes (shown once) and a full token")
            .Accepts<SecondFactorConfirmRequest>("application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        app.MapPost("/api/v1/accounts/{name}/second-factor/reset", ResetAsync)
            .WithTags("Accounts")
            .WithSummary("Remove an account's second factor (a lost phone without recovery codes); it enrols again at its next sign-in")
            .RequireAuthorization(AuthPolicies.Admin)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<Results<Ok<SecondFactorEnrolment>, ProblemHttpResult>> StartAsync(
        HttpContext c, IAccountStore accounts, IOptions<AuthOptions> options, SecondFactorService service)
    {
        if (await LocalAccountAsync(c.User, accounts, options.Value, c.RequestAborted) is not { } account) return NotLocal();
        if (await service.StartAsync(account, c.RequestAborted) is not { } secret)
            return TypedResults.Problem(statusCode: 409, title: "This account has a second factor already; an admin can reset it.");
        var uri = SecondFactorCodes.OtpauthUri(account.Name, secret);
        return TypedResults.Ok(new SecondFactorEnrolment(secret, uri, SecondFactorCodes.QrCodeDataUri(uri)));
    }

    private static async Task<Results<Ok<SecondFactorConfirmed>, ProblemHttpResult>> ConfirmAsync(
        HttpContext c, IAccountStore accounts, IOptions<AuthOptions> options, SecondFactorService service, TokenIssuer issuer)
    {
        var request = await JsonBody.ReadAsync<SecondFactorConfirmRequest>(c.Request, c.RequestAborted);
        if (string.IsNullOrWhiteSpace(request.Code)) throw new BadBodyException("code", "Required: the 6 digits the app shows now.");
        if (await LocalAccountAsync(c.User, accounts, options.Value, c.RequestAborted) is not { } account) return NotLocal();
        if (account.SecondFactor is not { EnrolledAt: null })
            return TypedResults.Problem(statusCode: 409, title: "There is no enrolment to confirm: start one first.");
        if (await service.ConfirmAsync(account, request.Code, c.RequestAborted) is not { } codes)
            throw new BadBodyException("code", "The code does not match. Check that the phone's clock is right and type the code it shows now.");
        var (token, lifetime) = issuer.Issue(account);
        return TypedResults.Ok(new SecondFactorConfirmed(codes, token, "Bearer", (int)lifetime.TotalSeconds));
    }

    private static async Task<Results<NoContent, NotFound>> ResetAsync(string name, HttpContext c, IAccountStore accounts, SecondFactorService service)
    {
        if (await accounts.FindAsync(name, c.RequestAborted) is not { } account) return TypedResults.NotFound();
        await service.ResetAsync(account, c.User.ToActor().Subject, c.RequestAborted);
        return TypedResults.NoContent();
    }

    /// <summary>The caller's own local account, from a token of the built-in issuer only: an authority's token never names one.</summary>
    private static async Task<Account?> LocalAccountAsync(ClaimsPrincipal user, IAccountStore accounts, AuthOptions options, CancellationToken ct) =>
        user.FindFirstValue("iss") == options.Issuer && user.FindFirstValue("sub") is { } sub ? await accounts.FindAsync(sub, ct) : null;

    private static ProblemHttpResult NotLocal() => TypedResults.Problem(statusCode: 409,
        title: "Only local accounts enrol here; an account of the organisation's sign-in gets its second factor there.");
}
