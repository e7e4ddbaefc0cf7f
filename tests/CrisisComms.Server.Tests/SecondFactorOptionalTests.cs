using System.Net;
using System.Net.Http.Json;
using CrisisComms.Testing.Client;

namespace CrisisComms.Server.Tests;

/// <summary>With CrisisComms:Auth:RequireSecondFactor=false (the shared test server) the factor is the officer's choice.</summary>
[Collection(CrisisServerCollection.Name)]
public sealed class SecondFactorOptionalTests(CrisisServerFixture f)
{
    [Fact]
    public async Task AnApproverSignsInWithThePasswordAloneUntilEnrollingOfTheirOwnAccord()
    {
        await f.Server.AddAccountAsync("lena", CrisisServerFixture.Password, "approver");
        await Authenticator.StartOfAStepAsync(TimeSpan.FromSeconds(8));
        var lena = await Officer.SignInAsync(f.Address, "lena", CrisisServerFixture.Password);
        (await lena.SendAsync(HttpMethod.Get, "/api/v1/notices")).ShouldBe(HttpStatusCode.OK);

        var secret = (await lena.SendAsync(HttpMethod.Post, "/api/v1/auth/second-factor/enrolment")).ShouldBe(HttpStatusCode.OK).Json!["secret"]!.GetValue<string>();
        (await lena.SendAsync(HttpMethod.Post, "/api/v1/auth/second-factor/confirm", new { code = Authenticator.Code(secret) })).ShouldBe(HttpStatusCode.OK);

        using var http = f.Server.CreateClient();
        var noCode = await ApiResponse.ReadAsync(await http.PostAsJsonAsync("/api/v1/auth/token", new { username = "lena", password = CrisisServerFixture.Password }));
        noCode.ShouldBe(HttpStatusCode.Unauthorized);
        Assert.EndsWith("second-factor-required", noCode.Json!["type"]!.GetValue<string>());
        var withCode = await Officer.SignInAsync(f.Address, "lena", CrisisServerFixture.Password, Authenticator.Code(secret, 1));
        (await withCode.SendAsync(HttpMethod.Get, "/api/v1/notices")).ShouldBe(HttpStatusCode.OK);
    }
}
