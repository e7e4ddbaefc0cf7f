using CrisisComms.Domain.Notices;
using CrisisComms.Server.Metrics;
using Microsoft.AspNetCore.SignalR;

namespace CrisisComms.Server.Banners;

/// <summary>
/// Sends the snapshot once on connect and then after every change for the connection's audience
/// and mode. It has no public methods, so any invocation from a client is refused.
/// </summary>
internal sealed class BannerHub(BannerFeed feed, CrisisMetrics metrics) : Hub
{
    private const string AudienceKey = "audience";

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
        var audience = q.Audience.ToCamelCase();
        Context.Items[AudienceKey] = audience;
        metrics.BannerConnection(audience, +1);
        // Read after joining: whatever changed before is in this snapshot, whatever changes after reaches the group.
        var cached = await feed.GetCurrentAsync(q, Context.ConnectionAborted);
        await Clients.Caller.SendAsync(BannerFeed.ClientMethod, cached.Snapshot, Context.ConnectionAborted);
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        if (Context.Items.TryGetValue(AudienceKey, out var audience)) metrics.BannerConnection((string)audience!, -1);
        return base.OnDisconnectedAsync(exception);
    }
}
