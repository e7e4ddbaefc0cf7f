using CrisisComms.Domain.Dispatch;
using Microsoft.Extensions.Options;

namespace CrisisComms.Server.Configuration;

internal static class OptionsExtensions
{
    /// <summary>Binds and validates every section at start-up: a bad configuration stops the service with a clear message.</summary>
    public static IServiceCollection AddCrisisCommsOptions(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateDataAnnotations().ValidateOnStart()
            // A relative path is the content root's (the application's folder), never the working directory's.
            .PostConfigure<IHostEnvironment>((o, env) =>
            {
                if (!string.IsNullOrWhiteSpace(o.SqlitePath)) o.SqlitePath = Path.GetFullPath(o.SqlitePath, env.ContentRootPath);
            });
        services.AddOptions<RedisOptions>().BindConfiguration(RedisOptions.Section).ValidateOnStart();
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SiteOptions>().BindConfiguration(SiteOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DispatchOptions>().BindConfiguration(DispatchOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<RedisOptions>, RedisOptionsValidation>();
        services.AddSingleton<IValidateOptions<AuthOptions>, AuthOptionsValidation>();
        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<DispatchOptions>>().Value;
            return new DispatchTimings(o.IntranetLead, o.SocialDelay, o.AllClearVisibleFor);
        });
        return services;
    }

    private sealed class RedisOptionsValidation(IOptions<StorageOptions> storage, IOptions<AuthOptions> auth) : IValidateOptions<RedisOptions>
    {
        public ValidateOptionsResult Validate(string? name, RedisOptions options)
        {
            if (!storage.Value.IsRedis) return ValidateOptionsResult.Success;
            if (string.IsNullOrWhiteSpace(options.Configuration))
                return ValidateOptionsResult.Fail("CrisisComms:Storage:Provider is Redis, so CrisisComms:Redis:Configuration must be set.");
            if (string.IsNullOrWhiteSpace(auth.Value.SigningKey))
                return ValidateOptionsResult.Fail("With several nodes every node must sign tokens alike: set CrisisComms:Auth:SigningKey.");
            return ValidateOptionsResult.Success;
        }
    }

    private sealed class AuthOptionsValidation : IValidateOptions<AuthOptions>
    {
        public ValidateOptionsResult Validate(string? name, AuthOptions options)
        {
            if (!string.IsNullOrWhiteSpace(options.Authority))
            {
                if (!Uri.TryCreate(options.Authority, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
                    return ValidateOptionsResult.Fail("CrisisComms:Auth:Authority must be an absolute https:// address, such as https://login.microsoftonline.com/{tenant}/v2.0.");
                // The bearer handler refuses plain-http metadata except on this machine; say so now rather than at the first token.
                if (uri.Scheme == Uri.UriSchemeHttp && !uri.IsLoopback)
                    return ValidateOptionsResult.Fail("CrisisComms:Auth:Authority must use https:// (plain http only on localhost).");
            }
            else if (!string.IsNullOrWhiteSpace(options.ConsoleClientId))
                return ValidateOptionsResult.Fail("CrisisComms:Auth:ConsoleClientId is set, so CrisisComms:Auth:Authority must be set too.");
            return ValidateOptionsResult.Success;
        }
    }
}
