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
        app.MapGet("/api/v1/audit.csv", ExportAsync).WithTags("Audit")
            .WithSummary("Every entry the same filters find (noticeId, incidentId, actor, from, to, before), newest first, as CSV for a spreadsheet")
            .WithDescription("RFC 4180 with a header row, UTF-8 with a byte order mark; times with Sweden's offset; a field starting with = + - @ is written with a leading apostrophe.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .RequireAuthorization(AuthPolicies.AuditReader);
        return app;
    }

    private static async Task<Ok<AuditEntryResponse[]>> ListAsync(INoticeStore store, IAccountStore accounts, CancellationToken ct,
        string? noticeId, string? incidentId, string? actor, string? from, string? to, string? limit, string? before)
    {
        var query = Query(noticeId, incidentId, actor, from, to, before) with
        {
            Limit = (int?)Number("limit", limit, AuditQuery.MaxLimit, $"'limit' must be a whole number from 1 to {AuditQuery.MaxLimit}.")
                ?? AuditQuery.DefaultLimit,
        };
        var found = await store.ListAuditAsync(query, ct);
        var names = await DisplayNamesAsync(accounts, ct);
        return TypedResults.Ok(found.Select(e => AuditEntryResponse.From(e) with { ActorName = names.GetValueOrDefault(e.Actor) }).ToArray());
    }

    /// <summary>The query is checked before the first byte is sent, so a bad value is still a 400; then page after page is written out.</summary>
    private static async Task<IResult> ExportAsync(INoticeStore store, IAccountStore accounts, TimeProvider time, CancellationToken ct,
        string? noticeId, string? incidentId, string? actor, string? from, string? to, string? before)
    {
        var query = Query(noticeId, incidentId, actor, from, to, before) with { Limit = AuditQuery.MaxLimit };
        var names = await DisplayNamesAsync(accounts, ct);
        var file = $"audit-{time.GetUtcNow():yyyyMMdd-HHmmss}.csv";
        return TypedResults.Stream(async body =>
        {
            await using var writer = new StreamWriter(body, AuditCsv.Utf8WithBom, leaveOpen: true);
            await writer.WriteAsync(AuditCsv.Line(AuditCsv.Header));
            for (var page = query; ;)
            {
                var found = await store.ListAuditAsync(page, ct);
                foreach (var e in found) await writer.WriteAsync(AuditCsv.Row(e, names.GetValueOrDefault(e.Actor)));
                await writer.FlushAsync(ct);
                if (found.Count < page.Limit) break;
                page = page with { Before = found[^1].Sequence };
            }
        }, "text/csv; charset=utf-8", file);
    }

    private static AuditQuery Query(string? noticeId, string? incidentId, string? actor, string? from, string? to, string? before) =>
        new(Blank(noticeId), Blank(incidentId))
        {
            Actor = Blank(actor),
            Before = Number("before", before, long.MaxValue, "'before' must be the seq of an entry: a whole number from 1."),
            From = Time("from", from),
            To = Time("to", to),
        };

    private static async Task<Dictionary<string, string>> DisplayNamesAsync(IAccountStore accounts, CancellationToken ct) =>
        (await accounts.ListAsync(ct)).ToDictionary(a => a.Name, a => a.DisplayName, StringComparer.Ordinal);

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
