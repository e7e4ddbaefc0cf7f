using CrisisComms.Domain.Storage;
using StackExchange.Redis;

namespace CrisisComms.Storage.Redis;

/// <summary>Turns "Redis is away" into the one exception callers answer with 503.</summary>
internal static class RedisErrors
{
    // Replies of a server that is there but cannot serve: loading its AOF after a restart, a
    // replica not yet promoted, a long script running, replication not ready, out of memory, or
    // refusing writes because it cannot write its AOF (a full disk). Nothing was written.
    private static readonly string[] NotReadyReplies =
        ["LOADING", "READONLY", "MASTERDOWN", "BUSY", "TRYAGAIN", "CLUSTERDOWN", "NOREPLICAS", "OOM", "MISCONF"];

    public static async Task<T> Guard<T>(Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (Exception e) when (MeansUnavailable(e))
        {
            // A timed-out write may still have been applied: callers reload, and the row version
            // makes a blind retry of the same change a conflict rather than a second write.
            throw new StoreUnavailableException($"Redis cannot be reached: {e.Message}", e);
        }
    }

    public static Task Guard(Func<Task> call) => Guard(async () =>
    {
        await call().ConfigureAwait(false);
        return true;
    });

    private static bool MeansUnavailable(Exception e) => e switch
    {
        RedisConnectionException or RedisTimeoutException => true,
        RedisServerException server => NotReadyReplies.Any(reply => server.Message.StartsWith(reply, StringComparison.Ordinal)),
        _ => false,
    };
}
