using Microsoft.AspNetCore.SignalR;

namespace CrisisComms.Server.Banners;

/// <summary>
/// Sends the snapshot once on connect and then after every change for the connection's audience
/// and mode. It has no public methods, so any invocation from a client is refused.
/// </summary>
internal sealed class BannerHub(BannerFeed feed) : Hub
{
    public override async Task OnConnectedAsync()
    {
        // The gate in front of the hub has already refused bad queries and anonymous intranet clients.
        var query = BannerQuery.Parse(Context.GetHttpContext()!.Request.Query, out _);
        if (query is not { } q)
        {
            Context.Abort();
            return;
        }
        await Groups.AddToGroupAsync(Context.ConnectionId, q.Group);
        // Read after joining: whatever changed before is in this snapshot, whatever changes after reaches the group.
        var cached = await feed.GetCurrentAsync(q, Context.ConnectionAborted);
        await Clients.Caller.SendAsync(BannerFeed.ClientMethod, cached.Snapshot, Context.ConnectionAborted);
    }
}
