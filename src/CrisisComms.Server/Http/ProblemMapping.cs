using CrisisComms.Domain.Notices;
using CrisisComms.Domain.Storage;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace CrisisComms.Server.Http;

/// <summary>
/// Turns the workflow's exceptions into problem+json: a field error is 400 naming the field, a wrong
/// state 409, a rule of who-may 403 (its type names the rule when it has one), a stale If-Match
/// 412, an unknown id 404, an unreachable store 503. Anything else is logged and answered with a
/// 500 that carries no detail.
/// </summary>
internal sealed class ProblemMapping(IProblemDetailsService problems, ILogger<ProblemMapping> logger) : IExceptionHandler
{
    /// <summary>A problem that names the rule it enforces: <c>urn:crisiscomms:problem:two-person-rule</c>.</summary>
    public static string TypeOf(string rule) => "urn:crisiscomms:problem:" + rule;

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        if (exception is Notices.NoticeValidationException invalid)
        {
            context.Response.StatusCode = 400;
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new ValidationProblemDetails(invalid.Errors) { Status = 400, Title = "The request has invalid fields." },
            });
        }
        var (status, title, field) = exception switch
        {
            InvalidFieldException e => (400, "The request has invalid fields.", e.Field),
            BadBodyException e => (400, "The request has invalid fields.", e.Field),
            Notices.IdempotencyKeyReusedException => (422, "The Idempotency-Key was sent before with another request.", Notices.IdempotencyKey.Header),
            BadHttpRequestException e => (e.StatusCode, "The request could not be read.", "body"),
            NoticeNotFoundException or Domain.Accounts.AccountNotFoundException => (404, "Not found.", null),
            Domain.Accounts.AccountConflictException => (409, "The account cannot change this way.", null),
            WrongStateException => (409, "The notice is not in a state that allows this.", null),
            ConcurrencyConflictException => (409, "Someone else changed the notice at the same moment; reload and try again.", null),
            AccountChangedException => (409, "Someone else changed the account at the same moment; reload and try again.", null),
            Organisation.TemplateNotFoundException => (404, "Not found.", null),
            Organisation.TemplateExistsException => (409, "A template with this id exists already.", null),
            DocumentChangedException => (409, "Someone else changed it at the same moment; reload and try again.", null),
            NotAllowedException => (403, "Not allowed.", null),
            NoticeChangedException => (412, "The notice changed since you read it.", null),
            StoreUnavailableException => (503, "The store is unavailable; nothing was changed. Try again shortly.", null),
            _ => (500, "Something went wrong on our side.", (string?)null),
        };
        if (status == 500) logger.LogError(exception, "Unhandled error on {Method} {Path}", context.Request.Method, context.Request.Path);
        else if (status == 503) logger.LogWarning("Store unavailable on {Method} {Path}: {Error}", context.Request.Method, context.Request.Path, exception.Message);

        var problem = field is null
            // A 500 or 503 says nothing of the inside (driver messages name hosts and internals).
            ? new ProblemDetails { Status = status, Title = title, Detail = status is 500 or 503 ? null : exception.Message }
            : new ValidationProblemDetails(new Dictionary<string, string[]> { [field] = [exception.Message] }) { Status = status, Title = title };
        if (exception is NotAllowedException { Rule: { } rule }) problem.Type = TypeOf(rule);
        if (status == 503) context.Response.Headers.RetryAfter = "5";
        context.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }
}
