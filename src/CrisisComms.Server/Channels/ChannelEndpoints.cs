using CrisisComms.Domain.Channels;
using CrisisComms.Domain.Notices;
using CrisisComms.Server.Accounts;
using CrisisComms.Server.Auth;
using CrisisComms.Server.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CrisisComms.Server.Channels;

internal static class ChannelEndpoints
{
    public static IEndpointRouteBuilder MapChannels(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/channels", async Task<Ok<IReadOnlyList<ChannelResponse>>> (ChannelDirectory channels, CancellationToken ct) =>
                TypedResults.Ok(await channels.ListAsync(ct)))
            .WithTags("Channels")
            .WithSummary("The social channels that are on (have credentials), with their state and health")
            .WithDescription("state: awaitingApproval (never approved), approved or suspended, with who changed it, when and why. "
                + "A channel is unhealthy after a failure that needs a person (revoked or expired token, policy block) until a post succeeds again. "
                + "Stored: the same from every node and after a restart.")
            // Authors pick channels when they compose; an admin approves and suspends them.
            .RequireAuthorization(p => p.RequireRole([.. Roles.Authors, .. Roles.Admins]));
        app.MapPost("/api/v1/channels/{name}/approve", (string name, HttpContext c, ChannelDirectory channels) =>
                DecideAsync(name, ChannelState.Approved, c, channels))
            .WithTags("Channels")
            .WithSummary("Formally approve the official account (the system owner's delegate): it is posted to from its next post on")
            .Accepts<ReasonRequest>("application/json").ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(AuthPolicies.Admin);
        app.MapPost("/api/v1/channels/{name}/suspend", (string name, HttpContext c, ChannelDirectory channels) =>
                DecideAsync(name, ChannelState.Suspended, c, channels))
            .WithTags("Channels")
            .WithSummary("Suspend the account: posts that fall due from now on are skipped with the reason; approve it again to resume")
            .Accepts<ReasonRequest>("application/json").ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(AuthPolicies.Admin);
        return app;
    }

    private static async Task<Results<Ok<ChannelResponse>, ProblemHttpResult>> DecideAsync(string name, ChannelState to, HttpContext c,
        ChannelDirectory channels)
    {
        var request = await JsonBody.ReadOptionalAsync(c.Request, new ReasonRequest(null), c.RequestAborted);
        try
        {
            return TypedResults.Ok(await channels.DecideAsync(name, to, c.User.ToActor(), request.Reason, c.RequestAborted));
        }
        catch (ChannelNotFoundException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found.", detail: e.Message);
        }
    }
}
