using CrisisComms.Domain.Banners;
using CrisisComms.Domain.Feeds;
using CrisisComms.Domain.Notices;
using CrisisComms.Domain.Storage;
using CrisisComms.Server.Configuration;
using Microsoft.Extensions.Options;

namespace CrisisComms.Server.Feeds;

/// <summary>Finds CAP messages in the store: by identifier, and the incident messages a feed lists.</summary>
internal sealed class CapReader(INoticeStore store, IOptions<SiteOptions> site, IOptions<CapOptions> cap)
{
    public string Domain => site.Value.Domain;
    public string Sender => cap.Value.SenderFor(site.Value.Domain);
    public CapOptions Options => cap.Value;

    /// <summary>The message with this identifier, if it has been issued; null before that and for staff notices.</summary>
    public async Task<CapMessage?> FindAsync(string identifier, CancellationToken ct)
    {
        if (CapMessages.NoticeIdIn(identifier, Domain) is not { } id) return null;
        if (await store.GetAsync(id, ct) is not { } notice || notice.Draft.Audience != Audience.Everyone
            || notice.Source != BannerSource.Own) return null; // a VMA is the state's message, not ours to re-issue
        var messages = await MessagesOfAsync(notice.IncidentId, ct);
        return messages.FirstOrDefault(m => m.Identifier == identifier);
    }

    public async Task<IReadOnlyList<CapMessage>> MessagesOfAsync(string incidentId, CancellationToken ct)
    {
        var versions = await store.ListAsync(new NoticeQuery(IncidentId: incidentId), ct);
        return CapMessages.Of(versions, Domain);
    }

    public byte[] Render(CapMessage message) => CapDocument.ToBytes(CapDocument.Build(message, Sender, Options));
}
