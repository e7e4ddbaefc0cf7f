using CrisisComms.Domain.Dispatch;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CrisisComms.Social.Tests.Support;

/// <summary>The channels as the host gets them: <c>AddSocialChannels</c> over configuration, logs captured.</summary>
internal sealed class Channels : IDisposable
{
    private readonly ServiceProvider services;

    private Channels(ServiceProvider services, CapturedLogs logs)
    {
        this.services = services;
        Logs = logs;
    }

    public CapturedLogs Logs { get; }

    public ChannelHealthRegistry Health => services.GetRequiredService<ChannelHealthRegistry>();

    public IReadOnlyList<ISocialChannel> All => [.. services.GetServices<ISocialChannel>()];

    public ISocialChannel this[string name] => All.Single(c => c.Name == name);

    public T Get<T>() where T : notnull => services.GetRequiredService<T>();

    public static Channels For(IEnumerable<KeyValuePair<string, string?>> settings, TimeSpan? timeout = null, TimeProvider? time = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings)
            .AddInMemoryCollection([new("CrisisComms:Social:Timeout", (timeout ?? TimeSpan.FromSeconds(10)).ToString())])
            .Build();
        var logs = new CapturedLogs();
        var services = new ServiceCollection();
        if (time is not null) services.AddSingleton(time);
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        services.AddSocialChannels(configuration);
        return new Channels(services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }), logs);
    }

    public void Dispose() => services.Dispose();
}
