using CrisisComms.Domain.Notices;

namespace CrisisComms.Domain.Channels;

/// <summary>Who may approve or suspend a channel, with what, and what a channel that is not approved means for a post.</summary>
public static class ChannelRules
{
    public const int MaxReasonLength = 500;

    public static ChannelState StateOf(ChannelDecision? decision) => decision?.State ?? ChannelState.AwaitingApproval;

    /// <summary>
    /// An admin approves or suspends, always with a reason. Approving again (a suspended channel
    /// back on, or a new reason) is allowed; there is no way back to awaiting approval.
    /// </summary>
    public static ChannelStateChanged Decide(string channel, ChannelDecision? current, ChannelState to, Actor actor, string? reason,
        DateTimeOffset now)
    {
        if (!actor.IsAdmin) throw new NotAllowedException("Only an admin approves or suspends a channel.");
        if (to == ChannelState.AwaitingApproval) throw new ArgumentOutOfRangeException(nameof(to), to, "A channel is approved or suspended.");
        var why = reason?.Trim();
        if (string.IsNullOrEmpty(why)) throw new InvalidFieldException("reason", "Give the reason (for example, the decision it rests on).");
        if (why.Length > MaxReasonLength) throw new InvalidFieldException("reason", $"At most {MaxReasonLength} characters.");
        return new ChannelStateChanged(channel, StateOf(current), new ChannelDecision(channel, to, actor.Subject, now, why));
    }

    /// <summary>Why a post may not go to the channel now; null when it may.</summary>
    public static string? WhyNotPosted(string channel, ChannelDecision? decision) => StateOf(decision) switch
    {
        ChannelState.Approved => null,
        ChannelState.Suspended => $"The channel '{channel}' is suspended: {decision!.Reason}",
        _ => $"The channel '{channel}' awaits formal approval by an admin.",
    };
}
