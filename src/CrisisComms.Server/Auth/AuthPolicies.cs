using CrisisComms.Domain.Notices;

namespace CrisisComms.Server.Auth;

/// <summary>The authorization policies; every officer role implies the ones below it.</summary>
internal static class AuthPolicies
{
    public const string Staff = "staff";
    public const string Author = "author";
    public const string Approver = "approver";
    public const string AuditReader = "auditReader";
    public const string Admin = "admin";

    public static void Add(Microsoft.AspNetCore.Authorization.AuthorizationBuilder builder) => builder
        .AddPolicy(Staff, p => p.RequireRole(Roles.All))
        .AddPolicy(Author, p => p.RequireRole(Roles.Author, Roles.Approver, Roles.Director))
        .AddPolicy(Approver, p => p.RequireRole(Roles.Approver, Roles.Director))
        .AddPolicy(AuditReader, p => p.RequireRole(Roles.Approver, Roles.Director, Roles.Admin))
        .AddPolicy(Admin, p => p.RequireRole(Roles.Admin));
}
