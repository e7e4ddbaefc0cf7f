using System.Globalization;
using CrisisComms.Domain.Notices;
using CrisisComms.Domain.Storage;
using CrisisComms.Domain.Validation;
using CrisisComms.Server.Auth;
using CrisisComms.Server.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CrisisComms.Server.Notices;

/// <summary>
/// The notices API. Every notice answered carries its <c>ETag</c>; every change honours
/// <c>If-Match</c> (412 when the notice changed since the caller read it).
/// </summary>
internal static class NoticeEndpoints
{
    private const string IfMatchNote = "Send If-Match with the ETag you read: 412 if the notice changed since.";

    public static IEndpointRouteBuilder MapNotices(this IEndpointRouteBuilder app)
    {
        app.MapHub<NoticeHub>(NoticeHub.Path).RequireAuthorization(AuthPolicies.Author);
        var notices = app.MapGroup("/api/v1/notices").WithTags("Notices")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        var changes = notices.MapGroup("/").WithDescription(IfMatchNote).ProducesProblem(StatusCodes.Status412PreconditionFailed);

        notices.MapPost("/", CreateAsync).RequireAuthorization(AuthPolicies.Author)
            .WithSummary("Compose a notice (draft)").Accepts<NoticeInput>("application/json").ProducesValidationProblem();
        changes.MapPut("/{id}", EditAsync).RequireAuthorization(AuthPolicies.Author)
            .WithSummary("Replace a draft or rejected notice").Accepts<NoticeInput>("application/json").ProducesValidationProblem();
        changes.MapPost("/{id}/submit", (string id, HttpContext c, NoticeService s) =>
                Act(c, (actor, ifMatch, ct) => s.SubmitAsync(id, actor, ifMatch, ct)))
            .RequireAuthorization(AuthPolicies.Author).WithSummary("Send a draft for approval");
        changes.MapPost("/{id}/retract-submission", (string id, HttpContext c, NoticeService s) =>
                Act(c, (actor, ifMatch, ct) => s.RetractSubmissionAsync(id, actor, ifMatch, ct)))
            .RequireAuthorization(AuthPolicies.Author).WithSummary("Take back a notice you submitted, before approval: a draft again");
        changes.MapPost("/{id}/approve", ApproveAsync).RequireAuthorization(AuthPolicies.Approver)
            .WithSummary("Approve: the notice goes live and its stages start (two-person rule; directors may break glass)")
            .Accepts<ApproveRequest>("application/json");
        changes.MapPost("/{id}/reject", async (string id, HttpContext c, NoticeService s) =>
            {
                var body = await JsonBody.ReadOptionalAsync(c.Request, new ReasonRequest(), c.RequestAborted);
                return await Act(c, (actor, ifMatch, ct) => s.RejectAsync(id, actor, body.Reason, ifMatch, ct));
            })
            .RequireAuthorization(AuthPolicies.Approver).WithSummary("Reject with a reason").Accepts<ReasonRequest>("application/json");
        changes.MapPost("/{id}/release-next", (string id, HttpContext c, NoticeService s) =>
                Act(c, (actor, ifMatch, ct) => s.ReleaseNextAsync(id, actor, ifMatch, ct)))
            .RequireAuthorization(AuthPolicies.Approver).WithSummary("Run the next pending stage now");
        changes.MapPost("/{id}/withdraw", async (string id, HttpContext c, NoticeService s) =>
            {
                var body = await JsonBody.ReadOptionalAsync(c.Request, new ReasonRequest(), c.RequestAborted);
                return await Act(c, (actor, ifMatch, ct) => s.WithdrawAsync(id, actor, body.Reason, ifMatch, ct));
            })
            .RequireAuthorization(AuthPolicies.Approver).WithSummary("Withdraw: banners gone everywhere, pending stages cancelled")
            .Accepts<ReasonRequest>("application/json");
        changes.MapPost("/{id}/updates", (string id, HttpContext c, NoticeService s) => FollowUpAsync(id, NoticeKind.Update, c, s))
            .RequireAuthorization(AuthPolicies.Author).WithSummary("Draft an update of a live incident (version + 1)")
            .Accepts<NoticeInput>("application/json").ProducesValidationProblem();
        changes.MapPost("/{id}/all-clear", (string id, HttpContext c, NoticeService s) => FollowUpAsync(id, NoticeKind.AllClear, c, s))
            .RequireAuthorization(AuthPolicies.Author).WithSummary("Draft the all-clear of a live incident")
            .Accepts<NoticeInput>("application/json").ProducesValidationProblem();
        notices.MapGet("/{id}", async Task<Ok<NoticeResponse>> (string id, HttpContext c, NoticeService s) =>
                TypedResults.Ok(await RespondAsync(c, await s.GetAsync(id, c.RequestAborted))))
            .RequireAuthorization(AuthPolicies.Author).WithSummary("One notice, with its ETag");
        notices.MapGet("/", ListAsync).RequireAuthorization(AuthPolicies.Author).WithSummary("Notices, newest first, a page at a time (limit 1..500, default 100; before=id of the last notice seen; Link rel=next)")
            .ProducesValidationProblem();
        return app;
    }

