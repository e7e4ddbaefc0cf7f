using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CrisisComms.Server.Import;

/// <summary>How the last polls went, for <c>/health/ready</c>: failing polls make the service degraded, never unready.</summary>
internal sealed class VmaImportStatus
{
    private volatile string? _failure;

    public int Failures { get; private set; }

    public void Succeeded()
    {
        Failures = 0;
        _failure = null;
    }

    public void Failed(string error)
    {
        Failures++;
        _failure = error;
    }

    internal sealed class Check(VmaImportStatus status) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default) =>
            Task.FromResult(status._failure is { } failure
                ? HealthCheckResult.Degraded($"The VMA API could not be read ({status.Failures} polls in a row): {failure}")
                : HealthCheckResult.Healthy());
    }
}
