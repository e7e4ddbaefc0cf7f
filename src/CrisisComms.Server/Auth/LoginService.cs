using CrisisComms.Domain.Accounts;
using Microsoft.AspNetCore.Identity;

namespace CrisisComms.Server.Auth;

/// <summary>Checks a local account's password with ASP.NET Core Identity's PBKDF2 hasher.</summary>
internal sealed class LoginService(IAccountStore accounts, TokenIssuer issuer)
{
    private static readonly PasswordHasher<Account> Hasher = new();

    // Hashing a password for an unknown name too keeps the answer time from telling which names exist.
    private static readonly string DecoyHash = Hasher.HashPassword(null!, Guid.NewGuid().ToString());

    public static string Hash(string password) => Hasher.HashPassword(null!, password);

    public static bool Verify(Account account, string password) =>
        Hasher.VerifyHashedPassword(account, account.PasswordHash, password) != PasswordVerificationResult.Failed;

    public async Task<(string Token, TimeSpan Lifetime)?> LoginAsync(string name, string password, CancellationToken ct)
    {
        var account = await accounts.FindAsync(name, ct);
        var result = Hasher.VerifyHashedPassword(account!, account?.PasswordHash ?? DecoyHash, password);
        // A disabled account is told apart from a wrong password by nobody, not even its owner.
        if (account is null || account.Disabled || result == PasswordVerificationResult.Failed) return null;
        return issuer.Issue(account);
    }
}
