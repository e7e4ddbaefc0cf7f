using System.Net;
using System.Net.Http.Headers;
using CrisisComms.Testing.Client;
using CrisisComms.Testing.Fakes;
using CrisisComms.Testing.Server;

namespace CrisisComms.Server.Tests;

/// <summary>The authority's accounts get their second factor there: never asked here, and never able to enrol a local account's.</summary>
public sealed class SecondFactorAuthorityTests
{
    [Fact]
    public async Task AnApproverOfTheAuthorityIsNotAskedAndCannotEnrolTheLocalAccountOfTheSameName()
    {
        await using var authority = await FakeOidcAuthority.StartAsync();
        await using var server = await ServerProcess.StartAsync(new Dictionary<string, string?>
        {
            ["CrisisComms:Auth:Authority"] = authority.Issuer,
            ["CrisisComms:Auth:Audience"] = "crisiscomms",
            ["CrisisComms:Auth:RequireSecondFactor"] = "true",
        });
        await server.AddAccountAsync("bosse", CrisisServerFixture.Password, "approver");
        var officer = new Officer(server.CreateClient(), "bosse", authority.IssueToken("bosse", "Bosse på Entra", "crisiscomms", "approver"));
        officer.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", officer.Token);

        (await officer.SendAsync(HttpMethod.Get, "/api/v1/notices")).ShouldBe(HttpStatusCode.OK);
        (await officer.SendAsync(HttpMethod.Post, "/api/v1/auth/second-factor/enrolment")).ShouldBe(HttpStatusCode.Conflict);
        (await officer.SendAsync(HttpMethod.Post, "/api/v1/auth/second-factor/confirm", new { code = "123456" })).ShouldBe(HttpStatusCode.Conflict);
    }
}
