using CrisisComms.Domain.Dispatch;
using CrisisComms.Server.Auth;
using CrisisComms.Social;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CrisisComms.Server.Channels;

internal static class ChannelEndpoints
{
    public static IEndpointRouteBuilder MapChannels(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/channels", Ok<IReadOnlyList<ChannelHealth>> (ChannelHealthRegistry health) => TypedResults.Ok(health.Snapshot()))
            .WithTags("Channels")
            .WithSummary("The social channels that are on (have credentials), with their health")
            .WithDescription("A channel is unhealthy after a failure that needs a person (revoked or expired token, policy block) until a post succeeds again.")
            .RequireAuthorization(AuthPolicies.Author);
        return app;
    }
}
