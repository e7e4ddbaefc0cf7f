using CrisisComms.Domain.Storage;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CrisisComms.Server.Health;

internal static class HealthExtensions
{
    public const string Ready = "ready";

    public static IServiceCollection AddCrisisHealth(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<StoreHealthCheck>("store", tags: [Ready]);
        return services;
    }

    /// <summary>live: the process runs. ready: the store (and Redis, where configured) answers;
    /// degraded (still 200) while the VMA API cannot be read.</summary>
    public static IEndpointRouteBuilder MapCrisisHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready) }).AllowAnonymous();
        return app;
    }

    private sealed class StoreHealthCheck(INoticeStore store) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
        {
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                timeout.CancelAfter(TimeSpan.FromSeconds(3));
                await store.PingAsync(timeout.Token);
                return HealthCheckResult.Healthy();
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                return HealthCheckResult.Unhealthy("The store does not answer.");
            }
        }
    }
}
