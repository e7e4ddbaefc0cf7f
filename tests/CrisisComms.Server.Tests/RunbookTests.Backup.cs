using System.Net;
using CrisisComms.Testing.Client;
using CrisisComms.Testing.Server;

namespace CrisisComms.Server.Tests;

public sealed partial class RunbookTests
{
    [Fact]
    public async Task BackUpAndRestoreSqliteRunAsWritten()
    {
        var backup = Runbook("06-backup-and-restore.md", until: "## B. Restore");
        var restore = Runbook("06-backup-and-restore.md", until: "Tested:")[backup.Count..];
        Assert.Equal(2, backup.Count);
        Assert.Equal(2, restore.Count);
        Assert.Contains("BACKUP=<the backup file to restore>", restore[0]);

        await using var server = await ServerProcess.StartAsync();
        await server.AddAccountAsync("anna", CrisisServerFixture.Password, "author");
        var author = await Officer.SignInAsync(server.BaseAddress, "anna", CrisisServerFixture.Password);
        var before = (await author.CreateAsync(SampleNotices.Water())).ShouldBe(HttpStatusCode.Created).Id;
        // The service's configuration, as the runbook asks; the built server in place of the published one.
        var folder = Path.Combine(server.DataFolder, "backups");
        var environment = $"export CrisisComms__Storage__SqlitePath={Path.Combine(server.DataFolder, "crisiscomms.db")}";
        string Adapt(string block) => block
            .Replace("dotnet /opt/crisiscomms/CrisisComms.Server.dll", $"dotnet {ServerBuild.Dll} --contentRoot {ServerBuild.ProjectFolder}")
            .Replace("/var/backups/crisiscomms", folder);

        var backedUp = await RunAsync([environment, .. backup.Select(Adapt)], passwords: 0);
        Assert.Matches(@"^1 notices, \d+ audit entries, 1 accounts in ", backedUp.Trim());
        var after = (await author.CreateAsync(SampleNotices.Water())).ShouldBe(HttpStatusCode.Created).Id;

        await server.KillAsync(); // step 1: the service is stopped
        var file = Assert.Single(Directory.GetFiles(folder));
        var restored = await RunAsync(
            [environment, .. restore.Select(Adapt).Select(b => b.Replace("BACKUP=<the backup file to restore>", $"BACKUP={file}"))],
            passwords: 0);
        var lines = restored.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        Assert.Matches(@"^restored: 1 notices, \d+ audit entries$", lines[0]);
        Assert.Equal("true", lines[^1]);

        await server.StartAsync(); // step 4
        var officer = await Officer.SignInAsync(server.BaseAddress, "anna", CrisisServerFixture.Password);
        (await officer.GetAsync(before)).ShouldBe(HttpStatusCode.OK);
        (await officer.GetAsync(after)).ShouldBe(HttpStatusCode.NotFound);
    }
}
