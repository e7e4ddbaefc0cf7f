using System.Net;
using System.Net.Http.Headers;
using CrisisComms.Testing.Client;
using CrisisComms.Testing.Fakes;
using CrisisComms.Testing.Server;

namespace CrisisComms.Server.Tests;

/// <summary>With CrisisComms:Auth:Authority set, the organisation's own identity provider signs officers in too.</summary>
public sealed class ExternalAuthorityTests
{
    [Fact]
    public async Task TokensOfTheConfiguredAuthorityAreAcceptedWithTheirRoles()
    {
        await using var authority = await FakeOidcAuthority.StartAsync();
        await using var server = await ServerProcess.StartAsync(new Dictionary<string, string?>
        {
            ["CrisisComms:Auth:Authority"] = authority.Issuer,
            ["CrisisComms:Auth:Audience"] = "crisiscomms",
        });
        await server.AddAccountAsync("bosse", CrisisServerFixture.Password, "approver");
        using var http = server.CreateClient();
        var author = authority.IssueToken("entra-oid-123", "Anna Andersson", "crisiscomms", "author");

        using var create = new HttpRequestMessage(HttpMethod.Post, "/api/v1/notices") { Content = JsonContent(SampleNotices.Water()) };
        create.Headers.Authorization = new AuthenticationHeaderValue("Bearer", author);
        var created = await ApiResponse.ReadAsync(await http.SendAsync(create));

        created.ShouldBe(HttpStatusCode.Created);
        Assert.Equal("entra-oid-123", created.Json!["createdBy"]!.GetValue<string>());
        // The built-in issuer still works beside it.
        var local = await Officer.SignInAsync(server.BaseAddress, "bosse", CrisisServerFixture.Password);
        (await local.GetAsync(created.Id)).ShouldBe(HttpStatusCode.OK);

        // A token for another audience, or with no CrisisComms role, is refused.
        using var wrongAudience = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/notices/{created.Id}");
        wrongAudience.Headers.Authorization = new AuthenticationHeaderValue("Bearer", authority.IssueToken("x", "X", "another-app", "author"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(wrongAudience)).StatusCode);
        using var noRole = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/notices/{created.Id}");
        noRole.Headers.Authorization = new AuthenticationHeaderValue("Bearer", authority.IssueToken("y", "Y", "crisiscomms"));
        Assert.Equal(HttpStatusCode.Forbidden, (await http.SendAsync(noRole)).StatusCode);
    }

    private static StringContent JsonContent(object body) =>
        new(System.Text.Json.JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");
}
