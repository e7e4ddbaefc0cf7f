using Microsoft.Extensions.Options;

namespace CrisisComms.Server.Webhooks;

internal static class WebhookExtensions
{
    public static IServiceCollection AddCrisisWebhooks(this IServiceCollection services)
    {
        services.AddOptions<WebhooksOptions>()
            .Configure<IConfiguration>((o, configuration) =>
            {
                foreach (var hook in configuration.GetSection(WebhooksOptions.Section).GetChildren())
                    o.Hooks[hook.Key] = hook.Get<WebhookConfig>() ?? new WebhookConfig();
            })
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<WebhooksOptions>, WebhooksOptionsValidation>();
        services.AddSingleton(sp => sp.GetRequiredService<IConfiguration>().GetSection("CrisisComms:Dispatch:Webhooks").Get<WebhookDeliveryOptions>()
            ?? new WebhookDeliveryOptions());
        services.AddHttpClient<WebhookSender>(client =>
            {
                client.Timeout = Timeout.InfiniteTimeSpan; // each attempt has its own, WebhookDeliveryOptions.Timeout
                client.DefaultRequestHeaders.UserAgent.ParseAdd("CrisisComms/1.0");
            })
            // The URL (a Teams Workflows URL is signed in its query) and the signature stay out of the logs.
            .RemoveAllLoggers();
        return services;
    }
}
