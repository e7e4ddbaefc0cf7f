using CrisisComms.Domain.Dispatch;
using CrisisComms.Server.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CrisisComms.Server.Channels;

internal static class ChannelEndpoints
{
    public static IEndpointRouteBuilder MapChannels(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/channels", Ok<ChannelHealth[]> (IChannelHealthSource health) => TypedResults.Ok(health.Snapshot()))
            .WithTags("Channels")
            .WithSummary("The social channels that are on (have credentials), with their health")
            .RequireAuthorization(AuthPolicies.Staff);
        return app;
    }
}

/// <summary>Where the health of the configured channels comes from.</summary>
internal interface IChannelHealthSource
{
    ChannelHealth[] Snapshot();
}