    private static async Task<Created<NoticeResponse>> CreateAsync(HttpContext c, NoticeService s)
    {
        var input = await JsonBody.ReadAsync<NoticeInput>(c.Request, c.RequestAborted);
        var notice = await s.CreateAsync(input, c.User.ToActor(), c.RequestAborted);
        return TypedResults.Created($"/api/v1/notices/{notice.Id}", await RespondAsync(c, notice));
    }

    private static async Task<Ok<NoticeResponse>> EditAsync(string id, HttpContext c, NoticeService s)
    {
        var input = await JsonBody.ReadAsync<NoticeInput>(c.Request, c.RequestAborted);
        return await Act(c, (actor, ifMatch, ct) => s.EditAsync(id, input, actor, ifMatch, ct));
    }

    private static async Task<Ok<NoticeResponse>> ApproveAsync(string id, HttpContext c, NoticeService s)
    {
        var body = await JsonBody.ReadOptionalAsync(c.Request, new ApproveRequest(), c.RequestAborted);
        return await Act(c, (actor, ifMatch, ct) => s.ApproveAsync(id, actor, body.BreakGlass, body.Reason, ifMatch, ct));
    }

    private static async Task<Created<NoticeResponse>> FollowUpAsync(string id, NoticeKind kind, HttpContext c, NoticeService s)
    {
        var input = await JsonBody.ReadAsync<NoticeInput>(c.Request, c.RequestAborted);
        var notice = await s.CreateFollowUpAsync(id, kind, input, c.User.ToActor(), IfMatch.From(c.Request), c.RequestAborted);
        return TypedResults.Created($"/api/v1/notices/{notice.Id}", await RespondAsync(c, notice));
    }

    /// <summary>
    /// A page of notices, newest first. <c>before</c> is the id of the last notice of the page
    /// before (keyset paging: a page does not move when notices are created meanwhile); a full page
    /// carries <c>Link: &lt;…&gt;; rel="next"</c> to the next one.
    /// </summary>
    private static async Task<Ok<NoticeResponse[]>> ListAsync(HttpContext c, NoticeService s, string? state, string? incidentId,
        string? limit, string? before)
    {
        NoticeState? wanted = null;
        if (!string.IsNullOrEmpty(state))
            wanted = Enum.GetValues<NoticeState>().FirstOrDefault(v => v.ToCamelCase() == state) is var v && v.ToCamelCase() == state
                ? v
                : throw new BadBodyException("state", $"Unknown state '{state}'.");
        var size = NoticeQuery.DefaultPageLimit;
        if (limit is not null && !(int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out size)
                && size is >= 1 and <= NoticeQuery.MaxPageLimit))
            throw new BadBodyException("limit", $"'limit' must be a whole number from 1 to {NoticeQuery.MaxPageLimit}.");
        if (before is not null && (before.Length == 0 || await s.FindAsync(before, c.RequestAborted) is null))
            throw new BadBodyException("before", "'before' must be the id of a notice: the last one of the page before.");
        var found = await s.ListAsync(new NoticeQuery(wanted, string.IsNullOrEmpty(incidentId) ? null : incidentId, size) { Before = before },
            c.RequestAborted);
        if (found.Count == size) c.Response.Headers.Link = NextLink(c.Request, found[^1].Id);
        var viewer = c.User.ToActor();
        return TypedResults.Ok(found.Select(n => NoticeResponse.From(n, viewer)).ToArray());
    }

    /// <summary>The same query from the last notice on: only <c>before</c> changes.</summary>
    private static string NextLink(HttpRequest request, string lastId)
    {
        var query = request.Query.Where(q => q.Key != "before")
            .Select(q => new KeyValuePair<string, string?>(q.Key, q.Value.ToString()))
            .Append(new KeyValuePair<string, string?>("before", lastId));
        return $"<{request.PathBase}{request.Path}{QueryString.Create(query)}>; rel=\"next\"";
    }

    private static async Task<Ok<NoticeResponse>> Act(HttpContext c, Func<Actor, IfMatch?, CancellationToken, Task<Notice>> action)
    {
        var ifMatch = IfMatch.From(c.Request);
        return TypedResults.Ok(await RespondAsync(c, await action(c.User.ToActor(), ifMatch, c.RequestAborted)));
    }

    /// <summary>The notice as this caller sees it, with its ETag.</summary>
    private static Task<NoticeResponse> RespondAsync(HttpContext c, Notice notice)
    {
        c.Response.Headers.ETag = IfMatch.ETagOf(notice);
        return c.RequestServices.GetRequiredService<NoticePreviews>().RespondAsync(notice, c.User.ToActor(), c.RequestAborted);
    }
}
