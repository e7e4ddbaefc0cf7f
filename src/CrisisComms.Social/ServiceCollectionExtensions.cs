using CrisisComms.Domain.Dispatch;
using CrisisComms.Social.Facebook;
using CrisisComms.Social.Mastodon;
using CrisisComms.Social.X;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CrisisComms.Social;

public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Binds <c>CrisisComms:Social</c> (validated at start), registers each channel whose credentials are all
    /// present as an <see cref="ISocialChannel"/> with its own HTTP client, and a <see cref="ChannelHealthRegistry"/>
    /// listing exactly those channels. Which channels are on is decided here, from <paramref name="configuration"/>.
    /// </summary>
    public static IServiceCollection AddSocialChannels(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(SocialOptions.SectionName);
        services.AddOptions<SocialOptions>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SocialOptions>, SocialOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        var configured = section.Get<SocialOptions>() ?? new SocialOptions();
        var on = new List<string>();
        if (configured.X.IsOn) on.Add(AddChannel<XChannel>(services, XChannel.ChannelName));
        if (configured.Mastodon.IsOn)
        {
            services.TryAddSingleton<MastodonLimitsCache>();
            on.Add(AddChannel<MastodonChannel>(services, MastodonChannel.ChannelName));
        }
        if (configured.Facebook.IsOn) on.Add(AddChannel<FacebookChannel>(services, FacebookChannel.ChannelName));

        // Stored where the host has a document store (the server always does), so every node shows the same.
        services.TryAddSingleton(sp => new ChannelHealthRegistry(on, sp.GetRequiredService<TimeProvider>(),
            sp.GetService<Domain.Storage.IDocumentStore>(), sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<ChannelHealthRegistry>>()));
        return services;
    }

    private static string AddChannel<TChannel>(IServiceCollection services, string name)
        where TChannel : class, ISocialChannel
    {
        services.AddHttpClient<TChannel>(client =>
            {
                // The resilience pipeline below times each attempt out.
                client.Timeout = Timeout.InfiniteTimeSpan;
                client.DefaultRequestHeaders.UserAgent.ParseAdd("CrisisComms/1.0");
            })
            // Header values carry the credentials (OAuth signature, bearer token): never log them.
            .RedactLoggedHeaders(_ => true)
            .AddResilienceHandler("social", (pipeline, context) =>
                SocialResilience.Configure(pipeline, context.ServiceProvider.GetRequiredService<IOptions<SocialOptions>>().Value.Timeout));
        // Transient, like the typed client inside it, so the factory can rotate handlers (DNS changes).
        services.AddTransient<ISocialChannel>(sp => sp.GetRequiredService<TChannel>());
        return name;
    }
}
