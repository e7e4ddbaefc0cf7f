using Microsoft.AspNetCore.SignalR;

namespace CrisisComms.Server.Benchmarks;

/// <summary>
/// The floor the banner hub is measured against: a bare hub whose clients join their audience's
/// group and receive whatever <see cref="BenchmarkEndpoints"/> broadcasts. Like the banner hub it
/// greets each client with a (here empty) snapshot, so a client knows it is in its group; no store,
/// no feed: only what SignalR itself costs.
/// </summary>
internal class BaselineHub : Hub
{
    public static string Group(string audience) => "baseline:" + audience;

    public override async Task OnConnectedAsync()
    {
        var audience = Context.GetHttpContext()?.Request.Query["audience"].ToString() is "intranet" ? "intranet" : "public";
        await Groups.AddToGroupAsync(Context.ConnectionId, Group(audience));
        await Clients.Caller.SendAsync("banners", BaselineSnapshot.Create(audience, [], 0, 0), Context.ConnectionAborted);
    }
}

/// <summary>The same bare hub, but on whatever backplane the service runs (Redis when configured).</summary>
internal sealed class BackplaneBaselineHub : BaselineHub;
