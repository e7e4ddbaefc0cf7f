using CrisisComms.Domain.Notices;
using Microsoft.AspNetCore.SignalR;

namespace CrisisComms.Server.Notices;

/// <summary>
/// Tells the consoles that follow an incident, and the approval queues (on any node: the hub
/// shares the backplane), that notices were saved. Called after every write of a notice, by
/// officers' requests and by the dispatch clock alike. A lost signal costs only latency: the
/// incident view also polls, slowly.
/// </summary>
internal sealed class NoticeChanges(IHubContext<NoticeHub> hub, ILogger<NoticeChanges> logger)
{
    public async Task PublishAsync(IReadOnlyList<Notice> notices)
    {
        foreach (var incident in notices.GroupBy(n => n.IncidentId))
        {
            var message = new NoticeChanged(incident.Key,
                [.. incident.Select(n => new NoticeChanged.Item(n.Id, n.State.ToCamelCase()))]);
            try
            {
                await hub.Clients.Groups(NoticeHub.GroupOf(incident.Key), NoticeHub.ApprovalQueueGroup).SendAsync(NoticeHub.ClientMethod, message);
            }
            catch (Exception e)
            {
                // Stored already; the consoles catch up with their next poll.
                logger.LogWarning("Could not tell the consoles following incident {IncidentId} about a change: {Error}", incident.Key, e.Message);
            }
        }
    }
}
