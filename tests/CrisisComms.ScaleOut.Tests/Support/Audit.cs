using System.Net;
using System.Text.Json.Nodes;
using CrisisComms.Testing.Client;

namespace CrisisComms.ScaleOut.Tests.Support;

public static class Audit
{
    /// <summary>The audit log of one notice, read through the API as an approver.</summary>
    public static async Task<JsonArray> OfAsync(Officer approver, string noticeId) =>
        (await approver.AuditAsync(noticeId)).ShouldBe(HttpStatusCode.OK).Json!.AsArray();

    /// <summary>How many times a stage ran: its "stage.done" lines.</summary>
    public static int Runs(this JsonArray audit, string stage) =>
        audit.Count(a => a!["action"]!.GetValue<string>() == "stage.done" && a["detail"]?.GetValue<string>() == stage);
}
