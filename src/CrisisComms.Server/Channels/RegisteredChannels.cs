using CrisisComms.Domain.Dispatch;

namespace CrisisComms.Server.Channels;

/// <summary>Until a channel reports trouble, every registered (configured) channel counts as healthy.</summary>
internal sealed class RegisteredChannels(IEnumerable<ISocialChannel> channels) : IChannelHealthSource
{
    public ChannelHealth[] Snapshot() => [.. channels.Select(c => new ChannelHealth(c.Name, true, null, null, null))];
}
