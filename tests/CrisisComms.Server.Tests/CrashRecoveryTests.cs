using System.Net;
using CrisisComms.Testing.Client;
using CrisisComms.Testing.Server;

namespace CrisisComms.Server.Tests;

/// <summary>
/// The store is the truth and Quartz only the clock: a process killed without warning between the
/// intranet and the public stage loses nothing and repeats nothing when it comes back.
/// </summary>
public sealed class CrashRecoveryTests : IAsyncLifetime
{
    private static readonly TimeSpan Lead = TimeSpan.FromSeconds(5);
    private ServerProcess _server = null!;

    public async Task InitializeAsync()
    {
        _server = await ServerProcess.StartAsync(new Dictionary<string, string?> { ["CrisisComms:Dispatch:IntranetLead"] = Lead.ToString() });
        await _server.AddAccountAsync("anna", CrisisServerFixture.Password, "author");
        await _server.AddAccountAsync("bosse", CrisisServerFixture.Password, "approver");
    }

    public Task DisposeAsync() => _server.DisposeAsync().AsTask();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task APendingPublicStageRunsExactlyOnceAfterAKill(bool restartAfterDue)
    {
        var (author, approver) = await SignInAsync();
        var id = await author.DraftAndSubmitAsync(SampleNotices.Water());
        var approved = (await approver.ApproveAsync(id)).ShouldBe(HttpStatusCode.OK);
        var dueAt = DateTimeOffset.Parse(approved.Stage("public")["dueAt"]!.GetValue<string>());

        await _server.KillAsync();
        // On a loaded machine the kill itself can outlast the lead: then the restart is after the due time already.
        var untilAfterDue = dueAt - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(1);
        if (restartAfterDue && untilAfterDue > TimeSpan.Zero) await Task.Delay(untilAfterDue);
        await _server.StartAsync();
        var backAt = DateTimeOffset.UtcNow;
        await using var publicSite = await BannerListener.ConnectAsync(_server.BaseAddress, "public");
        var seen = await publicSite.WaitForBannerAsync(id, TimeSpan.FromSeconds(30));
        (author, approver) = await SignInAsync();

        var notice = (await author.GetAsync(id)).ShouldBe(HttpStatusCode.OK);
        var doneAt = DateTimeOffset.Parse(notice.Stage("public")["doneAt"]!.GetValue<string>());
        Assert.True(doneAt >= dueAt, $"the public stage ran at {doneAt:O}, before its due time {dueAt:O}");
        // Not late: at its due time, or, where the restart itself took longer than the lead (a
        // loaded machine), as soon as the node was back.
        var expected = backAt > dueAt ? backAt : dueAt;
        if (!restartAfterDue) Assert.True(seen.At - expected < TimeSpan.FromSeconds(3),
            $"the public stage ran late after the restart: due {dueAt:O}, node back {backAt:O}, seen {seen.At:O}");

        // Give a repeat every chance to happen before counting.
        await Task.Delay(TimeSpan.FromSeconds(1));
        var audit = (await approver.AuditAsync(id)).ShouldBe(HttpStatusCode.OK).Json!.AsArray();
        int Runs(string stage) => audit.Count(a => a!["action"]!.GetValue<string>() == "stage.done" && a["detail"]!.GetValue<string>() == stage);
        Assert.Equal(1, Runs("intranet"));
        Assert.Equal(1, Runs("public"));
        Assert.Equal(1, notice.Stage("public")["attempts"]!.GetValue<int>());
    }

    private async Task<(Officer Author, Officer Approver)> SignInAsync() =>
        (await Officer.SignInAsync(_server.BaseAddress, "anna", CrisisServerFixture.Password),
         await Officer.SignInAsync(_server.BaseAddress, "bosse", CrisisServerFixture.Password));
}
