namespace CrisisComms.Domain.Accounts;

/// <summary>A local officer account; the password is only ever held as a slow salted hash.</summary>
public sealed record Account(string Name, string DisplayName, IReadOnlyList<string> Roles, string PasswordHash, DateTimeOffset CreatedAt);

public interface IAccountStore
{
    Task<Account?> FindAsync(string name, CancellationToken ct = default);
    Task<IReadOnlyList<Account>> ListAsync(CancellationToken ct = default);

    /// <summary>Adds or replaces the account with that name.</summary>
    Task UpsertAsync(Account account, CancellationToken ct = default);
}
