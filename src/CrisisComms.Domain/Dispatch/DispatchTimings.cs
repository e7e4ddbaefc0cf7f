namespace CrisisComms.Domain.Dispatch;

/// <summary>The gaps between stages, from configuration (CrisisComms:Dispatch).</summary>
public sealed record DispatchTimings(TimeSpan IntranetLead, TimeSpan SocialDelay, TimeSpan AllClearVisibleFor)
{
    public static DispatchTimings Default { get; } = new(TimeSpan.FromMinutes(1), TimeSpan.Zero, TimeSpan.FromHours(1));
}
