using Serilog;
using Serilog.Formatting.Compact;

namespace CrisisComms.Server.Configuration;

internal static class LoggingExtensions
{
    /// <summary>Serilog from configuration; compact JSON on the console when CrisisComms:Logging:Json is true.</summary>
    public static IServiceCollection AddCrisisLogging(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSerilog((sp, log) =>
        {
            log.ReadFrom.Configuration(configuration)
                .ReadFrom.Services(sp)
                .Enrich.FromLogContext()
                .Enrich.With<SecretRedaction>()
                .MinimumLevel.Override("Microsoft.AspNetCore", Serilog.Events.LogEventLevel.Warning)
                .MinimumLevel.Override("Quartz", Serilog.Events.LogEventLevel.Warning);
            if (configuration.GetValue<bool>("CrisisComms:Logging:Json")) log.WriteTo.Console(new RenderedCompactJsonFormatter());
            else log.WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}");
        });
        CachingLoggerFactory.Decorate(services);
        return services;
    }
}
