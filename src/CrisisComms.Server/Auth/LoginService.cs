using CrisisComms.Domain.Accounts;
using Microsoft.AspNetCore.Identity;

namespace CrisisComms.Server.Auth;

/// <summary>Checks a local account's password with ASP.NET Core Identity's PBKDF2 hasher.</summary>
internal sealed class LoginService(IAccountStore accounts, TokenIssuer issuer, SecondFactorService secondFactor)
{
    private static readonly PasswordHasher<Account> Hasher = new();

    // Hashing a password for an unknown name too keeps the answer time from telling which names exist.
    private static readonly string DecoyHash = Hasher.HashPassword(null!, Guid.NewGuid().ToString());

    public static string Hash(string password) => Hasher.HashPassword(null!, password);

    public static bool Verify(Account account, string password) =>
        Hasher.VerifyHashedPassword(account, account.PasswordHash, password) != PasswordVerificationResult.Failed;

    /// <summary>Null for a wrong name or password; otherwise what the second factor says, and the token when it passed.</summary>
    public async Task<SignIn?> LoginAsync(string name, string password, string? code, CancellationToken ct)
    {
        var account = await accounts.FindAsync(name, ct);
        var result = Hasher.VerifyHashedPassword(account!, account?.PasswordHash ?? DecoyHash, password);
        // A disabled account is told apart from a wrong password by nobody, not even its owner.
        if (account is null || account.Disabled || result == PasswordVerificationResult.Failed) return null;
        var check = await secondFactor.CheckAsync(account, code, ct);
        return check switch
        {
            SecondFactorCheck.Passed => new SignIn(check, issuer.Issue(account)),
            SecondFactorCheck.EnrolmentOnly => new SignIn(check, issuer.Issue(account, enrolmentOnly: true)),
            _ => new SignIn(check, null),
        };
    }
}

/// <summary>A sign-in whose password was right: a token unless the second factor refused it.</summary>
internal sealed record SignIn(SecondFactorCheck SecondFactor, (string Token, TimeSpan Lifetime)? Issued);
