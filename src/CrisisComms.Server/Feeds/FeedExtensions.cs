namespace CrisisComms.Server.Feeds;

internal static class FeedExtensions
{
    public static IServiceCollection AddCrisisFeeds(this IServiceCollection services)
    {
        services.AddOptions<CapOptions>().BindConfiguration(CapOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<CapReader>();
        services.AddSingleton<AlertFeed>();
        return services;
    }
}
