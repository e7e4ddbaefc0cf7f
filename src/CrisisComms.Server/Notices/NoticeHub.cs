using Microsoft.AspNetCore.SignalR;

namespace CrisisComms.Server.Notices;

/// <summary>
/// Lets an officer's console follow one incident, or the approval queue, live. A client connects
/// with <c>?incident=ID</c> (told whenever a notice of that incident is saved) or
/// <c>?queue=approval</c> (told whenever any notice is saved, so a queue sees notices arrive and
/// leave); it then reads what it shows through the API, so what an officer may see is decided in
/// one place. Only signed-in officers may connect (the endpoint requires the author policy: staff see banners only); there are
/// no public methods, so any invocation from a client is refused.
/// </summary>
internal sealed class NoticeHub : Hub
{
    public const string Path = "/hubs/notices";
    public const string ClientMethod = "noticeChanged";

    public const string ApprovalQueueGroup = "queue:approval";

    public static string GroupOf(string incidentId) => "incident:" + incidentId;

    public override async Task OnConnectedAsync()
    {
        var query = Context.GetHttpContext()?.Request.Query;
        string? incident = query?["incident"], queue = query?["queue"];
        string? group = (incident, queue) switch
        {
            ({ Length: > 0 and <= 64 }, null) => GroupOf(incident),
            (null, "approval") => ApprovalQueueGroup,
            _ => null,
        };
        if (group is null)
        {
            Context.Abort();
            return;
        }
        await Groups.AddToGroupAsync(Context.ConnectionId, group, Context.ConnectionAborted);
    }
}

/// <summary>What a following console is told: which notices of its incident were saved, and their state now.</summary>
internal sealed record NoticeChanged(string IncidentId, IReadOnlyList<NoticeChanged.Item> Notices)
{
    internal sealed record Item(string Id, string State);
}
