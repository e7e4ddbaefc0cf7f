using System.Threading.Channels;
using CrisisComms.Domain.Notices;
using CrisisComms.Server.Changes;

namespace CrisisComms.Server.Dispatch;

/// <summary>One claimed post or deletion, with the notice as it was saved with the claim, and the claim's fencing token.</summary>
internal sealed record SocialJob(Notice Notice, string Stage, bool Delete, string ClaimId);

/// <summary>
/// The claimed social work waiting for <see cref="SocialWorker"/>. A claim is handed over only
/// once it is saved; a job lost here (the node stops) is safe: its lease lapses and it is claimed again.
/// </summary>
internal sealed class SocialWork
{
    private readonly Channel<SocialJob> _queue = Channel.CreateUnbounded<SocialJob>(new UnboundedChannelOptions { SingleReader = true });

    public ChannelReader<SocialJob> Reader => _queue.Reader;

    public void Start(Decision decision)
    {
        foreach (var e in decision.Events)
        {
            var job = e switch
            {
                PostClaimed p => new SocialJob(decision.Notices.First(n => n.Id == p.NoticeId), p.Stage, Delete: false, p.ClaimId),
                DeleteClaimed d => new SocialJob(decision.Notices.First(n => n.Id == d.NoticeId), d.Stage, Delete: true, d.ClaimId),
                _ => null,
            };
            if (job is not null) _queue.Writer.TryWrite(job);
        }
    }
}
