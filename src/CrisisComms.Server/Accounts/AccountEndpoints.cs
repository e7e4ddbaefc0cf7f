using CrisisComms.Domain.Accounts;
using CrisisComms.Domain.Notices;
using CrisisComms.Server.Auth;
using CrisisComms.Server.Http;
using CrisisComms.Server.Configuration;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace CrisisComms.Server.Accounts;

public sealed record AccountRequest(string? DisplayName, IReadOnlyList<string>? Roles, string? Password);

public sealed record PasswordRequest(string? Password, string? CurrentPassword);

public sealed record ReasonRequest(string? Reason);

/// <summary>An account as an admin sees it: never the password hash nor the second factor's secret.</summary>
public sealed record AccountResponse(string Name, string DisplayName, IReadOnlyList<string> Roles, bool Disabled, string? DisabledReason,
    string SecondFactor, DateTimeOffset? LastSignInAt, DateTimeOffset CreatedAt)
{
    internal static AccountResponse Of(Account a) => new(a.Name, a.DisplayName, a.Roles, a.Disabled, a.DisabledReason,
        SecondFactorOf(a), a.LastSignInAt, a.CreatedAt);

    internal static string SecondFactorOf(Account a) => a.SecondFactor switch { null => "none", { EnrolledAt: null } => "pending", _ => "enrolled" };
}

/// <summary>
/// The caller as the server reads its token: the roles it acts with (only those the service knows),
/// and for a local account its second factor (<c>none | pending | enrolled</c>; null for the organisation's sign-in).
/// </summary>
public sealed record MeResponse(string Subject, string Name, IReadOnlyList<string> Roles, bool Local, string? SecondFactor);

/// <summary>Admins manage local accounts here, with the same rules as the users command (<see cref="AccountService"/>).</summary>
internal static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccounts(this IEndpointRouteBuilder app)
    {
        var accounts = app.MapGroup("/api/v1/accounts").WithTags("Accounts").RequireAuthorization(AuthPolicies.Admin);
        accounts.MapGet("/", async Task<Ok<AccountResponse[]>> (AccountService service, CancellationToken ct) =>
                TypedResults.Ok((await service.ListAsync(ct)).Select(AccountResponse.Of).ToArray()))
            .WithSummary("Local accounts");
        accounts.MapPut("/{name}", SaveAsync)
            .WithSummary("Create a local account (password of at least 12 characters) or change its display name and roles")
            .WithDescription("A change of roles ends every session of the account. An admin cannot change their own roles (409).")
            .Accepts<AccountRequest>("application/json").ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        accounts.MapPost("/{name}/disable", (string name, HttpContext c, AccountService s) =>
                ReasonAsync(c, r => s.DisableAsync(Caller(c), name, r.Reason, c.RequestAborted)))
            .WithSummary("Disable the account: no sign-in, every session ended. An admin cannot disable themselves (409)")
            .Accepts<ReasonRequest>("application/json").ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        accounts.MapPost("/{name}/enable", (string name, HttpContext c, AccountService s) =>
                ReasonAsync(c, r => s.EnableAsync(Caller(c), name, r.Reason, c.RequestAborted)))
            .WithSummary("Enable a disabled account again")
            .Accepts<ReasonRequest>("application/json").ProducesValidationProblem();
        accounts.MapPost("/{name}/sign-out", async Task<Ok<AccountResponse>> (string name, HttpContext c, AccountService s) =>
                TypedResults.Ok(AccountResponse.Of(await s.SignOutAsync(Caller(c), name, c.RequestAborted))))
            .WithSummary("End every session of the account");
        app.MapGet("/api/v1/me", MeAsync).WithTags("Accounts").RequireAuthorization()
            .WithSummary("Who the token's bearer is to this server: name, roles and second factor; the console offers its views from this")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        // Not in the admin group: an officer changes their own password here too.
        app.MapPost("/api/v1/accounts/{name}/password", ResetPasswordAsync)
            .WithTags("Accounts").RequireAuthorization(AuthPolicies.Staff)
            .WithSummary("Set a new password: an admin for any account, an officer for their own with currentPassword")
            .WithDescription("Ends every session of the account, the caller's own included.")
            .Accepts<PasswordRequest>("application/json").ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        return app;
    }

    private static async Task<Results<Ok<AccountResponse>, Created<AccountResponse>>> SaveAsync(string name, HttpContext c, AccountService service)
    {
        var request = await JsonBody.ReadAsync<AccountRequest>(c.Request, c.RequestAborted);
        var (account, created) = await service.SaveAsync(Caller(c), name, request.DisplayName, request.Roles, request.Password,
            resetPassword: false, c.RequestAborted);
        return created
            ? TypedResults.Created($"/api/v1/accounts/{account.Name}", AccountResponse.Of(account))
            : TypedResults.Ok(AccountResponse.Of(account));
    }

    private static async Task<Ok<AccountResponse>> ResetPasswordAsync(string name, HttpContext c, AccountService service)
    {
        var request = await JsonBody.ReadAsync<PasswordRequest>(c.Request, c.RequestAborted);
        var account = await service.ResetPasswordAsync(Caller(c), c.User.ToActor().IsAdmin, name, request.Password, request.CurrentPassword,
            c.RequestAborted);
        return TypedResults.Ok(AccountResponse.Of(account));
    }

    private static async Task<Ok<AccountResponse>> ReasonAsync(HttpContext c, Func<ReasonRequest, Task<Account>> change)
    {
        var request = await JsonBody.ReadOptionalAsync(c.Request, new ReasonRequest(null), c.RequestAborted);
        return TypedResults.Ok(AccountResponse.Of(await change(request)));
    }

    private static async Task<Ok<MeResponse>> MeAsync(HttpContext c, IAccountStore accounts, IOptions<AuthOptions> options)
    {
        var actor = c.User.ToActor();
        // A local account only from a token of the built-in issuer: an authority's subject never names one.
        var local = c.User.FindFirst("iss")?.Value == options.Value.Issuer ? await accounts.FindAsync(actor.Subject, c.RequestAborted) : null;
        return TypedResults.Ok(new MeResponse(actor.Subject, local?.DisplayName ?? actor.Name, [.. Roles.All.Where(actor.Roles.Contains)],
            local is not null, local is null ? null : AccountResponse.SecondFactorOf(local)));
    }

    private static AccountCaller Caller(HttpContext c) => new(c.User.ToActor().Subject, IsOperator: false);
}
