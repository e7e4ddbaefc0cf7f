using System.Collections.Concurrent;

namespace CrisisComms.Server.Configuration;

/// <summary>
/// Hands out one logger per category, as Microsoft's own <see cref="LoggerFactory"/> does.
/// Serilog's factory builds a new logger, each with its own event-id cache, on every
/// <c>CreateLogger</c> call, and Kestrel and SignalR call it for every connection: that was
/// 3.5 KB of managed heap per idle hub connection (measured with dotnet-gcdump, see
/// docs/performance.md). A Serilog logger is thread-safe and holds no per-caller state, so
/// sharing it per category changes nothing in what is logged.
/// </summary>
internal sealed class CachingLoggerFactory(ILoggerFactory inner, bool ownsInner) : ILoggerFactory
{
    private readonly ConcurrentDictionary<string, ILogger> _loggers = new(StringComparer.Ordinal);

    public ILogger CreateLogger(string categoryName) => _loggers.GetOrAdd(categoryName, inner.CreateLogger);

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    public void Dispose()
    {
        if (ownsInner) inner.Dispose();
    }

    /// <summary>Wraps the <see cref="ILoggerFactory"/> registered last (Serilog's) in this cache.</summary>
    public static void Decorate(IServiceCollection services)
    {
        var registered = services.Last(d => d.ServiceType == typeof(ILoggerFactory));
        services.Remove(registered);
        services.AddSingleton<ILoggerFactory>(sp => registered switch
        {
            { ImplementationInstance: ILoggerFactory instance } => new CachingLoggerFactory(instance, ownsInner: false),
            { ImplementationFactory: { } factory } => new CachingLoggerFactory((ILoggerFactory)factory(sp), ownsInner: true),
            _ => new CachingLoggerFactory(
                (ILoggerFactory)ActivatorUtilities.CreateInstance(sp, registered.ImplementationType!), ownsInner: true),
        });
    }
}
