namespace CrisisComms.Domain.Accounts;

/// <summary>What happened to an account; the audit entry is derived from it in one place.</summary>
public abstract record AccountChange(string Account);

public sealed record AccountCreated(string Account, IReadOnlyList<string> Roles) : AccountChange(Account);

public sealed record AccountRolesChanged(string Account, IReadOnlyList<string> Before, IReadOnlyList<string> After) : AccountChange(Account);

public sealed record AccountRenamed(string Account, string Before, string After) : AccountChange(Account);

public sealed record AccountPasswordReset(string Account, bool BySelf) : AccountChange(Account);

public sealed record AccountDisabled(string Account, string Reason) : AccountChange(Account);

public sealed record AccountEnabled(string Account, string Reason) : AccountChange(Account);

public sealed record AccountSignedOut(string Account) : AccountChange(Account);
