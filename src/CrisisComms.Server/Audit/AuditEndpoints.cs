using System.Globalization;
using CrisisComms.Domain.Accounts;
using CrisisComms.Domain.Audit;
using CrisisComms.Domain.Storage;
using CrisisComms.Server.Auth;
using CrisisComms.Server.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CrisisComms.Server.Audit;

internal static class AuditEndpoints
{
    public static IEndpointRouteBuilder MapAudit(this IEndpointRouteBuilder app)
    {
        var audit = app.MapGroup("/api/v1/audit").WithTags("Audit")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        audit.MapGet("/", ListAsync)
            .WithSummary("Who did what, when, and why; newest first, a page at a time (limit 1..1000, before=seq of the last entry seen)")
            .ProducesValidationProblem()
            .RequireAuthorization(AuthPolicies.AuditReader);
        audit.MapGet("/verify", async Task<Ok<AuditVerificationResponse>> (INoticeStore store, ILogger<AuditVerificationResponse> logger,
                CancellationToken ct) =>
            {
                var result = await AuditChain.VerifyAsync(store, ct);
                if (!result.Valid) logger.LogWarning("The audit log is broken at entry {Seq}", result.FirstInvalidSeq);
                return TypedResults.Ok(AuditVerificationResponse.From(result));
            })
            .WithSummary("Checks the whole hash chain: every entry unchanged, none removed or inserted")
            .RequireAuthorization(AuthPolicies.Admin);
        return app;
    }

    private static async Task<Ok<AuditEntryResponse[]>> ListAsync(INoticeStore store, IAccountStore accounts, CancellationToken ct,
        string? noticeId, string? incidentId, string? actor, string? from, string? to, string? limit, string? before)
    {
        var query = new AuditQuery(Blank(noticeId), Blank(incidentId), 
            (int?)Number("limit", limit, AuditQuery.MaxLimit, $"'limit' must be a whole number from 1 to {AuditQuery.MaxLimit}.")
            ?? AuditQuery.DefaultLimit)
        {
            Actor = Blank(actor),
            Before = Number("before", before, long.MaxValue, "'before' must be the seq of an entry: a whole number from 1."),
            From = Time("from", from),
            To = Time("to", to),
        };
        var found = await store.ListAuditAsync(query, ct);
        var names = (await accounts.ListAsync(ct)).ToDictionary(a => a.Name, a => a.DisplayName, StringComparer.Ordinal);
        return TypedResults.Ok(found.Select(e => AuditEntryResponse.From(e) with { ActorName = names.GetValueOrDefault(e.Actor) }).ToArray());
    }

    private static string? Blank(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static long? Number(string field, string? value, long max, string message)
    {
        if (value is null) return null;
        return long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= max
            ? n
            : throw new BadBodyException(field, message);
    }

    private static DateTimeOffset? Time(string field, string? value)
    {
        if (value is null) return null;
        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at
            : throw new BadBodyException(field, $"'{field}' must be a time such as 2026-12-03T11:00:00Z.");
    }
}
