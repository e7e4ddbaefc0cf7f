using System.Net;
using System.Net.Http.Json;
using CrisisComms.Testing.Client;
using static CrisisComms.Server.Tests.Records.RetentionServerFixture;

namespace CrisisComms.Server.Tests.Records;

/// <summary>The clock purges what the retention decision says may go, and nothing else; the record of it stays.</summary>
[Collection(RetentionServerCollection.Name)]
public sealed class RetentionTests(RetentionServerFixture f)
{
    [Fact]
    public async Task AnEndedIncidentIsPurgedOnceWithItsArchivesHashAndTheAuditChainStillVerifies()
    {
        var live = await f.PublishAsync("Vattenläcka på Drottninggatan, pågår");
        var draft = await f.Author.DraftAndSubmitAsync(SampleNotices.Water(headline: "Väntar på godkännande"));
        var ended = await f.PublishAsync("Strömavbrott i Berga, över");
        (await f.Approver.WithdrawAsync(ended, "Felaktigt larm.")).ShouldBe(HttpStatusCode.OK);
        var archiveSha256 = await f.DownloadArchiveSha256Async(ended);

        var purged = await f.WaitForAuditAsync($"incidentId={ended}", e => Action(e) == "incident.purged");

        Assert.Equal("retention", purged["actor"]!.GetValue<string>());
        Assert.Contains($"archive sha256={archiveSha256}", purged["detail"]!.GetValue<string>());
        (await f.Approver.GetAsync(ended)).ShouldBe(HttpStatusCode.NotFound);
        var history = (await f.Admin.SendAsync(HttpMethod.Get, $"/api/v1/audit?incidentId={ended}")).ShouldBe(HttpStatusCode.OK).Json!.AsArray();
        Assert.Equal("incident.purged", Action(history[0]));
        Assert.Contains(history, e => Action(e) == "notice.approved" && e!["actor"]!.GetValue<string>() == "bosse");
        Assert.Contains(history, e => Action(e) == "notice.withdrawn" && e!["reason"]!.GetValue<string>() == "Felaktigt larm.");
        Assert.Single(history, e => Action(e) == "incident.purged");
        Assert.Equal("live", (await f.Approver.GetAsync(live)).ShouldBe(HttpStatusCode.OK).State);
        Assert.Equal("pendingApproval", (await f.Approver.GetAsync(draft)).ShouldBe(HttpStatusCode.OK).State);

        var verified = (await f.Admin.SendAsync(HttpMethod.Get, "/api/v1/audit/verify")).ShouldBe(HttpStatusCode.OK).Json!;
        Assert.True(verified["valid"]!.GetValue<bool>());
        var command = await f.Server.RunCommandAsync(null, "audit", "verify");
        Assert.Equal(0, command.ExitCode);
    }

    [Fact]
    public async Task ADisabledAccountLosesItsPersonalDataButKeepsItsNameInTheAuditLog()
    {
        (await f.Admin.SendAsync(HttpMethod.Put, "/api/v1/accounts/erik",
            new { displayName = "Erik Ek", roles = new[] { "author" }, password = CrisisServerFixture.Password })).ShouldBe(HttpStatusCode.Created);
        var erik = await Officer.SignInAsync(f.Server.BaseAddress, "erik", CrisisServerFixture.Password);
        var notice = (await erik.CreateAsync(SampleNotices.Water(headline: "Eriks utkast"))).ShouldBe(HttpStatusCode.Created).Id;
        (await f.Admin.SendAsync(HttpMethod.Post, "/api/v1/accounts/erik/disable", new { reason = "Slutat" })).ShouldBe(HttpStatusCode.OK);

        var removed = await f.WaitForAuditAsync("actor=retention", e => Action(e) == "account.personalDataRemoved" && e["detail"]!.GetValue<string>() == "erik");

        var account = (await f.Admin.SendAsync(HttpMethod.Get, "/api/v1/accounts")).ShouldBe(HttpStatusCode.OK).Json!.AsArray()
            .Single(a => a!["name"]!.GetValue<string>() == "erik")!;
        Assert.Equal("erik", account["displayName"]!.GetValue<string>());
        Assert.Null(account["lastSignInAt"]);
        Assert.Null(account["disabledReason"]);
        var created = (await f.Approver.AuditAsync(notice)).Json!.AsArray().Single(e => Action(e) == "notice.created")!;
        Assert.Equal(("erik", "erik"), (created["actor"]!.GetValue<string>(), created["actorName"]!.GetValue<string>()));
        // Enabled again, the old password no longer opens it: it has to be reset first.
        (await f.Admin.SendAsync(HttpMethod.Post, "/api/v1/accounts/erik/enable", new { reason = "Tillbaka" })).ShouldBe(HttpStatusCode.OK);
        using var http = f.Server.CreateClient();
        var signIn = await http.PostAsJsonAsync("/api/v1/auth/token", new { username = "erik", password = CrisisServerFixture.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, signIn.StatusCode);
        Assert.NotNull(removed["reason"]);
    }
}
