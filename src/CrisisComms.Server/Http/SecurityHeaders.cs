using System.Text.RegularExpressions;
using CrisisComms.Server.Configuration;
using Microsoft.Extensions.Options;

namespace CrisisComms.Server.Http;

/// <summary>
/// The headers every response carries, and the content security policy of our own pages (the
/// console, the start page, the demos). The widget script and the banner API carry no page policy:
/// they are used from other sites, whose own policy is what applies there.
/// </summary>
internal static partial class SecurityHeaders
{
    /// <summary>A year, the value browsers' preload lists ask for; not includeSubDomains, which would bind the organisation's other hosts.</summary>
    public const string Hsts = "max-age=31536000";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        var auth = app.ApplicationServices.GetRequiredService<IOptions<AuthOptions>>().Value;
        var authority = AuthorityOrigin(auth.Authority);
        return app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                Add(context, authority);
                return Task.CompletedTask;
            });
            return next(context);
        });
    }

    // Set when the response starts, so the exception handler's cleared headers get them back too.
    private static void Add(HttpContext context, string? authority)
    {
        var headers = context.Response.Headers;
        var page = IsPage(context.Request.Path);
        headers.XContentTypeOptions = "nosniff";
        // The console's addresses carry notice ids and, after an OIDC sign-in, a code: nothing to pass on.
        headers["Referrer-Policy"] = page ? "no-referrer" : "strict-origin-when-cross-origin";
        if (context.Request.IsHttps && !IsLoopback(context.Request.Host)) headers.StrictTransportSecurity = Hsts;
        if (!page) return;
        headers.ContentSecurityPolicy = PagePolicy(context.Request.Host, authority);
        headers.XFrameOptions = "DENY";
    }

    // As UseHsts: a developer's https://localhost must not pin every other local service to HTTPS.
    private static bool IsLoopback(HostString host) =>
        host.Host is "localhost" or "127.0.0.1" or "[::1]";

    internal static bool IsPage(PathString path) =>
        path == "/" || path == "/index.html" || path.StartsWithSegments("/console") || path.StartsWithSegments("/demo");

    /// <summary>
    /// Scripts, styles and everything else from this origin only: no inline script or style, no eval.
    /// The console talks to this origin, its hubs over WebSockets (named as well as 'self', which
    /// older Safari does not extend to ws:/wss:), and the OIDC authority's discovery and token endpoints.
    /// data: images for the favicon and the second-factor enrolment QR code.
    /// </summary>
    internal static string PagePolicy(HostString host, string? authority)
    {
        var connect = "'self'";
        if (host.HasValue && SafeHost().IsMatch(host.Value)) connect += $" ws://{host.Value} wss://{host.Value}";
        if (authority is not null) connect += " " + authority;
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
            + $"connect-src {connect}; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";
    }

    internal static string? AuthorityOrigin(string? authority) =>
        Uri.TryCreate(authority?.Trim(), UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Authority) : null;

    [GeneratedRegex(@"^[A-Za-z0-9.\-]+(:[0-9]{1,5})?$|^\[[0-9A-Fa-f:.]+\](:[0-9]{1,5})?$")]
    private static partial Regex SafeHost();
}
