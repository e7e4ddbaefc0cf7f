using CrisisComms.Server.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Serilog.Core;
using Serilog.Events;

namespace CrisisComms.Server.Tests;

/// <summary>
/// Kestrel and SignalR ask the logger factory for loggers on every connection; the service's
/// factory must hand back the same logger per category (each new Serilog logger costs heap for
/// as long as the connection lives) and still write through Serilog.
/// </summary>
public sealed class LoggerFactoryTests
{
    [Fact]
    public void OneLoggerPerCategoryAndEventsStillReachSerilog()
    {
        var sink = new CollectingSink();
        var services = new ServiceCollection();
        services.AddSingleton<ILogEventSink>(sink);
        services.AddLogging(); // as the web host does before the service adds its own
        services.AddCrisisLogging(new ConfigurationBuilder().Build());
        using var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<ILoggerFactory>();

        var first = factory.CreateLogger("Microsoft.AspNetCore.SignalR.HubConnectionContext");
        var second = factory.CreateLogger("Microsoft.AspNetCore.SignalR.HubConnectionContext");
        var other = factory.CreateLogger("CrisisComms.Server.Dispatch");
        provider.GetRequiredService<ILogger<LoggerFactoryTests>>().LogInformation("Stage {Stage} ran", "intranet");

        Assert.Same(first, second);
        Assert.NotSame(first, other);
        var logged = Assert.Single(sink.Events);
        Assert.Equal("\"intranet\"", logged.Properties["Stage"].ToString());
        Assert.Equal($"\"{typeof(LoggerFactoryTests).FullName}\"", logged.Properties["SourceContext"].ToString());
    }

    private sealed class CollectingSink : ILogEventSink
    {
        public List<LogEvent> Events { get; } = [];
        public void Emit(LogEvent logEvent) { lock (Events) Events.Add(logEvent); }
    }
}
