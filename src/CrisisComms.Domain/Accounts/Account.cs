namespace CrisisComms.Domain.Accounts;

/// <summary>A local officer account; the password is only ever held as a slow salted hash.</summary>
public sealed record Account(string Name, string DisplayName, IReadOnlyList<string> Roles, string PasswordHash, DateTimeOffset CreatedAt)
{
    public bool Disabled { get; init; }
    public string? DisabledReason { get; init; }

    /// <summary>When it was last disabled (null when enabled, and for accounts disabled before this was kept):
    /// retention counts <c>CrisisComms:Retention:DisabledAccounts</c> from it.</summary>
    public DateTimeOffset? DisabledAt { get; init; }

    /// <summary>When retention removed its personal data (RetentionRules.RemovePersonalData); set once.</summary>
    public DateTimeOffset? PersonalDataRemovedAt { get; init; }

    /// <summary>
    /// Raised by disable, sign-out everywhere, a password reset and a change of roles: a token that
    /// carries an older value is refused, so every session the account had before ends.
    /// </summary>
    public int SessionVersion { get; init; }

    public DateTimeOffset? LastSignInAt { get; init; }

    /// <summary>The TOTP authenticator, once the account has started to enrol one.</summary>
    public SecondFactor? SecondFactor { get; init; }

    /// <summary>
    /// How many times the account was saved. A write through <see cref="Storage.ChangeSet.Accounts"/>
    /// is refused (<see cref="Storage.AccountChangedException"/>) when the stored account moved on
    /// since it was read, so a sign-in noting its time can never undo a disable made at that moment.
    /// </summary>
    public long Revision { get; init; }
}

/// <summary>
/// A TOTP authenticator (RFC 6238). <see cref="EnrolledAt"/> is null until the officer has proved
/// the phone with a first code; <see cref="LastUsedStep"/> refuses a code used once already.
/// </summary>
public sealed record SecondFactor(string Secret, DateTimeOffset? EnrolledAt, IReadOnlyList<string> RecoveryCodeHashes, long LastUsedStep);

public interface IAccountStore
{
    Task<Account?> FindAsync(string name, CancellationToken ct = default);
    Task<IReadOnlyList<Account>> ListAsync(CancellationToken ct = default);

    /// <summary>Adds or replaces the account with that name. Changes an officer makes go through
    /// <see cref="Storage.ChangeSet.Accounts"/> instead, so the audit entry is in the same write.</summary>
    Task UpsertAsync(Account account, CancellationToken ct = default);
}
