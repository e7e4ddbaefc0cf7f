using Serilog.AspNetCore;
using Serilog.Events;

namespace CrisisComms.Server.Configuration;

/// <summary>One line per request, at a level that matches what an operator needs to see.</summary>
internal static class RequestLogging
{
    public static void Configure(RequestLoggingOptions o)
    {
        o.GetLevel = Level;
        // The path alone: the hubs' query carries the caller's token (access_token).
        o.IncludeQueryInRequestPath = false;
    }

    // Caches and widgets poll the banner snapshot and health many times a second in a crisis;
    // an information line for each of those cost a quarter of the endpoint's throughput in the
    // benchmarks (docs/performance.md), so successful polls go to Debug.
    internal static LogEventLevel Level(HttpContext context, double elapsedMs, Exception? error)
    {
        var status = context.Response.StatusCode;
        if (error is not null || status >= 500) return LogEventLevel.Error;
        var path = context.Request.Path;
        var poll = HttpMethods.IsGet(context.Request.Method)
            && (path.StartsWithSegments("/api/v1/banners") || path.StartsWithSegments("/health"));
        return poll && status < 400 ? LogEventLevel.Debug : LogEventLevel.Information;
    }
}
