using CrisisComms.Domain.Notices;

namespace CrisisComms.Domain.Accounts;

/// <summary>
/// What a local account may be and how it changes: one definition for the API and the users
/// command. Each change returns the account as it is now and what happened, so the audit entry,
/// the log line and the revocation of tokens all follow from the same decision.
/// </summary>
public static class AccountRules
{
    public const int MaxNameLength = 64;
    public const int MinPasswordLength = 12;
    public const int MaxPasswordLength = 1024;
    public const int MaxDisplayNameLength = 100;
    public const int MaxReasonLength = 500;

    public const string NameRule = "1 to 64 characters: lowercase letters a-z, digits and . _ - @, starting with a letter or digit.";

    public static string Name(string? name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > MaxNameLength || !IsNameStart(name[0]) || !name.All(IsNameChar))
            throw new InvalidFieldException("name", NameRule);
        return name;
    }

    public static IReadOnlyList<string> RolesOf(IEnumerable<string>? roles)
    {
        var list = roles?.Distinct().ToList() ?? [];
        if (list.Count == 0 || list.Any(r => !Notices.Roles.All.Contains(r)))
            throw new InvalidFieldException("roles", $"One or more of {string.Join(", ", Notices.Roles.All)}.");
        return list;
    }

    public static string DisplayName(string? displayName, string name)
    {
        var text = displayName?.Trim();
        if (string.IsNullOrEmpty(text)) return name;
        if (text.Length > MaxDisplayNameLength || text.Any(char.IsControl))
            throw new InvalidFieldException("displayName", $"At most {MaxDisplayNameLength} characters, no control characters.");
        return text;
    }

    public static string Password(string? password, string field = "password")
    {
        if (password is not { Length: >= MinPasswordLength and <= MaxPasswordLength })
            throw new InvalidFieldException(field, $"At least {MinPasswordLength} characters (at most {MaxPasswordLength}).");
        return password;
    }

    public static string Reason(string? reason, bool required)
    {
        var text = reason?.Trim() ?? "";
        if (required && text.Length == 0) throw new InvalidFieldException("reason", "Say why.");
        if (text.Length > MaxReasonLength) throw new InvalidFieldException("reason", $"At most {MaxReasonLength} characters.");
        return text;
    }

    public static (Account Account, AccountChange Change) Create(string name, string? displayName, IEnumerable<string>? roles,
        string passwordHash, DateTimeOffset now)
    {
        var account = new Account(Name(name), DisplayName(displayName, name), RolesOf(roles), passwordHash, now);
        return (account, new AccountCreated(account.Name, account.Roles));
    }

    /// <summary>A new display name and roles. A change of roles ends every session, so no token carries the old ones.</summary>
    public static (Account Account, IReadOnlyList<AccountChange> Changes) Change(Account account, string? displayName,
        IEnumerable<string>? roles, AccountCaller caller)
    {
        var newRoles = RolesOf(roles);
        var newName = DisplayName(displayName, account.Name);
        var changes = new List<AccountChange>();
        if (!newRoles.Order().SequenceEqual(account.Roles.Order()))
        {
            if (caller.Is(account)) throw new AccountConflictException("An admin cannot change their own roles; ask another admin.");
            changes.Add(new AccountRolesChanged(account.Name, account.Roles, newRoles));
            account = account with { Roles = newRoles, SessionVersion = account.SessionVersion + 1 };
        }
        if (newName != account.DisplayName)
        {
            changes.Add(new AccountRenamed(account.Name, account.DisplayName, newName));
            account = account with { DisplayName = newName };
        }
        return (account, changes);
    }

    public static (Account Account, AccountChange Change) ResetPassword(Account account, string passwordHash, AccountCaller caller) =>
        (account with { PasswordHash = passwordHash, SessionVersion = account.SessionVersion + 1 },
            new AccountPasswordReset(account.Name, caller.Is(account)));

    /// <param name="now">When, kept as <see cref="Account.DisabledAt"/> (a repeat keeps the first time).</param>
    public static (Account Account, AccountChange Change) Disable(Account account, string? reason, AccountCaller caller, DateTimeOffset? now = null)
    {
        var why = Reason(reason, required: true);
        if (caller.Is(account)) throw new AccountConflictException("An admin cannot disable their own account; ask another admin.");
        return (account with { Disabled = true, DisabledReason = why, DisabledAt = account.Disabled ? account.DisabledAt ?? now : now, SessionVersion = account.SessionVersion + 1 },
            new AccountDisabled(account.Name, why));
    }

    public static (Account Account, AccountChange Change) Enable(Account account, string? reason) =>
        (account with { Disabled = false, DisabledReason = null, DisabledAt = null }, new AccountEnabled(account.Name, Reason(reason, required: false)));

    public static (Account Account, AccountChange Change) SignOut(Account account) =>
        (account with { SessionVersion = account.SessionVersion + 1 }, new AccountSignedOut(account.Name));

    private static bool IsNameStart(char c) => c is >= 'a' and <= 'z' or >= '0' and <= '9';

    private static bool IsNameChar(char c) => IsNameStart(c) || c is '.' or '_' or '-' or '@';
}

/// <summary>Who changes an account: an officer (by token subject) or an operator on the command line.</summary>
public sealed record AccountCaller(string Subject, bool IsOperator)
{
    public static AccountCaller Operator { get; } = new("cli", IsOperator: true);

    /// <summary>An officer acting on their own account; an operator on the host is nobody's account.</summary>
    public bool Is(Account account) => !IsOperator && Subject == account.Name;
}

/// <summary>The account cannot change this way (409), e.g. an admin disabling themselves.</summary>
public sealed class AccountConflictException(string message) : Exception(message);

public sealed class AccountNotFoundException(string name) : Exception($"No account '{name}'.");
