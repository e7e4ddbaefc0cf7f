using System.Net;
using System.Text.Json.Nodes;
using CrisisComms.Testing.Client;

namespace CrisisComms.Server.Tests;

/// <summary>
/// Approvers, directors and admins sign in with a TOTP code; their first sign-in only lets them
/// enrol. The codes are computed here from the secret the enrolment returns, as a phone would.
/// </summary>
public sealed class SecondFactorTests(SecondFactorFixture f) : IClassFixture<SecondFactorFixture>
{
    [Fact]
    public async Task AnApproversFirstSignInOpensTheEnrolmentAndNothingElse()
    {
        await f.Server.AddAccountAsync("frida", SecondFactorFixture.Password, "approver");
        var first = (await f.SignInAsync("frida")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal("enrol", first.Json!["scope"]!.GetValue<string>());
        var enrolOnly = new Officer(f.Server.CreateClient(), "frida", first.Json["accessToken"]!.GetValue<string>());
        enrolOnly.Http.DefaultRequestHeaders.Authorization = new("Bearer", enrolOnly.Token);

        (await enrolOnly.SendAsync(HttpMethod.Get, "/api/v1/notices")).ShouldBe(HttpStatusCode.Forbidden);
        (await enrolOnly.CreateAsync(SampleNotices.Water())).ShouldBe(HttpStatusCode.Forbidden);
        (await enrolOnly.SendAsync(HttpMethod.Get, "/api/v1/accounts")).ShouldBe(HttpStatusCode.Forbidden);
        (await enrolOnly.SendAsync(HttpMethod.Get, "/api/v1/audit")).ShouldBe(HttpStatusCode.Forbidden);
        (await enrolOnly.SendAsync(HttpMethod.Post, "/hubs/notices/negotiate?negotiateVersion=1")).ShouldBe(HttpStatusCode.Forbidden);
        var hub = (await enrolOnly.SendAsync(HttpMethod.Post, "/hubs/banners/negotiate?negotiateVersion=1&audience=intranet")).ShouldBe(HttpStatusCode.Forbidden);
        Assert.EndsWith("second-factor-enrolment-required", hub.Json!["type"]!.GetValue<string>());
        (await enrolOnly.SendAsync(HttpMethod.Post, "/api/v1/auth/second-factor/enrolment")).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task AfterEnrolmentSignInNeedsTheCodeAndRefusesAWrongOrReusedOne()
    {
        var e = await f.AddEnrolledAsync("gustav", "approver");
        var enrolment = e.Enrolment.Json!;
        Assert.Equal($"otpauth://totp/CrisisComms%3Agustav?secret={e.Secret}&issuer=CrisisComms&algorithm=SHA1&digits=6&period=30",
            enrolment["otpauthUri"]!.GetValue<string>());
        Assert.StartsWith("data:image/png;base64,", enrolment["qrCode"]!.GetValue<string>());
        Assert.Equal(10, e.RecoveryCodes.Distinct().Count());
        var full = new Officer(f.Server.CreateClient(), e.Name, e.Token);
        full.Http.DefaultRequestHeaders.Authorization = new("Bearer", e.Token);
        (await full.SendAsync(HttpMethod.Get, "/api/v1/notices")).ShouldBe(HttpStatusCode.OK);

        var noCode = (await f.SignInAsync(e.Name)).ShouldBe(HttpStatusCode.Unauthorized);
        Assert.EndsWith("second-factor-required", noCode.Json!["type"]!.GetValue<string>());
        var wrongPassword = (await f.SignInAsync(e.Name, "not the password at all")).ShouldBe(HttpStatusCode.Unauthorized);
        Assert.DoesNotContain("second-factor", wrongPassword.Body); // only the right password learns that a code is needed
        (await f.SignInAsync(e.Name, code: Authenticator.Code(e.Secret, 10))).ShouldBe(HttpStatusCode.Unauthorized);
        (await f.SignInAsync(e.Name, "not the password at all", e.Code(1))).ShouldBe(HttpStatusCode.Unauthorized);
        (await f.SignInAsync(e.Name, code: e.Code(0))).ShouldBe(HttpStatusCode.Unauthorized); // used to confirm

        var now = e.Code(1);
        var signedIn = (await f.SignInAsync(e.Name, code: now)).ShouldBe(HttpStatusCode.OK);
        Assert.Null(signedIn.Json!["scope"]);
        var replay = (await f.SignInAsync(e.Name, code: now)).ShouldBe(HttpStatusCode.Unauthorized);
        Assert.EndsWith("second-factor-wrong-code", replay.Json!["type"]!.GetValue<string>());
        (await f.SignInAsync(e.Name, code: e.Code(2))).ShouldBe(HttpStatusCode.OK);
        Assert.DoesNotContain(e.Secret, f.Server.Log);
        Assert.DoesNotContain(now, f.Server.Log);
    }

    [Fact]
    public async Task ARecoveryCodeWorksOnceInsteadOfACode()
    {
        var e = await f.AddEnrolledAsync("hedda", "director");
        var code = e.RecoveryCodes[3];
        (await f.SignInAsync(e.Name, code: code.ToUpperInvariant())).ShouldBe(HttpStatusCode.OK);
        (await f.SignInAsync(e.Name, code: code)).ShouldBe(HttpStatusCode.Unauthorized);
        (await f.SignInAsync(e.Name, code: e.RecoveryCodes[4])).ShouldBe(HttpStatusCode.OK);

        var audit = (await f.PostAsync("/api/v1/auth/token", new { username = e.Name, password = SecondFactorFixture.Password, code = e.RecoveryCodes[5] }))
            .ShouldBe(HttpStatusCode.OK).Json!["accessToken"]!.GetValue<string>();
        var director = new Officer(f.Server.CreateClient(), e.Name, audit);
        director.Http.DefaultRequestHeaders.Authorization = new("Bearer", audit);
        var log = (await director.SendAsync(HttpMethod.Get, "/api/v1/audit")).ShouldBe(HttpStatusCode.OK);
        Assert.Contains("account.secondFactorEnrolled", log.Body);
        Assert.Equal(3, Entries(log).Count(a => a["action"]!.GetValue<string>() == "account.recoveryCodeUsed"));
        Assert.DoesNotContain(code, f.Server.Log);
    }

    [Fact]
    public async Task AnAdminResetsALostSecondFactorAndTheOfficerEnrolsAgain()
    {
        var admin = await f.AddEnrolledAsync("ivar", "admin");
        var lost = await f.AddEnrolledAsync("jenny", "approver");
        (await f.PostAsync("/api/v1/accounts/jenny/second-factor/reset", null, lost.Token)).ShouldBe(HttpStatusCode.Forbidden);
        (await f.SignInAsync("jenny")).ShouldBe(HttpStatusCode.Unauthorized);

        (await f.PostAsync("/api/v1/accounts/jenny/second-factor/reset", null, admin.Token)).ShouldBe(HttpStatusCode.NoContent);
        (await f.PostAsync("/api/v1/accounts/nobody/second-factor/reset", null, admin.Token)).ShouldBe(HttpStatusCode.NotFound);
        var again = (await f.SignInAsync("jenny")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal("enrol", again.Json!["scope"]!.GetValue<string>());
        var officer = new Officer(f.Server.CreateClient(), "ivar", admin.Token);
        officer.Http.DefaultRequestHeaders.Authorization = new("Bearer", admin.Token);
        var audit = (await officer.SendAsync(HttpMethod.Get, "/api/v1/audit")).ShouldBe(HttpStatusCode.OK);
        Assert.Contains(Entries(audit), a => a["action"]!.GetValue<string>() == "account.secondFactorReset"
            && a["actor"]!.GetValue<string>() == "ivar" && a["detail"]!.GetValue<string>() == "jenny");
    }

    [Fact]
    public async Task AnAuthorSignsInWithoutACodeUntilEnrollingOfTheirOwnAccord()
    {
        await f.Server.AddAccountAsync("kalle", SecondFactorFixture.Password, "author");
        await Authenticator.StartOfAStepAsync(TimeSpan.FromSeconds(8));
        var signedIn = (await f.SignInAsync("kalle")).ShouldBe(HttpStatusCode.OK);
        Assert.Null(signedIn.Json!["scope"]);
        var token = signedIn.Json["accessToken"]!.GetValue<string>();
        var secret = (await f.PostAsync("/api/v1/auth/second-factor/enrolment", null, token)).ShouldBe(HttpStatusCode.OK).Json!["secret"]!.GetValue<string>();
        var wrong = (await f.PostAsync("/api/v1/auth/second-factor/confirm", new { code = Authenticator.Code(secret, 10) }, token)).ShouldBe(HttpStatusCode.BadRequest);
        Assert.NotNull(wrong.Json!["errors"]!["code"]);
        (await f.SignInAsync("kalle")).ShouldBe(HttpStatusCode.OK); // not enrolled until confirmed

        (await f.PostAsync("/api/v1/auth/second-factor/confirm", new { code = Authenticator.Code(secret) }, token)).ShouldBe(HttpStatusCode.OK);
        (await f.SignInAsync("kalle")).ShouldBe(HttpStatusCode.Unauthorized);
        (await f.SignInAsync("kalle", code: Authenticator.Code(secret, 1))).ShouldBe(HttpStatusCode.OK);
        (await f.PostAsync("/api/v1/auth/second-factor/enrolment", null, token)).ShouldBe(HttpStatusCode.Conflict);
    }

    /// <summary>The audit entries of an answer, a plain list or a page object that holds one.</summary>
    private static IEnumerable<JsonObject> Entries(ApiResponse response) => response.Json is JsonArray list
        ? list.OfType<JsonObject>()
        : response.Json!.AsObject().Select(p => p.Value).OfType<JsonArray>().SelectMany(a => a.OfType<JsonObject>());
}
