using Microsoft.AspNetCore.SignalR.Client;

namespace CrisisComms.LoadGen.Clients;

/// <summary>
/// The widget's reconnect schedule, reproduced: src/CrisisComms.Widget/src/backoff.js
/// (<c>backoffDelay</c>: "equal jitter", base 1 s, cap 30 s) as feed.js passes it to
/// <c>withAutomaticReconnect</c>, never null, so a client never gives up. Same formula, so a
/// storm of these clients hits the node as a storm of browsers would.
/// </summary>
internal sealed class WidgetBackoff(Random random, double scale = 1) : IRetryPolicy
{
    public const double BaseMs = 1000;
    public const double CapMs = 30000;

    /// <summary>Delay before retry number <paramref name="attempt"/> (0 = first retry): half the exponential step fixed, half random.</summary>
    public static TimeSpan Delay(long attempt, double random, double scale = 1)
    {
        var n = Math.Max(0, attempt);
        var step = Math.Min(CapMs, BaseMs * Math.Pow(2, Math.Min(n, 30)));
        return TimeSpan.FromMilliseconds(Math.Round(step / 2 + Math.Clamp(random, 0, 1) * step / 2) * scale);
    }

    public TimeSpan? NextRetryDelay(RetryContext retryContext)
    {
        double r;
        lock (random) r = random.NextDouble();
        return Delay(retryContext.PreviousRetryCount, r, scale);
    }
}
