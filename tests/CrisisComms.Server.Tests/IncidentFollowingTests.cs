using System.Net;
using System.Text.Json.Nodes;
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
        await using var console = await Follower.ConnectAsync(f.Address, incident, f.Approver.Token);

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
            .WithUrl(new Uri(f.Address, "/hubs/notices"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(f.Staff.Token))
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

    /// <summary>A real SignalR .NET client on /hubs/notices that keeps every message it gets.</summary>
    private sealed class Follower : IAsyncDisposable
    {
        private readonly HubConnection _connection;
        private readonly List<JsonObject> _messages = [];
        private readonly SemaphoreSlim _arrived = new(0);

        private Follower(HubConnection connection)
        {
            _connection = connection;
            connection.On<JsonObject>("noticeChanged", m =>
            {
                lock (_messages) _messages.Add(m);
                _arrived.Release();
            });
        }

        public int Count { get { lock (_messages) return _messages.Count; } }

        public static async Task<Follower> ConnectAsync(Uri server, string incident, string token)
        {
            var connection = new HubConnectionBuilder()
                .WithUrl(new Uri(server, $"/hubs/notices?incident={Uri.EscapeDataString(incident)}"),
                    o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
                .Build();
            var follower = new Follower(connection);
            await connection.StartAsync();
            return follower;
        }

        /// <summary>Waits for the <paramref name="n"/>th message and returns what it says of the notice.</summary>
        public async Task<JsonObject> WaitForAsync(int n, string noticeId, TimeSpan? timeout = null)
        {
            var deadline = DateTimeOffset.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
            while (Count < n)
            {
                var left = deadline - DateTimeOffset.UtcNow;
                if (left <= TimeSpan.Zero || !await _arrived.WaitAsync(left) && Count < n)
                    throw new TimeoutException($"message {n} did not arrive; got {Count}");
            }
            JsonObject message;
            lock (_messages) message = _messages[n - 1];
            return message["notices"]!.AsArray().Single(x => x!["id"]!.GetValue<string>() == noticeId)!.AsObject();
        }

        public ValueTask DisposeAsync() => _connection.DisposeAsync();
    }
}
