namespace CrisisComms.Domain.Dispatch;

/// <summary>How often, and how far apart, a post or delete is tried again; the schedule itself is stored on the stage.</summary>
public interface IRetryPolicy
{
    /// <summary>Attempts at one post before it needs a person.</summary>
    int MaxAttempts { get; }

    /// <summary>How long to wait after the <paramref name="attempts"/>-th failed attempt.</summary>
    TimeSpan Backoff(int attempts);
}
