using System.Net;
using CrisisComms.Testing.Client;
using Microsoft.AspNetCore.SignalR.Client;

namespace CrisisComms.Server.Tests;

/// <summary>
/// The console's incident view follows an incident over /hubs/notices: every saved change of its
/// notices, whether an officer or the dispatch clock made it, is signalled at once.
/// </summary>
[Collection(CrisisServerCollection.Name)]
public sealed class IncidentFollowingTests(CrisisServerFixture f)
{
    [Fact]
    public async Task AFollowingConsoleIsToldOfTheApprovalTheClocksPublicStageAndTheWithdrawal()
    {
        var id = await f.Author.DraftAndSubmitAsync(SampleNotices.Water());
        var incident = (await f.Author.GetAsync(id)).ShouldBe(HttpStatusCode.OK).Json!["incidentId"]!.GetValue<string>();
        await using var console = await NoticeFollower.ConnectAsync(f.Address, incident, f.Approver.Token);

        (await f.Approver.ApproveAsync(id)).ShouldBe(HttpStatusCode.OK);
        var approved = await console.WaitForAsync(1, id);
        Assert.Equal("live", approved["state"]!.GetValue<string>());
        // The public stage is the clock's, IntranetLead after approval: not run yet...
        Assert.Equal("scheduled", (await f.Approver.GetAsync(id)).Stage("public")["state"]!.GetValue<string>());

        // ...and when the clock runs it, the console hears of it without asking.
        await console.WaitForAsync(2, id, CrisisServerFixture.IntranetLead + TimeSpan.FromSeconds(10));
        Assert.Equal("done", (await f.Approver.GetAsync(id)).Stage("public")["state"]!.GetValue<string>());

        var before = console.Count;
        (await f.Approver.WithdrawAsync(id, "Fel kommun")).ShouldBe(HttpStatusCode.OK);
        var withdrawn = await console.WaitForAsync(before + 1, id);
        Assert.Equal("withdrawn", withdrawn["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnApprovalQueueIsToldWhenANoticeArrivesAndWhenItIsHandled()
    {
        await using var queue = await NoticeFollower.ConnectToApprovalQueueAsync(f.Address, f.SecondApprover.Token);

        var id = await f.Author.DraftAndSubmitAsync(SampleNotices.Water());
        await queue.WaitForStateAsync(id, "pendingApproval");
        (await f.Approver.ApproveAsync(id)).ShouldBe(HttpStatusCode.OK);
        await queue.WaitForStateAsync(id, "live");
    }

    [Fact]
    public async Task OnlySignedInOfficersMayFollowAnIncident()
    {
        var anonymous = new HubConnectionBuilder().WithUrl(new Uri(f.Address, "/hubs/notices?incident=any")).Build();
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => anonymous.StartAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        await anonymous.DisposeAsync();
    }

    [Fact]
    public async Task AConnectionThatNamesNoIncidentIsClosed()
    {
        var closed = new TaskCompletionSource();
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(f.Address, "/hubs/notices"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(f.Author.Token))
            .Build();
        connection.Closed += _ => { closed.TrySetResult(); return Task.CompletedTask; };
        try
        {
            await connection.StartAsync();
        }
        catch (Exception)
        {
            closed.TrySetResult(); // closed during the handshake: just as good
        }
        await closed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(HubConnectionState.Disconnected, connection.State);
        await connection.DisposeAsync();
    }
}
