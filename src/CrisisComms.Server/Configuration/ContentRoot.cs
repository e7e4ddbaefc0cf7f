namespace CrisisComms.Server.Configuration;

/// <summary>
/// The content root (appsettings.json, wwwroot, the default data folder) is the application's own
/// folder, not the working directory: a service started as <c>dotnet /opt/crisiscomms/CrisisComms.Server.dll</c>
/// from anywhere still serves the console, the widget and the demo pages. A build output has no
/// wwwroot beside the dll, so <c>dotnet run</c> keeps the project folder (its working directory) as before.
/// <c>--contentRoot</c> or ASPNETCORE_CONTENTROOT still decide when given.
/// </summary>
internal static class ContentRoot
{
    public static WebApplicationOptions Options(string[] args) => new()
    {
        Args = args,
        ContentRootPath = IsConfigured(args) ? null : Choose(AppContext.BaseDirectory, Directory.GetCurrentDirectory()),
    };

    internal static string Choose(string appFolder, string workingDirectory) =>
        Directory.Exists(Path.Combine(appFolder, "wwwroot")) ? appFolder : workingDirectory;

    private static bool IsConfigured(string[] args)
    {
        var configuration = new ConfigurationBuilder()
            .AddEnvironmentVariables("ASPNETCORE_")
            .AddEnvironmentVariables("DOTNET_")
            .AddCommandLine(args)
            .Build();
        return !string.IsNullOrWhiteSpace(configuration[WebHostDefaults.ContentRootKey]);
    }
}
