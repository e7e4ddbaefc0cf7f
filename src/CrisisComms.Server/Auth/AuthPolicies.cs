using CrisisComms.Domain.Notices;

namespace CrisisComms.Server.Auth;

/// <summary>The authorization policies: each one is a list of roles the domain defines (<see cref="Roles"/>).</summary>
internal static class AuthPolicies
{
    /// <summary>Banners, and nothing else: any role.</summary>
    public const string Staff = "staff";

    /// <summary>Notices (reading, writing, following live) and the channels they go to.</summary>
    public const string Author = "author";
    public const string Approver = "approver";
    public const string AuditReader = "auditReader";
    public const string Admin = "admin";

    public static void Add(Microsoft.AspNetCore.Authorization.AuthorizationBuilder builder) => builder
        .AddPolicy(Staff, p => p.RequireRole(Roles.BannerReaders))
        .AddPolicy(Author, p => p.RequireRole(Roles.Authors))
        .AddPolicy(Approver, p => p.RequireRole(Roles.Approvers))
        .AddPolicy(AuditReader, p => p.RequireRole(Roles.AuditReaders))
        .AddPolicy(Admin, p => p.RequireRole(Roles.Admins));
}
