using CrisisComms.Domain.Accounts;
using CrisisComms.Domain.Audit;
using CrisisComms.Domain.Notices;
using CrisisComms.Domain.Storage;
using CrisisComms.Server.Auth;
using CrisisComms.Server.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CrisisComms.Server.Accounts;

public sealed record AccountRequest(string? Name, string? DisplayName, IReadOnlyList<string>? Roles, string? Password);

/// <summary>An account as an admin sees it: never the password hash.</summary>
public sealed record AccountResponse(string Name, string DisplayName, IReadOnlyList<string> Roles, DateTimeOffset CreatedAt);

/// <summary>Admins manage local accounts here as well as with the users command.</summary>
internal static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccounts(this IEndpointRouteBuilder app)
    {
        var accounts = app.MapGroup("/api/v1/accounts").WithTags("Accounts").RequireAuthorization(AuthPolicies.Admin);
        accounts.MapGet("/", async Task<Ok<AccountResponse[]>> (IAccountStore store, CancellationToken ct) =>
                TypedResults.Ok((await store.ListAsync(ct)).Select(ToResponse).ToArray()))
            .WithSummary("Local accounts");
        accounts.MapPut("/{name}", SaveAsync)
            .WithSummary("Add or replace a local account (password at least 12 characters)")
            .Accepts<AccountRequest>("application/json").ProducesValidationProblem();
        return app;
    }

    private static async Task<Ok<AccountResponse>> SaveAsync(string name, HttpContext c, IAccountStore store, INoticeStore notices, TimeProvider time)
    {
        var request = await JsonBody.ReadAsync<AccountRequest>(c.Request, c.RequestAborted);
        if (string.IsNullOrWhiteSpace(name) || name.Length > 100 || name.Any(char.IsWhiteSpace))
            throw new BadBodyException("name", "A name of at most 100 characters without spaces.");
        var roles = request.Roles?.Distinct().ToList() ?? [];
        if (roles.Count == 0 || roles.Any(r => !Roles.All.Contains(r)))
            throw new BadBodyException("roles", $"One or more of {string.Join(", ", Roles.All)}.");
        if (request.Password is not { Length: >= UsersCommand.MinPasswordLength })
            throw new BadBodyException("password", $"At least {UsersCommand.MinPasswordLength} characters.");
        var now = time.GetUtcNow();
        var account = new Account(name, string.IsNullOrWhiteSpace(request.DisplayName) ? name : request.DisplayName.Trim(), roles,
            LoginService.Hash(request.Password), now);
        await store.UpsertAsync(account, c.RequestAborted);
        await notices.AppendAuditAsync(new AuditEntry(now, c.User.ToActor().Subject, AuditActions.AccountAdded,
            Detail: $"{name} ({string.Join(",", roles)})"), c.RequestAborted);
        return TypedResults.Ok(ToResponse(account));
    }

    private static AccountResponse ToResponse(Account a) => new(a.Name, a.DisplayName, a.Roles, a.CreatedAt);
}
