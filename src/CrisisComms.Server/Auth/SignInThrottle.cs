using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using CrisisComms.Domain.Storage;
using CrisisComms.Server.Configuration;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CrisisComms.Server.Auth;

/// <summary>
/// Per account name and client address: after <see cref="Limit"/> failed sign-ins within
/// <see cref="Window"/>, that pair is refused until the window has passed, whatever the password.
/// Another address, and other names, are not affected, so nobody can lock every officer out; a
/// name that is no account is counted alike, so the answer tells nothing of which names exist.
/// </summary>
internal abstract class SignInThrottle(TimeProvider time)
{
    public const int Limit = 5;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    /// <summary>How long the pair must wait, or null when it may try.</summary>
    public Task<TimeSpan?> RetryAfterAsync(string name, IPAddress? address) => RetryAfterAsync(KeyOf(name, address), time.GetUtcNow());

    public Task FailedAsync(string name, IPAddress? address) => FailedAsync(KeyOf(name, address), time.GetUtcNow());

    public Task SucceededAsync(string name, IPAddress? address) => ClearAsync(KeyOf(name, address));

    protected abstract Task<TimeSpan?> RetryAfterAsync(string key, DateTimeOffset now);
    protected abstract Task FailedAsync(string key, DateTimeOffset now);
    protected abstract Task ClearAsync(string key);

    // Hashed: what someone typed as a name (a password, at times) is not kept in the clear, and a key stays short.
    private static string KeyOf(string name, IPAddress? address) => Convert.ToHexStringLower(
        SHA256.HashData(Encoding.UTF8.GetBytes(name.Trim().ToLowerInvariant() + "\n" + (address?.ToString() ?? "unknown"))))[..32];
}

/// <summary>One node's memory: with SQLite there is one node.</summary>
internal sealed class MemorySignInThrottle(TimeProvider time) : SignInThrottle(time)
{
    private const int PruneAbove = 10_000;
    private readonly ConcurrentDictionary<string, List<DateTimeOffset>> _failures = new();

    protected override Task<TimeSpan?> RetryAfterAsync(string key, DateTimeOffset now)
    {
        if (!_failures.TryGetValue(key, out var failures)) return Task.FromResult<TimeSpan?>(null);
        lock (failures)
        {
            failures.RemoveAll(at => at <= now - Window);
            return Task.FromResult<TimeSpan?>(failures.Count < Limit ? null : failures[^Limit] + Window - now);
        }
    }

    protected override Task FailedAsync(string key, DateTimeOffset now)
    {
        if (_failures.Count > PruneAbove)
            foreach (var (k, list) in _failures)
                lock (list) if (list.Count == 0 || list[^1] <= now - Window) _failures.TryRemove(k, out _);
        var failures = _failures.GetOrAdd(key, _ => []);
        lock (failures) failures.Add(now);
        return Task.CompletedTask;
    }

    protected override Task ClearAsync(string key)
    {
        _failures.TryRemove(key, out _);
        return Task.CompletedTask;
    }
}

/// <summary>With Redis the count is shared: a guesser gains nothing by reaching another node.</summary>
internal sealed class RedisSignInThrottle(IConnectionMultiplexer redis, IOptions<RedisOptions> options, TimeProvider time) : SignInThrottle(time)
{
    // The failures of the window as a sorted set scored by time; answers the milliseconds to wait, 0 for none.
    private const string Check = """
        local now, window, limit = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
        redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
        local n = redis.call('ZCARD', KEYS[1])
        if n < limit then return 0 end
        local first = redis.call('ZRANGE', KEYS[1], n - limit, n - limit, 'WITHSCORES')
        return math.max(1, tonumber(first[2]) + window - now)
        """;

    private const string Record = """
        redis.call('ZADD', KEYS[1], ARGV[1], ARGV[3])
        redis.call('PEXPIRE', KEYS[1], ARGV[2])
        return 1
        """;

    protected override async Task<TimeSpan?> RetryAfterAsync(string key, DateTimeOffset now)
    {
        var wait = (long)await RunAsync(Check, key, now.ToUnixTimeMilliseconds(), (long)Window.TotalMilliseconds, Limit);
        return wait > 0 ? TimeSpan.FromMilliseconds(wait) : null;
    }

    protected override Task FailedAsync(string key, DateTimeOffset now) =>
        RunAsync(Record, key, now.ToUnixTimeMilliseconds(), (long)Window.TotalMilliseconds, Guid.NewGuid().ToString("N"));

    protected override async Task ClearAsync(string key)
    {
        try
        {
            await redis.GetDatabase().KeyDeleteAsync(KeyOf(key));
        }
        catch (Exception e) when (e is RedisException or RedisTimeoutException)
        {
            throw new StoreUnavailableException("Redis did not answer.", e);
        }
    }

    private async Task<RedisResult> RunAsync(string script, string key, params RedisValue[] args)
    {
        try
        {
            return await redis.GetDatabase().ScriptEvaluateAsync(script, [KeyOf(key)], args);
        }
        catch (Exception e) when (e is RedisException or RedisTimeoutException)
        {
            throw new StoreUnavailableException("Redis did not answer.", e);
        }
    }

    private RedisKey KeyOf(string key) => options.Value.KeyPrefix + "signin:" + key;
}

internal static class SignInThrottleExtensions
{
    public static IServiceCollection AddSignInThrottle(this IServiceCollection services) =>
        services.AddSingleton<SignInThrottle>(sp => sp.GetService<IConnectionMultiplexer>() is { } redis
            ? new RedisSignInThrottle(redis, sp.GetRequiredService<IOptions<RedisOptions>>(), sp.GetRequiredService<TimeProvider>())
            : new MemorySignInThrottle(sp.GetRequiredService<TimeProvider>()));
}
