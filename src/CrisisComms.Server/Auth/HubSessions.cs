using System.Collections.Concurrent;
using CrisisComms.Server.Configuration;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace CrisisComms.Server.Auth;

/// <summary>
/// Closes a signed-in hub connection (banners or notices) when its token expires, and when the
/// built-in token of a local account is revoked (<see cref="SessionValidator"/>): checked every
/// <see cref="Interval"/>, so within Interval + <see cref="SessionValidator.Freshness"/> of the
/// change on any node. Anonymous connections (the public banner) are not tracked at all.
/// </summary>
internal sealed class HubSessions(SessionValidator sessions, IOptions<AuthOptions> auth, TimeProvider time, ILogger<HubSessions> logger)
    : BackgroundService, IHubFilter
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<string, Session> _open = new(StringComparer.Ordinal);

    // Small on purpose: one per signed-in connection. Local is false for the authority's tokens,
    // which only expire.
    private sealed record Session(HubCallerContext Context, string Subject, int Version, bool Local, DateTimeOffset ExpiresAt);

    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        var user = context.Context.User;
        if (user?.Identity?.IsAuthenticated == true && user.FindFirst("sub")?.Value is { } sub
            && long.TryParse(user.FindFirst("exp")?.Value, out var exp))
        {
            var local = user.FindFirst("iss")?.Value == auth.Value.Issuer;
            _open[context.Context.ConnectionId] = new Session(context.Context, sub, SessionValidator.VersionOf(user), local,
                DateTimeOffset.FromUnixTimeSeconds(exp));
        }
        await next(context);
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        _open.TryRemove(context.Context.ConnectionId, out _);
        await next(context, exception);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Could not check the open hub connections");
            }
        }
    }

    private async Task SweepAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        foreach (var (id, session) in _open)
        {
            var ended = session.ExpiresAt <= now ? "expired"
                : session.Local && !await sessions.IsCurrentAsync(session.Subject, session.Version, ct) ? "revoked" : null;
            if (ended is null) continue;
            logger.LogInformation("Closing hub connection {ConnectionId} of {Account}: its token {Ended}", id, session.Subject, ended);
            _open.TryRemove(id, out _);
            session.Context.Abort();
        }
    }
}
