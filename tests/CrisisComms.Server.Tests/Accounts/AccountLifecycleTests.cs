using System.Net;
using System.Text.Json.Nodes;
using CrisisComms.Testing.Client;

namespace CrisisComms.Server.Tests.Accounts;

/// <summary>An admin creates, changes, resets, disables and enables accounts; every change is in the audit log with roles before and after.</summary>
[Collection(AccountServerCollection.Name)]
public sealed class AccountLifecycleTests(AccountServerFixture f)
{
    [Fact]
    public async Task EveryChangeIsAuditedWithRolesBeforeAndAfterAndNoSecret()
    {
        const string first = "first password of lisa", second = "second password of lisa";
        (await f.Admin.SendAsync(HttpMethod.Put, "/api/v1/accounts/lisa", new { displayName = "Lisa Lund", roles = new[] { "author" }, password = first }))
            .ShouldBe(HttpStatusCode.Created);
        var changed = (await f.Admin.SendAsync(HttpMethod.Put, "/api/v1/accounts/lisa", new { displayName = "Lisa Lund", roles = new[] { "approver", "author" } }))
            .ShouldBe(HttpStatusCode.OK);
        Assert.Equal(["approver", "author"], changed.Json!["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
        (await f.Admin.SendAsync(HttpMethod.Post, "/api/v1/accounts/lisa/password", new { password = second })).ShouldBe(HttpStatusCode.OK);
        (await f.Admin.SendAsync(HttpMethod.Post, "/api/v1/accounts/lisa/disable", new { reason = "Slutat" })).ShouldBe(HttpStatusCode.OK);
        (await f.Admin.SendAsync(HttpMethod.Post, "/api/v1/accounts/lisa/enable", new { reason = "Tillbaka" })).ShouldBe(HttpStatusCode.OK);
        (await f.Admin.SendAsync(HttpMethod.Post, "/api/v1/accounts/lisa/sign-out")).ShouldBe(HttpStatusCode.OK);

        var audit = (await f.Admin.SendAsync(HttpMethod.Get, "/api/v1/audit")).ShouldBe(HttpStatusCode.OK);
        var lisa = audit.Json!.AsArray().Select(e => e!.AsObject())
            .Where(e => e["detail"]?.GetValue<string>().StartsWith("lisa", StringComparison.Ordinal) == true).ToList();
        Assert.Equal(["account.created", "account.rolesChanged", "account.passwordReset", "account.disabled", "account.enabled", "account.signedOut"],
            OrderedBySequence(lisa));
        Assert.All(lisa, e => Assert.Equal("root", e["actor"]!.GetValue<string>()));
        Assert.Equal("lisa roles before: author; after: approver,author", lisa.Single(e => Action(e) == "account.rolesChanged")["detail"]!.GetValue<string>());
        Assert.Equal("Slutat", lisa.Single(e => Action(e) == "account.disabled")["reason"]!.GetValue<string>());
        Assert.DoesNotContain(first, audit.Body);
        Assert.DoesNotContain(second, audit.Body);
        Assert.DoesNotContain("AQAAAA", audit.Body); // the Identity hash prefix
    }

    [Fact]
    public async Task TheListShowsStateAndLastSignInButNoSecret()
    {
        var mona = await f.AddOfficerAsync("mona", "author");
        (await f.Admin.SendAsync(HttpMethod.Post, "/api/v1/accounts/mona/disable", new { reason = "Föräldraledig" })).ShouldBe(HttpStatusCode.OK);

        var list = (await f.Admin.SendAsync(HttpMethod.Get, "/api/v1/accounts")).ShouldBe(HttpStatusCode.OK);
        var shown = list.Json!.AsArray().Single(a => a!["name"]!.GetValue<string>() == mona.Name)!.AsObject();
        Assert.True(shown["disabled"]!.GetValue<bool>());
        Assert.Equal("Föräldraledig", shown["disabledReason"]!.GetValue<string>());
        Assert.Equal("none", shown["secondFactor"]!.GetValue<string>());
        Assert.NotNull(shown["lastSignInAt"]);
        Assert.DoesNotContain("AQAAAA", list.Body);
        Assert.DoesNotContain("passwordHash", list.Body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task BadInputIsA400NamingTheFieldAndChangesNothing()
    {
        await f.AddOfficerAsync("nils", "author");
        async Task<string> FieldOf(HttpMethod method, string path, object body) =>
            (await f.Admin.SendAsync(method, path, body)).ShouldBe(HttpStatusCode.BadRequest).Json!["errors"]!.AsObject().Single().Key;

        Assert.Equal("name", await FieldOf(HttpMethod.Put, "/api/v1/accounts/Nils%20Berg", new { roles = new[] { "author" }, password = AccountServerFixture.Password }));
        Assert.Equal("roles", await FieldOf(HttpMethod.Put, "/api/v1/accounts/olle", new { roles = new[] { "king" }, password = AccountServerFixture.Password }));
        Assert.Equal("password", await FieldOf(HttpMethod.Put, "/api/v1/accounts/olle", new { roles = new[] { "author" }, password = "short" }));
        Assert.Equal("password", await FieldOf(HttpMethod.Put, "/api/v1/accounts/nils", new { roles = new[] { "director" }, password = "a password for a new one" }));
        Assert.Equal("password", await FieldOf(HttpMethod.Post, "/api/v1/accounts/nils/password", new { password = "short" }));
        Assert.Equal("reason", await FieldOf(HttpMethod.Post, "/api/v1/accounts/nils/disable", new { reason = " " }));
        (await f.Admin.SendAsync(HttpMethod.Post, "/api/v1/accounts/nobody/disable", new { reason = "Finns inte" })).ShouldBe(HttpStatusCode.NotFound);

        var list = (await f.Admin.SendAsync(HttpMethod.Get, "/api/v1/accounts")).ShouldBe(HttpStatusCode.OK).Json!.AsArray();
        Assert.DoesNotContain(list, a => a!["name"]!.GetValue<string>() == "olle");
        var nils = list.Single(a => a!["name"]!.GetValue<string>() == "nils")!;
        Assert.Equal(["author"], nils["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.False(nils["disabled"]!.GetValue<bool>());
        await Testing.Client.Officer.SignInAsync(f.Address, "nils", AccountServerFixture.Password);
    }

    [Fact]
    public async Task OnlyAnAdminManagesAccountsAndNoAdminChangesTheirOwnRolesOrDisablesThemselves()
    {
        var otto = await f.AddOfficerAsync("otto", "director");
        (await otto.SendAsync(HttpMethod.Put, "/api/v1/accounts/mallory", new { roles = new[] { "admin" }, password = AccountServerFixture.Password }))
            .ShouldBe(HttpStatusCode.Forbidden);
        (await otto.SendAsync(HttpMethod.Post, "/api/v1/accounts/root/disable", new { reason = "Kupp" })).ShouldBe(HttpStatusCode.Forbidden);
        (await otto.SendAsync(HttpMethod.Post, "/api/v1/accounts/root/password", new { password = "otto owns root now" })).ShouldBe(HttpStatusCode.Forbidden);

        (await f.Admin.SendAsync(HttpMethod.Put, "/api/v1/accounts/root", new { roles = new[] { "admin", "director" } })).ShouldBe(HttpStatusCode.Conflict);
        (await f.Admin.SendAsync(HttpMethod.Post, "/api/v1/accounts/root/disable", new { reason = "Oops" })).ShouldBe(HttpStatusCode.Conflict);
        var root = (await f.Admin.SendAsync(HttpMethod.Get, "/api/v1/accounts")).ShouldBe(HttpStatusCode.OK).Json!.AsArray()
            .Single(a => a!["name"]!.GetValue<string>() == "root")!;
        Assert.Equal(["admin"], root["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.False(root["disabled"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.OK, await f.IntranetBannersAsync(f.Admin.Token));
    }

    private static string Action(JsonObject e) => e["action"]!.GetValue<string>();

    private static List<string> OrderedBySequence(List<JsonObject> entries) =>
        entries.OrderBy(e => e["sequence"]?.GetValue<long>() ?? e["seq"]!.GetValue<long>()).Select(Action).ToList();
}
