namespace CrisisComms.Server.Import;

internal static class VmaExtensions
{
    public const string HealthCheckName = "vma";

    /// <summary>Options always validated at start; the poller only with geocodes configured.</summary>
    public static IServiceCollection AddVmaImport(this IServiceCollection services, IConfiguration configuration, string readyTag)
    {
        services.AddOptions<VmaOptions>().BindConfiguration(VmaOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var options = configuration.GetSection(VmaOptions.Section).Get<VmaOptions>() ?? new VmaOptions();
        if (!options.Enabled) return services;
        services.AddSingleton<VmaImportStatus>();
        services.AddHttpClient<VmaClient>(http => http.Timeout = TimeSpan.FromSeconds(10));
        services.AddHostedService<VmaImporter>();
        services.AddHealthChecks().AddCheck<VmaImportStatus.Check>(HealthCheckName, tags: [readyTag]);
        return services;
    }
}
