using System.Net;
using CrisisComms.Testing.Client;

namespace CrisisComms.Server.Tests;

/// <summary>Admins add officers; nobody else can, and no answer ever carries a password or its hash.</summary>
[Collection(CrisisServerCollection.Name)]
public sealed class AccountTests(CrisisServerFixture f)
{
    [Fact]
    public async Task AnAdminAddsAnOfficerWhoCanThenSignIn()
    {
        const string password = "a long passphrase for eva";
        var saved = (await f.Admin.SendAsync(HttpMethod.Put, "/api/v1/accounts/eva",
            new { displayName = "Eva Ek", roles = new[] { "approver" }, password })).ShouldBe(HttpStatusCode.Created);

        Assert.DoesNotContain(password, saved.Body);
        Assert.DoesNotContain("passwordHash", saved.Body);
        var eva = await Officer.SignInAsync(f.Address, "eva", password);
        var id = await f.Author.DraftAndSubmitAsync(SampleNotices.Water(audience: "staff"));
        (await eva.ApproveAsync(id)).ShouldBe(HttpStatusCode.OK);
        var list = (await f.Admin.SendAsync(HttpMethod.Get, "/api/v1/accounts")).ShouldBe(HttpStatusCode.OK);
        Assert.Contains("Eva Ek", list.Body);
        Assert.DoesNotContain("AQAAAA", list.Body); // the Identity hash prefix
    }

    [Fact]
    public async Task OnlyAnAdminManagesAccountsAndBadInputNamesTheField()
    {
        (await f.Director.SendAsync(HttpMethod.Put, "/api/v1/accounts/mallory",
            new { roles = new[] { "director" }, password = "long enough password" })).ShouldBe(HttpStatusCode.Forbidden);
        var weak = (await f.Admin.SendAsync(HttpMethod.Put, "/api/v1/accounts/olle", new { roles = new[] { "author" }, password = "short" }))
            .ShouldBe(HttpStatusCode.BadRequest);
        Assert.NotNull(weak.Json!["errors"]!["password"]);
        var role = (await f.Admin.SendAsync(HttpMethod.Put, "/api/v1/accounts/olle", new { roles = new[] { "king" }, password = "long enough password" }))
            .ShouldBe(HttpStatusCode.BadRequest);
        Assert.NotNull(role.Json!["errors"]!["roles"]);
    }

    [Fact]
    public async Task AWrongPasswordIsA401ProblemThatDoesNotSayWhichPartWasWrong()
    {
        using var http = new HttpClient { BaseAddress = f.Address };
        var unknown = await ApiResponse.ReadAsync(await http.PostAsync("/api/v1/auth/token",
            new StringContent("""{"username":"nobody","password":"whatever-it-is"}""", System.Text.Encoding.UTF8, "application/json")));
        var wrong = await ApiResponse.ReadAsync(await http.PostAsync("/api/v1/auth/token",
            new StringContent("""{"username":"anna","password":"whatever-it-is"}""", System.Text.Encoding.UTF8, "application/json")));
        unknown.ShouldBe(HttpStatusCode.Unauthorized);
        wrong.ShouldBe(HttpStatusCode.Unauthorized);
        Assert.Equal(unknown.Json!["title"]!.GetValue<string>(), wrong.Json!["title"]!.GetValue<string>());
    }
}
