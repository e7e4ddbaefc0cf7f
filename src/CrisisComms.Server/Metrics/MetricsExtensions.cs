using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CrisisComms.Server.Metrics;

internal static class MetricsExtensions
{
    public const string Path = "/metrics";

    /// <summary>
    /// OpenTelemetry: the service's own meter, ASP.NET Core's and HttpClient's, read by Prometheus
    /// at /metrics; with OTEL_EXPORTER_OTLP_ENDPOINT set, metrics and traces also go out over OTLP.
    /// </summary>
    public static IServiceCollection AddCrisisMetrics(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MetricsOptions>().BindConfiguration(MetricsOptions.Section)
            .Validate(MetricsAccess.IsValid, "CrisisComms:Metrics:AllowFrom must be networks in CIDR form, such as 10.0.0.0/8.")
            .ValidateOnStart();
        services.AddSingleton(sp => new MetricsAccess(sp.GetRequiredService<IOptions<MetricsOptions>>().Value));
        services.AddSingleton<CrisisMetrics>();

        var otlp = !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("crisiscomms"))
            .WithMetrics(m =>
            {
                m.AddMeter(CrisisMetrics.MeterName).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddPrometheusExporter();
                if (otlp) m.AddOtlpExporter();
            });
        // Traces have nowhere to go but OTLP, so they are only collected when it is configured.
        if (otlp) telemetry.WithTracing(t => t.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddOtlpExporter());
        return services;
    }

    /// <summary>
    /// /metrics for allowed callers only; anyone else gets the 404 of a path that does not exist,
    /// which tells a scanner nothing.
    /// </summary>
    public static WebApplication UseCrisisMetrics(this WebApplication app)
    {
        var access = app.Services.GetRequiredService<MetricsAccess>();
        app.UseOpenTelemetryPrometheusScrapingEndpoint(
            context => context.Request.Path == Path && access.Allows(context.Connection.RemoteIpAddress));
        return app;
    }
}
