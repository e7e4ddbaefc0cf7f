using CrisisComms.Domain.Notices;
using CrisisComms.Domain.Storage;
using CrisisComms.Domain.Validation;
using CrisisComms.Server.Auth;
using CrisisComms.Server.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CrisisComms.Server.Notices;

internal static class NoticeEndpoints
{
    public static IEndpointRouteBuilder MapNotices(this IEndpointRouteBuilder app)
    {
        app.MapHub<NoticeHub>(NoticeHub.Path).RequireAuthorization(AuthPolicies.Staff);
        var notices = app.MapGroup("/api/v1/notices").WithTags("Notices")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        notices.MapPost("/", CreateAsync).RequireAuthorization(AuthPolicies.Author)
            .WithSummary("Compose a notice (draft)").Accepts<NoticeInput>("application/json").ProducesValidationProblem();
        notices.MapPut("/{id}", EditAsync).RequireAuthorization(AuthPolicies.Author)
            .WithSummary("Replace a draft or rejected notice").Accepts<NoticeInput>("application/json").ProducesValidationProblem();
        notices.MapPost("/{id}/submit", (string id, HttpContext c, NoticeService s) =>
                Act(c, ct => s.SubmitAsync(id, c.User.ToActor(), ct)))
            .RequireAuthorization(AuthPolicies.Author).WithSummary("Send a draft for approval");
        notices.MapPost("/{id}/approve", ApproveAsync).RequireAuthorization(AuthPolicies.Approver)
            .WithSummary("Approve: the notice goes live and its stages start (two-person rule; directors may break glass)")
            .Accepts<ApproveRequest>("application/json");
        notices.MapPost("/{id}/reject", async (string id, HttpContext c, NoticeService s) =>
            {
                var body = await JsonBody.ReadOptionalAsync(c.Request, new ReasonRequest(), c.RequestAborted);
                return await Act(c, ct => s.RejectAsync(id, c.User.ToActor(), body.Reason, ct));
            })
            .RequireAuthorization(AuthPolicies.Approver).WithSummary("Reject with a reason").Accepts<ReasonRequest>("application/json");
        notices.MapPost("/{id}/release-next", (string id, HttpContext c, NoticeService s) =>
                Act(c, ct => s.ReleaseNextAsync(id, c.User.ToActor(), ct)))
            .RequireAuthorization(AuthPolicies.Approver).WithSummary("Run the next pending stage now");
        notices.MapPost("/{id}/withdraw", async (string id, HttpContext c, NoticeService s) =>
            {
                var body = await JsonBody.ReadOptionalAsync(c.Request, new ReasonRequest(), c.RequestAborted);
                return await Act(c, ct => s.WithdrawAsync(id, c.User.ToActor(), body.Reason, ct));
            })
            .RequireAuthorization(AuthPolicies.Approver).WithSummary("Withdraw: banners gone everywhere, pending stages cancelled")
            .Accepts<ReasonRequest>("application/json");
        notices.MapPost("/{id}/updates", (string id, HttpContext c, NoticeService s) => FollowUpAsync(id, NoticeKind.Update, c, s))
            .RequireAuthorization(AuthPolicies.Author).WithSummary("Draft an update of a live incident (version + 1)")
            .Accepts<NoticeInput>("application/json").ProducesValidationProblem();
        notices.MapPost("/{id}/all-clear", (string id, HttpContext c, NoticeService s) => FollowUpAsync(id, NoticeKind.AllClear, c, s))
            .RequireAuthorization(AuthPolicies.Author).WithSummary("Draft the all-clear of a live incident")
            .Accepts<NoticeInput>("application/json").ProducesValidationProblem();
        notices.MapGet("/{id}", async Task<Ok<NoticeResponse>> (string id, NoticeService s, NoticePreviews p, CancellationToken ct) =>
                TypedResults.Ok(await p.RespondAsync(await s.GetAsync(id, ct), ct)))
            .RequireAuthorization(AuthPolicies.Staff).WithSummary("One notice");
        notices.MapGet("/", ListAsync).RequireAuthorization(AuthPolicies.Staff).WithSummary("Notices, newest first")
            .ProducesValidationProblem();
        return app;
    }

    private static async Task<Created<NoticeResponse>> CreateAsync(HttpContext c, NoticeService s)
    {
        var input = await JsonBody.ReadAsync<NoticeInput>(c.Request, c.RequestAborted);
        var notice = await s.CreateAsync(input, c.User.ToActor(), c.RequestAborted);
        return TypedResults.Created($"/api/v1/notices/{notice.Id}", await Previews(c).RespondAsync(notice, c.RequestAborted));
    }

    private static async Task<Ok<NoticeResponse>> EditAsync(string id, HttpContext c, NoticeService s)
    {
        var input = await JsonBody.ReadAsync<NoticeInput>(c.Request, c.RequestAborted);
        return await Act(c, ct => s.EditAsync(id, input, c.User.ToActor(), ct));
    }

    private static async Task<Ok<NoticeResponse>> ApproveAsync(string id, HttpContext c, NoticeService s)
    {
        var body = await JsonBody.ReadOptionalAsync(c.Request, new ApproveRequest(), c.RequestAborted);
        return await Act(c, ct => s.ApproveAsync(id, c.User.ToActor(), body.BreakGlass, body.Reason, ct));
    }

    private static async Task<Created<NoticeResponse>> FollowUpAsync(string id, NoticeKind kind, HttpContext c, NoticeService s)
    {
        var input = await JsonBody.ReadAsync<NoticeInput>(c.Request, c.RequestAborted);
        var notice = await s.CreateFollowUpAsync(id, kind, input, c.User.ToActor(), c.RequestAborted);
        return TypedResults.Created($"/api/v1/notices/{notice.Id}", await Previews(c).RespondAsync(notice, c.RequestAborted));
    }

    private static async Task<Ok<NoticeResponse[]>> ListAsync(HttpContext c, NoticeService s, string? state, string? incidentId)
    {
        NoticeState? wanted = null;
        if (!string.IsNullOrEmpty(state))
            wanted = Enum.GetValues<NoticeState>().FirstOrDefault(v => v.ToCamelCase() == state) is var v && v.ToCamelCase() == state
                ? v
                : throw new BadBodyException("state", $"Unknown state '{state}'.");
        var found = await s.ListAsync(new NoticeQuery(wanted, incidentId), c.RequestAborted);
        return TypedResults.Ok(found.Select(NoticeResponse.From).ToArray());
    }

    private static async Task<Ok<NoticeResponse>> Act(HttpContext c, Func<CancellationToken, Task<Notice>> action) =>
        TypedResults.Ok(await Previews(c).RespondAsync(await action(c.RequestAborted), c.RequestAborted));

    private static NoticePreviews Previews(HttpContext c) => c.RequestServices.GetRequiredService<NoticePreviews>();
}
