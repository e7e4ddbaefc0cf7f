namespace CrisisComms.Domain.Channels;

/// <summary>
/// Whether an official account may be posted to. It is not enough that its credentials are
/// configured: the system owner's delegate (systemägarombudet, an admin) approves it formally first,
/// and may suspend it again.
/// </summary>
public enum ChannelState { AwaitingApproval, Approved, Suspended }

/// <summary>
/// The last approval or suspension of a channel: by whom, when and why. A channel that has none is
/// <see cref="ChannelState.AwaitingApproval"/>. Stored as the document <see cref="Kind"/>/<c>{channel}</c>.
/// </summary>
public sealed record ChannelDecision(string Channel, ChannelState State, string By, DateTimeOffset At, string Reason)
{
    public const string Kind = "channel";
}

/// <summary>What one approval or suspension changed, for its audit entry.</summary>
public sealed record ChannelStateChanged(string Channel, ChannelState Before, ChannelDecision After);
