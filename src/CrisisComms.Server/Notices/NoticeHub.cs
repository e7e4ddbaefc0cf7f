using Microsoft.AspNetCore.SignalR;

namespace CrisisComms.Server.Notices;

/// <summary>
/// Lets an officer's console follow one incident live. A client connects with
/// <c>?incident=ID</c> and is sent <c>noticeChanged</c> whenever a notice of that incident is
/// saved; it then reads the notice through the API, so what an officer may see is decided in one
/// place. Only signed-in officers may connect (the endpoint requires the staff policy); there are
/// no public methods, so any invocation from a client is refused.
/// </summary>
internal sealed class NoticeHub : Hub
{
    public const string Path = "/hubs/notices";
    public const string ClientMethod = "noticeChanged";

    public static string GroupOf(string incidentId) => "incident:" + incidentId;

    public override async Task OnConnectedAsync()
    {
        var incident = Context.GetHttpContext()?.Request.Query["incident"].ToString();
        if (string.IsNullOrWhiteSpace(incident) || incident.Length > 64)
        {
            Context.Abort();
            return;
        }
        await Groups.AddToGroupAsync(Context.ConnectionId, GroupOf(incident), Context.ConnectionAborted);
    }
}

/// <summary>What a following console is told: which notices of its incident were saved, and their state now.</summary>
internal sealed record NoticeChanged(string IncidentId, IReadOnlyList<NoticeChanged.Item> Notices)
{
    internal sealed record Item(string Id, string State);
}
