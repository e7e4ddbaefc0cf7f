using System.Security.Claims;
using CrisisComms.Domain.Notices;

namespace CrisisComms.Server.Auth;

internal static class ClaimsActor
{
    /// <summary>Entra ID sends app roles as "roles"; the built-in issuer and Keycloak mappers as "role".</summary>
    public static readonly string[] RoleClaimTypes = ["role", "roles", ClaimTypes.Role];

    public static Actor ToActor(this ClaimsPrincipal user)
    {
        var sub = user.FindFirstValue("sub") ?? user.FindFirstValue(ClaimTypes.NameIdentifier)
            ?? throw new InvalidOperationException("An authenticated token always carries 'sub'.");
        var name = user.FindFirstValue("name") ?? sub;
        var roles = user.Claims.Where(c => RoleClaimTypes.Contains(c.Type)).Select(c => c.Value)
            .Where(Roles.All.Contains).ToHashSet();
        return new Actor(sub, name, roles);
    }
}
