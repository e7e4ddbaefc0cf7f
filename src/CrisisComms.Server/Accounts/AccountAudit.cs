using CrisisComms.Domain.Accounts;
using CrisisComms.Domain.Audit;

namespace CrisisComms.Server.Accounts;

/// <summary>The audit entry of each account change: roles before and after, never a password, hash or secret.</summary>
internal static class AccountAudit
{
    public static AuditEntry Of(AccountChange change, string actor, DateTimeOffset at) => change switch
    {
        AccountCreated c => new(at, actor, AuditActions.AccountCreated, Detail: $"{c.Account} roles: {Roles(c.Roles)}"),
        AccountRolesChanged c => new(at, actor, AuditActions.AccountRolesChanged,
            Detail: $"{c.Account} roles before: {Roles(c.Before)}; after: {Roles(c.After)}"),
        AccountRenamed c => new(at, actor, AuditActions.AccountRenamed, Detail: $"{c.Account} display name before: {c.Before}; after: {c.After}"),
        AccountPasswordReset c => new(at, actor, AuditActions.AccountPasswordReset,
            Detail: c.BySelf ? $"{c.Account} (by the account itself)" : c.Account),
        AccountDisabled c => new(at, actor, AuditActions.AccountDisabled, Reason: c.Reason, Detail: c.Account),
        AccountEnabled c => new(at, actor, AuditActions.AccountEnabled, Reason: c.Reason.Length > 0 ? c.Reason : null, Detail: c.Account),
        AccountSignedOut c => new(at, actor, AuditActions.AccountSignedOut, Detail: c.Account),
        _ => throw new ArgumentOutOfRangeException(nameof(change), change.GetType().Name, "An account change without an audit entry."),
    };

    private static string Roles(IEnumerable<string> roles) => string.Join(",", roles);
}
