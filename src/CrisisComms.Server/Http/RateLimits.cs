using System.Threading.RateLimiting;

namespace CrisisComms.Server.Http;

internal static class RateLimits
{
    public const string Login = "login";

    /// <summary>Slows down password guessing: a handful of sign-ins per client address per minute.</summary>
    public static IServiceCollection AddCrisisRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var perMinute = configuration.GetValue("CrisisComms:Auth:SignInsPerMinute", 30);
        return services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(Login, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1) }));
        });
    }
}
