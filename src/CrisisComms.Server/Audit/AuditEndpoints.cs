using CrisisComms.Domain.Audit;
using CrisisComms.Domain.Storage;
using CrisisComms.Server.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CrisisComms.Server.Audit;

internal static class AuditEndpoints
{
    public static IEndpointRouteBuilder MapAudit(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/audit", async Task<Ok<IReadOnlyList<AuditEntry>>> (string? noticeId, string? incidentId,
                INoticeStore store, CancellationToken ct) =>
                TypedResults.Ok(await store.ListAuditAsync(new AuditQuery(noticeId, incidentId), ct)))
            .WithTags("Audit")
            .WithSummary("Who did what, when, and why; oldest first")
            .RequireAuthorization(AuthPolicies.AuditReader);
        return app;
    }
}
