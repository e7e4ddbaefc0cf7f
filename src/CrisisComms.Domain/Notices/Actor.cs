namespace CrisisComms.Domain.Notices;

public static class Roles
{
    public const string Staff = "staff";
    public const string Author = "author";
    public const string Approver = "approver";
    public const string Director = "director";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Staff, Author, Approver, Director, Admin];
}

/// <summary>Who acts: the token's subject and roles. Officer roles imply the lower ones.</summary>
public sealed record Actor(string Subject, string Name, IReadOnlySet<string> Roles)
{
    public static Actor System { get; } = new("system", "CrisisComms", new HashSet<string>());

    public bool IsAuthor => Has(Domain.Notices.Roles.Author) || IsApprover;
    public bool IsApprover => Has(Domain.Notices.Roles.Approver) || IsDirector;
    public bool IsDirector => Has(Domain.Notices.Roles.Director);
    public bool IsAdmin => Has(Domain.Notices.Roles.Admin);
    public bool IsStaff => Roles.Count > 0;

    private bool Has(string role) => Roles.Contains(role);
}
