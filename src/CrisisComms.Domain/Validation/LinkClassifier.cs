namespace CrisisComms.Domain.Validation;

/// <summary>
/// The guidelines ask that links leaving the organisation's domain be marked external.
/// A subdomain of the site's domain (intranat.example.se) is the organisation's own.
/// </summary>
public static class LinkClassifier
{
    public static bool IsExternal(string? link, string siteDomain)
    {
        if (link is null || !Uri.TryCreate(link, UriKind.Absolute, out var uri)) return false;
        var host = uri.IdnHost.TrimEnd('.').ToLowerInvariant();
        var domain = siteDomain.Trim().TrimEnd('.').ToLowerInvariant();
        return !(host == domain || host.EndsWith("." + domain, StringComparison.Ordinal));
    }
}
