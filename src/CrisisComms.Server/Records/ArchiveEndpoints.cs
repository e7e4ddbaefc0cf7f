using CrisisComms.Domain.Storage;
using CrisisComms.Server.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace CrisisComms.Server.Records;

internal static class ArchiveEndpoints
{
    public static IEndpointRouteBuilder MapRecords(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/incidents/ended", async Task<Ok<EndedIncidentResponse[]>> (INoticeStore store, CancellationToken ct) =>
                TypedResults.Ok((await EndedIncidents.ListAsync(store, null, ct)).ToArray()))
            .WithTags("Records")
            .WithSummary("Incidents that are over (withdrawn, expired, closed), newest end first, each with its archive's file name")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .RequireAuthorization(AuthPolicies.AuditReader);
        app.MapGet("/api/v1/incidents/{incidentId}/archive", GetArchiveAsync)
            .WithTags("Records")
            .WithSummary("The incident's archive package (zip): incident.json, incident.html, cap/*.xml and manifest.json with SHA-256 of each")
            .WithDescription("Approvers, directors and admins: the package holds the incident's audit trail, so it is for those who may read the audit log. " +
                "Streamed; for an ended incident the same bytes every time, so its SHA-256 can be recorded.")
            .Produces(StatusCodes.Status200OK, contentType: IncidentArchive.MediaType)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            // The archive carries the incident's audit entries: whoever reads the audit log, and no one else.
            .RequireAuthorization(AuthPolicies.AuditReader);
        return app;
    }

    private static async Task GetArchiveAsync(string incidentId, IncidentArchive archive, HttpContext context)
    {
        var ct = context.RequestAborted;
        if (await archive.LoadAsync(incidentId, ct) is not { } incident)
        {
            await TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No incident has this id.").ExecuteAsync(context);
            return;
        }
        var response = context.Response;
        response.ContentType = IncidentArchive.MediaType;
        response.Headers.CacheControl = "no-store";
        response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment")
        {
            FileNameStar = IncidentArchive.FileNameOf(incident.IncidentId),
            FileName = IncidentArchive.FileNameOf(incident.IncidentId),
        }.ToString();
        await archive.WriteAsync(incident, response.Body, ct);
    }
}
