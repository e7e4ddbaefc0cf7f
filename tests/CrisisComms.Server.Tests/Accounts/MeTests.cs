using System.Net;
using CrisisComms.Testing.Client;

namespace CrisisComms.Server.Tests.Accounts;

/// <summary>GET /api/v1/me: who a signed-in officer is to the server, which the console's menu is built from.</summary>
[Collection(CrisisServerCollection.Name)]
public sealed class MeTests(CrisisServerFixture f)
{
    [Fact]
    public async Task EverySignedInOfficerReadsTheirOwnNameRolesAndSecondFactorAndNobodyElseDoes()
    {
        var author = (await f.Author.SendAsync(HttpMethod.Get, "/api/v1/me")).ShouldBe(HttpStatusCode.OK).Json!;
        Assert.Equal("anna", author["subject"]!.GetValue<string>());
        Assert.Equal(["author"], author["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.True(author["local"]!.GetValue<bool>());
        Assert.Equal("none", author["secondFactor"]!.GetValue<string>());

        var staff = (await f.Staff.SendAsync(HttpMethod.Get, "/api/v1/me")).ShouldBe(HttpStatusCode.OK).Json!;
        Assert.Equal(["staff"], staff["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.DoesNotContain("password", staff.ToJsonString(), StringComparison.OrdinalIgnoreCase);

        using var anonymous = new HttpClient { BaseAddress = f.Address };
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/me")).StatusCode);
    }
}
