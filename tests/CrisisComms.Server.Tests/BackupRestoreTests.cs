using System.Collections.Concurrent;
using System.Net;
using CrisisComms.Testing.Client;
using CrisisComms.Testing.Server;

namespace CrisisComms.Server.Tests;

/// <summary>
/// <c>backup</c> while officers keep writing, then <c>restore</c> with the service stopped: every
/// notice acknowledged before the backup began is back, the audit chain verifies, and the store as
/// it was is kept aside. A file that is not a CrisisComms store, or a running service, is refused
/// with nothing changed.
/// </summary>
public sealed class BackupRestoreTests
{
    [Fact]
    public async Task ABackupTakenWhileNoticesAreWrittenRestoresEveryNoticeAcknowledgedBeforeIt()
    {
        await using var server = await StartAsync();
        var author = await Officer.SignInAsync(server.BaseAddress, "anna", CrisisServerFixture.Password);
        var acknowledged = new ConcurrentQueue<string>();
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
                acknowledged.Enqueue((await author.CreateAsync(SampleNotices.Water())).ShouldBe(HttpStatusCode.Created).Id);
        });
        await WaitUntilAsync(() => acknowledged.Count >= 10 || writer.IsCompleted);
        var beforeBackup = acknowledged.ToArray();
        var file = Path.Combine(server.DataFolder, "backups", "crisiscomms-backup.db");

        var (backupExit, backupOutput) = await server.RunCommandAsync(null, "backup", file);
        var afterBackup = acknowledged.Count;
        await WaitUntilAsync(() => acknowledged.Count >= afterBackup + 3 || writer.IsCompleted);
        await stop.CancelAsync();
        await writer;
        Assert.True(backupExit == 0, backupOutput);
        var writtenLater = acknowledged.Last();

        await server.KillAsync();
        var (restoreExit, restoreOutput) = await server.RunCommandAsync(null, "restore", file);
        Assert.True(restoreExit == 0, restoreOutput);
        Assert.Single(Directory.GetFiles(server.DataFolder, "crisiscomms.db.before-restore-*"));
        await server.StartAsync();

        var officer = await Officer.SignInAsync(server.BaseAddress, "anna", CrisisServerFixture.Password);
        foreach (var id in beforeBackup) (await officer.GetAsync(id)).ShouldBe(HttpStatusCode.OK);
        (await officer.GetAsync(writtenLater)).ShouldBe(HttpStatusCode.NotFound);
        var (verifyExit, verifyOutput) = await server.RunCommandAsync(null, "audit", "verify");
        Assert.True(verifyExit == 0, verifyOutput);
        Assert.Contains("\"valid\":true", verifyOutput);
    }

    [Fact]
    public async Task RestoreRefusesAFileThatIsNotACrisisCommsStoreAndChangesNothing()
    {
        await using var server = await StartAsync();
        var author = await Officer.SignInAsync(server.BaseAddress, "anna", CrisisServerFixture.Password);
        var id = (await author.CreateAsync(SampleNotices.Water())).ShouldBe(HttpStatusCode.Created).Id;
        var text = Path.Combine(server.DataFolder, "notes.txt");
        await File.WriteAllTextAsync(text, "not a database, only some notes\n");
        var backup = Path.Combine(server.DataFolder, "good.db");
        Assert.Equal(0, (await server.RunCommandAsync(null, "backup", backup)).ExitCode);

        var (runningExit, runningOutput) = await server.RunCommandAsync(null, "restore", backup);
        Assert.Equal(1, runningExit);
        Assert.Contains("stop it", runningOutput);

        await server.KillAsync();
        var (exit, output) = await server.RunCommandAsync(null, "restore", text);
        Assert.Equal(1, exit);
        Assert.Contains("is not a CrisisComms database", output);
        Assert.Empty(Directory.GetFiles(server.DataFolder, "crisiscomms.db.before-restore-*"));

        await server.StartAsync();
        var officer = await Officer.SignInAsync(server.BaseAddress, "anna", CrisisServerFixture.Password);
        (await officer.GetAsync(id)).ShouldBe(HttpStatusCode.OK);
    }

    private static async Task<ServerProcess> StartAsync()
    {
        var server = await ServerProcess.StartAsync();
        await server.AddAccountAsync("anna", CrisisServerFixture.Password, "author");
        return server;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!condition() && DateTime.UtcNow < deadline) await Task.Delay(50);
    }
}
