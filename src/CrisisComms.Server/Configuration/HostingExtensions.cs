using Microsoft.Extensions.Options;

namespace CrisisComms.Server.Configuration;

internal static class HostingExtensions
{
    public const string DefaultUrl = "http://localhost:5080";

    /// <summary>
    /// Listens on http://localhost:5080 unless --urls, ASPNETCORE_URLS, ASPNETCORE_HTTP_PORTS or
    /// Kestrel endpoints say otherwise. Kept out of appsettings.json, where a "Urls" key would
    /// silently win over the environment variable an operator sets on a container.
    /// </summary>
    public static WebApplicationBuilder UseDefaultUrl(this WebApplicationBuilder builder)
    {
        var c = builder.Configuration;
        var chosen = new[] { c["urls"], c["http_ports"], c["https_ports"] }.Any(v => !string.IsNullOrWhiteSpace(v))
            || c.GetSection("Kestrel:Endpoints").GetChildren().Any();
        if (!chosen) builder.WebHost.UseUrls(DefaultUrl);
        return builder;
    }

    /// <summary>The start log names where the service reads its files and keeps its data, as absolute paths.</summary>
    public static WebApplication LogPaths(this WebApplication app)
    {
        var storage = app.Services.GetRequiredService<IOptions<StorageOptions>>().Value;
        var env = app.Environment;
        app.Logger.LogInformation("Content root {ContentRoot}, web root {WebRoot}, data folder {DataFolder}, store {Store}",
            env.ContentRootPath, env.WebRootPath, storage.DataFolder, storage.IsRedis ? "Redis" : storage.SqlitePath);
        return app;
    }
}
