using System.Diagnostics;
using System.Net;
using CrisisComms.Testing.Server;

namespace CrisisComms.Server.Tests;

/// <summary>
/// The publish output started as a service manager starts it, from a folder that is not its own
/// (a systemd unit without WorkingDirectory): every page an officer or a citizen opens is there,
/// and the data stays in the application's folder, not in the working directory.
/// </summary>
public sealed class PublishedServiceTests
{
    [Fact]
    public async Task PublishedServiceStartedElsewhereServesConsoleWidgetAndDemoPages()
    {
        var publish = Directory.CreateTempSubdirectory("crisiscomms-publish-").FullName;
        var elsewhere = Directory.CreateTempSubdirectory("crisiscomms-cwd-").FullName;
        try
        {
            await PublishAsync(publish);
            await using var server = await ServerProcess.StartPublishedAsync(publish, elsewhere);
            using var http = server.CreateClient();

            foreach (var page in new[] { "/console/", "/widget/crisis-banner.js", "/demo/public", "/demo/intranet" })
                Assert.True((await http.GetAsync(page)).StatusCode == HttpStatusCode.OK, $"{page} from {elsewhere}:\n{server.Log}");

            Assert.True(File.Exists(Path.Combine(publish, "data", "crisiscomms.db")), server.Log);
            Assert.Empty(Directory.EnumerateFileSystemEntries(elsewhere));
            Assert.Contains($"Content root {publish.TrimEnd('/')}/", server.Log);
            Assert.Contains($"data folder {Path.Combine(publish, "data")}", server.Log);
        }
        finally
        {
            Directory.Delete(publish, recursive: true);
        }
    }

    // --no-build: the output the tests already run is copied as it is, so nothing is rebuilt
    // under the other test projects' feet.
    private static async Task PublishAsync(string output)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = ServerBuild.RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "publish", ServerBuild.ProjectFolder, "--no-build", "-c", ServerBuild.Configuration, "-o", output, "-p:SkipWidgetBuild=true" })
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        Assert.True(process.ExitCode == 0, $"dotnet publish failed:\n{await stdout}\n{await stderr}");
    }
}
