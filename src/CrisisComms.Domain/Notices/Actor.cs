namespace CrisisComms.Domain.Notices;

/// <summary>
/// The roles, and the one place that says which roles may do what. The server's policies, the
/// OpenAPI document and the workflow all read these lists.
/// </summary>
public static class Roles
{
    public const string Staff = "staff";
    public const string Author = "author";
    public const string Approver = "approver";
    public const string Director = "director";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Staff, Author, Approver, Director, Admin];

    /// <summary>Sees banners (the intranet's): any role at all.</summary>
    public static readonly IReadOnlyList<string> BannerReaders = All;

    /// <summary>Reads and writes notices and follows them live. Admin is not one: it manages, it does not write.</summary>
    public static readonly IReadOnlyList<string> Authors = [Author, Approver, Director];

    /// <summary>Approves, rejects, releases and withdraws notices.</summary>
    public static readonly IReadOnlyList<string> Approvers = [Approver, Director];

    /// <summary>May break glass: approve a notice they contributed to, with a reason.</summary>
    public static readonly IReadOnlyList<string> Directors = [Director];

    public static readonly IReadOnlyList<string> AuditReaders = [Approver, Director, Admin];

    public static readonly IReadOnlyList<string> Admins = [Admin];
}

/// <summary>Who acts: the token's subject and roles. Officer roles imply the lower ones.</summary>
public sealed record Actor(string Subject, string Name, IReadOnlySet<string> Roles)
{
    public static Actor System { get; } = new("system", "CrisisComms", new HashSet<string>());

    public bool IsAuthor => HasAny(Notices.Roles.Authors);
    public bool IsApprover => HasAny(Notices.Roles.Approvers);
    public bool IsDirector => HasAny(Notices.Roles.Directors);
    public bool IsAdmin => HasAny(Notices.Roles.Admins);
    public bool IsStaff => HasAny(Notices.Roles.BannerReaders);

    private bool HasAny(IReadOnlyList<string> roles) => roles.Any(Roles.Contains);
}
