using CrisisComms.Domain.Dispatch;

namespace CrisisComms.Social;

/// <summary>
/// How each channel that is on has been doing, for <c>GET /api/v1/channels</c>. A channel turns unhealthy
/// after a failure that needs a person (revoked token, policy block) and healthy again after its next success;
/// a failure worth retrying is remembered as the last error but does not turn it unhealthy.
/// </summary>
public sealed class ChannelHealthRegistry
{
    private readonly TimeProvider time;
    private readonly Lock gate = new();
    private readonly List<ChannelHealth> channels;

    public ChannelHealthRegistry(IEnumerable<string> channelNames, TimeProvider time)
    {
        this.time = time;
        channels = channelNames.Distinct().Select(name => new ChannelHealth(name, true, null, null, null)).ToList();
    }

    /// <summary>The channels that are on, in the order they were registered.</summary>
    public IReadOnlyList<ChannelHealth> Snapshot()
    {
        lock (gate) return [.. channels];
    }

    public void RecordPost(string channel, PostOutcome outcome) => Record(channel, outcome, isPost: true);

    public void RecordDelete(string channel, PostOutcome outcome) => Record(channel, outcome, isPost: false);

    private void Record(string channel, PostOutcome outcome, bool isPost)
    {
        var now = time.GetUtcNow();
        lock (gate)
        {
            var index = channels.FindIndex(c => c.Name == channel);
            if (index < 0)
            {
                channels.Add(new ChannelHealth(channel, true, null, null, null));
                index = channels.Count - 1;
            }
            var health = channels[index];
            channels[index] = outcome switch
            {
                PostOutcome.Posted => health with { Healthy = true, LastPostAt = isPost ? now : health.LastPostAt },
                PostOutcome.Retry retry => health with { LastError = retry.Error, LastErrorAt = now },
                PostOutcome.Failed failed => health with { Healthy = false, LastError = failed.Error, LastErrorAt = now },
                _ => health,
            };
        }
    }
}
