using CrisisComms.Domain.Accounts;
using CrisisComms.Server.Configuration;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CrisisComms.Server.Auth;

/// <summary>Issues the built-in HS256 tokens for local accounts.</summary>
internal sealed class TokenIssuer(SigningKey key, IOptions<AuthOptions> options, TimeProvider time)
{
    /// <summary>
    /// <paramref name="enrolmentOnly"/>: no roles and <see cref="SecondFactorGate.EnrolmentScope"/>, for a short
    /// while, so the account can enrol its second factor and do nothing else.
    /// </summary>
    public (string Token, TimeSpan Lifetime) Issue(Account account, bool enrolmentOnly = false)
    {
        var o = options.Value;
        var now = time.GetUtcNow();
        var claims = new Dictionary<string, object>
        {
            ["sub"] = account.Name,
            ["name"] = account.DisplayName,
            ["role"] = account.Roles.ToArray(),
            [SessionValidator.VersionClaim] = account.SessionVersion,
        };
        var lifetime = o.TokenLifetime;
        if (enrolmentOnly)
        {
            claims.Remove("role");
            claims["scope"] = SecondFactorGate.EnrolmentScope;
            lifetime = SecondFactorGate.EnrolmentLifetime;
        }
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = o.Issuer,
            Audience = o.Audience,
            Claims = claims,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + lifetime).UtcDateTime,
            SigningCredentials = new SigningCredentials(key.Key, SecurityAlgorithms.HmacSha256),
        });
        return (token, lifetime);
    }
}
